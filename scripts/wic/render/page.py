"""One page's Markdown, ready for MkDocs: placeholders rendered, the pictogram beside the title,
a "please check first" box under it when a figure is unconfirmed, and the Sources at the end."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..content import Content, Fact
from ..errors import Problem
from ..text.formatting import format_date, format_value
from .engine import render_placeholders
from .icons import icon_svg
from .citation import citation
from .templates import raw, render


@dataclass
class PageResult:
    markdown: str
    facts: list[str]
    problems: list[Problem]


def unverified_note(facts: list[Fact], content: Content, lang: str) -> str:
    """A visible box that names what is unconfirmed and whom to ask."""
    asks = []
    for f in facts:
        if f.ask and f.ask in content.contacts and content.contacts[f.ask] not in asks:
            asks.append(content.contacts[f.ask])
    return "\n" + render("check_first.html", labels=", ".join(f.label[lang] for f in facts), count=len(facts),
                         asks=asks, lang=lang) + "\n"


def sources_section(facts: list[Fact], other: list[str], last_reviewed, lang: str, lao_digits: bool) -> str:
    if not facts and not other and not last_reviewed:
        return ""
    when = ""
    if facts:
        oldest = min(f.checked for f in facts)
        newest = max(f.checked for f in facts)
        when = format_date(oldest, lang) if oldest == newest else f"{format_date(oldest, lang)} – {format_date(newest, lang)}"
    rows = [{"fact": f, "value": format_value(f.value, f.unit, lang, lao_digits),
             "legal": raw(citation(f.legal_source, lang)), "public": raw(citation(f.public_source, lang)),
             "source_date": format_date(f.source_date, lang) if f.source_date else "–",
             "checked": format_date(f.checked, lang)}
            for f in facts]
    return "\n\n" + render("sources.html", rows=rows, when=when, other=other, lang=lang,
                           old=any(f.old_source for f in facts),
                           last_reviewed=format_date(last_reviewed, lang) if last_reviewed else "") + "\n"


def render_page(markdown: str, meta: dict, lang: str, content: Content, where: str, lao_digits: bool,
                kiosk: bool = False) -> PageResult:
    rendered = render_placeholders(markdown, lang, content, where, lao_digits, kiosk=kiosk)
    facts = [content.facts[k] for k in rendered.facts]
    # The pictogram floats beside the title; the "check first" box comes right under it,
    # where readers look first.
    lines = rendered.markdown.split("\n")
    h1 = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    unverified = [f for f in facts if not f.verified]
    home = meta.get("layout") == "home"
    if h1 is not None:
        if unverified:
            lines.insert(h1 + 1, unverified_note(unverified, content, lang))
        if meta.get("icon") and not home:
            lines.insert(h1, "\n" + render("pictogram.html", svg=raw(icon_svg(meta["icon"]))) + "\n")
    body = "\n".join(lines)
    last_reviewed = meta.get("last_reviewed")
    if not isinstance(last_reviewed, dt.date):
        last_reviewed = None
    if not home:
        other = [str(s) for s in (meta.get("sources") or [])]
        body += sources_section(facts, other, last_reviewed, lang, lao_digits)
    return PageResult(body, rendered.facts, rendered.problems)
