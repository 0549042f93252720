"""{{ fact:KEY }} and {{ table:GROUP }}: figures from content-src/facts, in the page's language."""

from __future__ import annotations

from ..content import Fact
from ..render.engine import BlockProblem, Context, block
from ..render.citation import citation
from ..render.templates import raw, render
from ..text.formatting import format_value
from ..text.formatting import lao_digits as lao_digits_of
from ..words import t


def year_note(fact: Fact, lang: str, lao_digits: bool) -> str:
    """'2019 figure' beside a figure whose source is over two years older than our check."""
    if not fact.old_source:
        return ""
    year = str(fact.source_date.year)
    return t("year_figure", lang).format(year=lao_digits_of(year) if lang == "lo" and lao_digits else year)


def fact_html(fact: Fact, lang: str, lao_digits: bool) -> str:
    return render("fact.html", fact=fact, lang=lang, text=format_value(fact.value, fact.unit, lang, lao_digits),
                  year_note=year_note(fact, lang, lao_digits))


@block("fact")
def fact_block(key: str, ctx: Context) -> str:
    fact = ctx.content.facts.get(key)
    if fact is None:
        raise BlockProblem(f"unknown fact '{key}'",
                           "add it to a file in content-src/facts/ (with its sources) or fix the key")
    ctx.out.use_fact(key)
    return fact_html(fact, ctx.lang, ctx.lao_digits)


@block("table")
def table_block(group: str, ctx: Context) -> str:
    facts = [f for f in ctx.content.facts.values() if f.group == group]
    if not facts:
        raise BlockProblem(f"no facts have 'group: {group}'", "set 'group:' on the facts this table should list")
    rows = []
    for f in facts:
        ctx.out.use_fact(f.key)
        rows.append({"fact": f, "html": fact_html(f, ctx.lang, ctx.lao_digits), "legal": raw(citation(f.legal_source, ctx.lang))})
    return "\n" + render("fact_table.html", rows=rows, lang=ctx.lang) + "\n"
