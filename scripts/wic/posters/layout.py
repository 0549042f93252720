"""Turn a poster definition into the HTML of one printed page (one size, one language layout).

Layouts: 'lo' (Lao), 'en' (English), 'bi' (bilingual: Lao large, English small under it).
Figures come from the same renderers as the site (render_placeholders -> fact_html ->
format_value), so a poster can never say something the site does not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import segno
from markupsafe import Markup, escape

from ..blocks.contacts import phone_html
from ..content import Content
from ..render.engine import render_placeholders
from ..render.icons import icon_svg
from ..render.templates import add_folder, raw, render
from ..text.formatting import format_date
from ..words import section
from .model import COLOURS, MESSAGE_KINDS, Poster, contacts_used, facts_used

LAYOUTS = ("lo", "en", "bi")
HERE = Path(__file__).resolve().parent
add_folder(HERE / "templates")


@dataclass
class PosterPage:
    """The HTML body of one poster page, plus what the tests and the gallery need to know."""
    body: str
    title: str                      # document title (PDF metadata)
    lang: str                       # main language of the page
    url: str                        # where the QR code leads
    checked: dt.date | None
    facts: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)


# --- pieces ---------------------------------------------------------------------------------------

def _svg(name: str, cls: str) -> Markup:
    svg = icon_svg(name)
    return raw(svg.replace("<svg", f'<svg class="{cls}" aria-hidden="true" focusable="false"', 1) if svg else "")


def qr_svg(url: str) -> Markup:
    qr = segno.make(url, error="m", micro=False)
    svg = qr.svg_inline(scale=1, border=2, dark="#000", light="#fff", omitsize=True)
    return raw(svg.replace("<svg", '<svg class="poster__qr" role="img" aria-label="QR"', 1))


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def message_html(text: str, lang: str, content: Content, where: str, lao_digits: bool) -> Markup:
    """One message: escaped text, placeholders rendered like on the site, **bold** kept."""
    escaped = str(escape(text))
    rendered = render_placeholders(escaped, lang, content, where, lao_digits, kinds=MESSAGE_KINDS)
    if rendered.problems:
        raise ValueError("; ".join(str(p) for p in rendered.problems))
    return raw(_BOLD.sub(r"<strong>\1</strong>", rendered.markdown))


# --- the page -------------------------------------------------------------------------------------

def poster_page(poster: Poster, layout: str, content: Content, base_url: str, lao_digits: bool = False) -> PosterPage:
    lang = "en" if layout == "en" else "lo"
    words = {l: section("poster", l) for l in ("lo", "en")}
    fact_keys = facts_used(poster, content)
    contact_keys = contacts_used(poster, content)
    facts = [content.facts[k] for k in fact_keys]
    contacts = [content.contacts[k] for k in contact_keys]
    dates = [f.checked for f in facts] + [c.checked for c in contacts]
    checked = min(dates) if dates else None
    # A poster hangs on a wall for years: it says how old its oldest source is, not only when we checked.
    source_dates = [f.source_date for f in facts if f.source_date]
    oldest_source = min(source_dates) if source_dates else None
    url = poster.page_url(base_url, lang)

    messages = [{"icon": _svg(m.icon, "msg__icon") if m.icon else None,
                 "text": {l: message_html(m.text[l], l, content, f"{poster.path}:{m.line}", lao_digits)
                          for l in ("lo", "en") if layout in (l, "bi")}}
                for m in poster.messages]
    cards = []
    for key in poster.contacts:
        c = content.contacts.get(key)
        if c is None:
            continue
        visit = {l: f"{words[l]['visit']}: {c.area[l]}" if c.area else words[l]["no_phone"] for l in ("lo", "en")}
        cards.append({"contact": c, "phones": raw(phone_html(c, layout if layout != "bi" else "lo", mark=False)), "unverified": c.status == "unverified",
                      "visit": visit})

    note = None
    unverified_facts = [f for f in facts if not f.verified]
    unverified_contacts = [c for c in contacts if c.status == "unverified"]
    if unverified_facts or unverified_contacts:
        asks: list[str] = []
        for f in unverified_facts:
            if f.ask and f.ask in content.contacts and f.ask not in asks:
                asks.append(f.ask)
        if unverified_contacts and "wic_centre" in content.contacts and "wic_centre" not in asks:
            asks.append("wic_centre")
        note = {}
        for l in ("lo", "en"):
            names = ", ".join(content.contacts[a].name[l] for a in asks)
            note[l] = words[l]["unverified"] + (f" — {words[l]['check_with']}: {names}" if asks else "")

    body = render("poster.html", poster=poster, layout=layout, lang=lang, words=words,
                  colours=COLOURS[poster.colour], picto=_svg(poster.pictogram, "poster__picto-svg"),
                  messages=messages, contacts=cards, phone_icon=_svg("material/phone-in-talk", "poster__contacts-icon"),
                  checked={l: format_date(checked, l) for l in ("lo", "en")} if checked else None,
                  sources_from=str(oldest_source.year) if oldest_source else None,
                  url=url, qr=qr_svg(url), note=note)
    doc_title = poster.title["en"] if layout == "en" else poster.title["lo"]
    return PosterPage(body=str(body), title=doc_title, lang=lang, url=url, checked=checked,
                      facts=fact_keys, contacts=contact_keys)
