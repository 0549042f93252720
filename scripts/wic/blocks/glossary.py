"""{{ glossary }}: the glossary table, sorted for the page's language."""

from __future__ import annotations

from ..render.engine import Context, block
from ..render.templates import render


@block("glossary")
def glossary_block(arg: str, ctx: Context) -> str:
    terms = sorted(ctx.content.terms.values(), key=lambda x: x.lo if ctx.lang == "lo" else x.en.lower())
    return "\n" + render("glossary.html", terms=terms, lang=ctx.lang) + "\n"
