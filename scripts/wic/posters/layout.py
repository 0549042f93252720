"""Turn a poster definition into the HTML of one printed page (one size, one language layout).

Layouts: 'lo' (Lao), 'en' (English), 'bi' (bilingual: Lao large, English small under it).
Figures come from the same renderers as the site (render_placeholders -> fact_html ->
format_value), so a poster can never say something the site does not.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import segno

from ..content import Content
from ..strings import POSTER_WORDS
from ..formatting import format_date
from ..icons import icon_svg
from ..placeholders import PLACEHOLDER, phone_html, render_placeholders
from .model import COLOURS, Poster, contacts_used, facts_used

LAYOUTS = ("lo", "en", "bi")
LAYOUT_NAMES = {
    "lo": {"lo": "ພາສາລາວ", "en": "Lao"},
    "en": {"lo": "ພາສາອັງກິດ", "en": "English"},
    "bi": {"lo": "ສອງພາສາ (ລາວ ແລະ ອັງກິດ)", "en": "Bilingual (Lao and English)"},
}
# Paper sizes in millimetres (portrait). The design is in rem and the root font size follows the
# page width, so A3 is A4 scaled up by sqrt(2): one layout, checked again at each size.
SIZES = {"a4": (210.0, 297.0), "a3": (297.0, 420.0)}
ROOT_MM_PER_WIDTH = 4.0 / 210.0     # A4: 1rem = 4 mm

FONTS_DIR = Path(__file__).resolve().parents[3] / "overrides" / "assets" / "wic" / "fonts"
HERE = Path(__file__).resolve().parent

T = POSTER_WORDS


def _e(text: str) -> str:
    return html.escape(text, quote=True)


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

def _svg(name: str, cls: str) -> str:
    svg = icon_svg(name)
    return svg.replace("<svg", f'<svg class="{cls}" aria-hidden="true" focusable="false"', 1) if svg else ""


def qr_svg(url: str) -> str:
    qr = segno.make(url, error="m", micro=False)
    svg = qr.svg_inline(scale=1, border=2, dark="#000", light="#fff", omitsize=True)
    return svg.replace("<svg", '<svg class="poster__qr" role="img" aria-label="QR"', 1)


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def message_html(text: str, lang: str, content: Content, where: str, lao_digits: bool) -> str:
    """One message: escaped text, placeholders rendered like on the site, **bold** kept."""
    escaped = html.escape(text, quote=False)

    def mark_unconfirmed_phone(m: re.Match) -> str:
        contact = content.contacts.get((m.group(2) or "").strip())
        if m.group(1) == "phone" and contact is not None and contact.status == "unverified":
            return m.group(0) + '<span class="poster__warn" title="unverified">\u26a0</span>'
        return m.group(0)

    escaped = PLACEHOLDER.sub(mark_unconfirmed_phone, escaped)
    rendered = render_placeholders(escaped, lang, content, where, lao_digits)
    if rendered.problems:
        raise ValueError("; ".join(str(p) for p in rendered.problems))
    return _BOLD.sub(r"<strong>\1</strong>", rendered.markdown)


def _text_pair(texts: dict, layout: str, cls: str, render=lambda t, l: _e(t)) -> str:
    """Lao or English, or (bilingual) Lao then English small under it."""
    if layout == "bi":
        return (f'<span class="{cls}__lo" lang="lo">{render(texts["lo"], "lo")}</span>'
                f'<span class="{cls}__en" lang="en">{render(texts["en"], "en")}</span>')
    return f'<span class="{cls}__main" lang="{layout}">{render(texts[layout], layout)}</span>'


def _title_phrases(text: str, lang: str) -> str:
    # Lao writes spaces only between phrases: keep each phrase on one line so a title breaks there.
    if lang != "lo":
        return _e(text)
    return " ".join(f'<span class="phrase">{_e(part)}</span>' for part in text.split(" "))


def _contact_html(contact, layout: str) -> str:
    name = _text_pair(contact.name, layout, "contact__name")
    warn = '<span class="poster__warn">\u26a0</span>' if contact.status == "unverified" else ""
    if contact.phone:
        detail = f'<span class="contact__phone">{phone_html(contact)}{warn}</span>'
    else:
        # No phone number: say so, and where the office is; an unconfirmed office is marked by its name.
        name = name.replace("</span>", f"{warn}</span>", 1)
        texts = {l: f"{T['visit'][l]}: {contact.area[l]}" if contact.area else T["no_phone"][l] for l in ("lo", "en")}
        detail = f'<span class="contact__visit">{_text_pair(texts, layout, "contact__visit")}</span>'
    return f'<div class="contact" data-contact="{contact.key}"><div class="contact__name">{name}</div>{detail}</div>'


def _both(key: str, layout: str, sep: str = " ") -> str:
    if layout == "bi":
        return (f'<span lang="lo">{_e(T[key]["lo"])}</span>{sep}'
                f'<span class="poster__foot-en" lang="en">{_e(T[key]["en"])}</span>')
    return f'<span lang="{layout}">{_e(T[key][layout])}</span>'


# --- the page -------------------------------------------------------------------------------------

def poster_page(poster: Poster, layout: str, content: Content, base_url: str, lao_digits: bool = False) -> PosterPage:
    lang = "en" if layout == "en" else "lo"
    main, dark, tint = COLOURS[poster.colour]
    fact_keys = facts_used(poster, content)
    contact_keys = contacts_used(poster, content)
    facts = [content.facts[k] for k in fact_keys]
    contacts = [content.contacts[k] for k in contact_keys]
    dates = [f.checked for f in facts] + [c.checked for c in contacts]
    checked = min(dates) if dates else None
    url = poster.page_url(base_url, lang)
    where = poster.path

    title = _text_pair(poster.title, layout, "poster__title", _title_phrases)
    head = (f'<header class="poster__head"><div class="poster__picto">{_svg(poster.pictogram, "poster__picto-svg")}</div>'
            f'<div class="poster__heading"><p class="poster__issuer">{_both("brand", layout, " · ")}</p>'
            f'<h1 class="poster__title">{title}</h1></div></header>')

    items = []
    for n, message in enumerate(poster.messages, start=1):
        mark = _svg(message.icon, "msg__icon") if message.icon else f'<span class="msg__num">{n}</span>'
        text = _text_pair(message.text, layout, "msg__text",
                          lambda t, l: message_html(t, l, content, f"{where}:{message.line}", lao_digits))
        items.append(f'<li class="msg"><span class="msg__mark" aria-hidden="true">{mark}</span>'
                     f'<p class="msg__text">{text}</p></li>')
    msgs = f'<ol class="poster__msgs">{"".join(items)}</ol>'

    cards = "".join(_contact_html(content.contacts[k], layout) for k in poster.contacts if k in content.contacts)
    contacts_html = (f'<section class="poster__contacts"><h2 class="poster__contacts-head">'
                     f'{_svg("material/phone-in-talk", "poster__contacts-icon")}{_both("call", layout)}</h2>'
                     f'<div class="poster__cards poster__cards--{min(len(poster.contacts), 4)}">{cards}</div></section>')

    foot_lines = []
    if checked:
        if layout == "bi":
            when = (f'<span lang="lo">{_e(T["checked"]["lo"])} <strong>{_e(format_date(checked, "lo"))}</strong></span>'
                    f' · <span class="poster__foot-en" lang="en">{_e(T["checked"]["en"])} {_e(format_date(checked, "en"))}</span>')
        else:
            when = f'<span lang="{lang}">{_e(T["checked"][lang])} <strong>{_e(format_date(checked, lang))}</strong></span>'
        foot_lines.append(f'<p class="poster__checked">{when}</p>')
    foot_lines.append(f'<p class="poster__url">{_both("more", layout, " · ")}: <span class="poster__link">{_e(url)}</span></p>')
    unverified_facts = [f for f in facts if not f.verified]
    unverified_contacts = [c for c in contacts if c.status == "unverified"]
    if unverified_facts or unverified_contacts:
        asks: list[str] = []
        for f in unverified_facts:
            if f.ask and f.ask in content.contacts and f.ask not in asks:
                asks.append(f.ask)
        if unverified_contacts and "wic_centre" in content.contacts and "wic_centre" not in asks:
            asks.append("wic_centre")

        def note(l: str) -> str:
            names = ", ".join(content.contacts[a].name[l] for a in asks)
            return _e(T["unverified"][l]) + (f' — {_e(T["check_with"][l])}: {_e(names)}' if asks else "")

        text = (f'<span lang="lo">{note("lo")}</span><br><span class="poster__foot-en" lang="en">{note("en")}</span>'
                if layout == "bi" else f'<span lang="{lang}">{note(lang)}</span>')
        foot_lines.append(f'<p class="poster__unverified" id="wic-check-first"><span class="poster__warn">\u26a0</span> {text}</p>')
    foot = (f'<footer class="poster__foot">{qr_svg(url)}<div class="poster__foot-text">{"".join(foot_lines)}</div></footer>')

    style = f"--c:{main};--cd:{dark};--ct:{tint}"
    body = (f'<article class="poster poster--{layout}" lang="{lang}" data-poster="{poster.key}" style="{style}">'
            f'{head}<main class="poster__main">{msgs}</main>{contacts_html}{foot}</article>')
    doc_title = poster.title["en"] if layout == "en" else poster.title["lo"]
    return PosterPage(body=body, title=doc_title, lang=lang, url=url, checked=checked,
                      facts=fact_keys, contacts=contact_keys)


# --- the document shell (loaded once per browser page) -----------------------------------------------

@lru_cache(maxsize=None)
def _font_faces() -> str:
    """The vendored fonts as data: URLs, so a poster loads nothing from anywhere."""
    rules = []
    for weight in (400, 700):
        for subset, rng in (("lao", "U+0E80-0EFF, U+200B-200D, U+25CC"), ("latin", None)):
            path = FONTS_DIR / f"noto-sans-lao-looped-{subset}-{weight}-normal.woff2"
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            rng_rule = f" unicode-range: {rng};" if rng else ""
            rules.append(f'@font-face {{ font-family: "WIC Lao"; font-style: normal; font-weight: {weight};'
                         f' font-display: block; src: url(data:font/woff2;base64,{data}) format("woff2");{rng_rule} }}')
    return "\n".join(rules)


def shell_html() -> str:
    css = (HERE / "poster.css").read_text(encoding="utf-8")
    js = (HERE / "fit.js").read_text(encoding="utf-8")
    return ("<!doctype html><html><head><meta charset=\"utf-8\"><title>poster</title>"
            f"<style>{_font_faces()}</style><style>{css}</style><style id=\"page-size\"></style>"
            f"<script>{js}</script></head><body></body></html>")


def page_css(size: str) -> str:
    w, h = SIZES[size]
    root = w * ROOT_MM_PER_WIDTH
    return (f"@page {{ size: {w}mm {h}mm; margin: 0; }}\n"
            f"html {{ font-size: {root:.4f}mm; }}\n"
            f".poster {{ width: {w}mm; height: {h}mm; }}")
