"""Replace {{ kind:key }} placeholders in page Markdown with values from content-src.

Placeholders:
  {{ fact:KEY }}           the value in the page's language and numbering, e.g. 2.500.000 ກີບ
  {{ contact:KEY }}        a contact's name and phone number(s), inline
  {{ phone:KEY }}          a contact's phone number(s) only, as call links
  {{ help:KEY, KEY, ... }} contact cards (for "Where to get help")
  {{ contacts:all }}       the whole directory, grouped by category
  {{ table:GROUP }}        a table of every fact with 'group: GROUP' (e.g. the wage history)
  {{ glossary }}           the glossary table
  {{ posters }}            the poster gallery: thumbnails and PDF downloads (content-src/posters)
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .content import Contact, Content, Fact
from .formatting import format_date, format_value
from .problems import Problem
from .strings import CATEGORIES, t

PLACEHOLDER = re.compile(r"\{\{\s*([a-z]+)\s*(?::\s*([^{}]*?))?\s*\}\}")
KINDS = ("fact", "contact", "phone", "help", "contacts", "table", "glossary", "posters")


@dataclass
class Rendered:
    markdown: str
    facts: list[str] = field(default_factory=list)      # keys, in order of first use
    contacts: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def use_fact(self, key: str) -> None:
        if key not in self.facts:
            self.facts.append(key)

    def use_contact(self, key: str) -> None:
        if key not in self.contacts:
            self.contacts.append(key)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def fact_html(fact: Fact, lang: str, lao_digits: bool) -> str:
    text = _e(format_value(fact.value, fact.unit, lang, lao_digits))
    if fact.verified:
        return f'<span class="wic-fact" data-fact="{fact.key}">{text}</span>'
    title = _e(t("unverified", lang))
    return (f'<span class="wic-fact wic-fact--unverified" data-fact="{fact.key}" title="{title}">{text}'
            f' <a class="wic-unverified-mark" href="#wic-check-first" aria-label="{title}">⚠</a></span>')


def phone_html(contact: Contact) -> str:
    return " / ".join(f'<a class="wic-phone" href="tel:{p.replace(" ", "").replace("-", "")}">{_e(p)}</a>'
                      for p in contact.phone)


def contact_inline(contact: Contact, lang: str) -> str:
    phones = phone_html(contact)
    return f'<strong>{_e(contact.name[lang])}</strong>' + (f" ({phones})" if phones else "")


def contact_card(contact: Contact, lang: str) -> str:
    rows = [f'<p class="wic-contact__name">{_e(contact.name[lang])}</p>']
    if contact.phone:
        rows.append(f'<p class="wic-contact__phone">{_e(t("phone", lang))} {phone_html(contact)}</p>')
    else:
        rows.append(f'<p class="wic-contact__nophone">{_e(t("no_phone", lang))}</p>')
    rows.append(f'<p>{_e(contact.helps_with[lang])}</p>')
    for key in ("hours", "area", "address"):
        value = getattr(contact, key)
        if value:
            rows.append(f'<p><span class="wic-contact__label">{_e(t(key, lang))}:</span> {_e(value[lang])}</p>')
    if contact.note:
        rows.append(f'<p>{_e(contact.note[lang])}</p>')
    if contact.status == "unverified":
        rows.append(f'<p class="wic-contact__warn">⚠ {_e(t("status_unverified", lang))}</p>')
    cls = f"wic-contact wic-contact--{contact.category}"
    return f'<div class="{cls}" data-contact="{contact.key}">' + "".join(rows) + "</div>"


def _cards(contacts: list[Contact], lang: str) -> str:
    return '\n<div class="wic-contacts">' + "".join(contact_card(c, lang) for c in contacts) + "</div>\n"


def _directory(content: Content, lang: str, out: Rendered) -> str:
    parts = []
    for category, names in CATEGORIES.items():
        group = [c for c in content.contacts.values() if c.category == category]
        if not group:
            continue
        for c in group:
            out.use_contact(c.key)
        parts.append(f"\n## {names[lang]}\n" + _cards(group, lang))
    return "\n".join(parts)


def _fact_table(group: str, content: Content, lang: str, lao_digits: bool, out: Rendered) -> str | None:
    facts = [f for f in content.facts.values() if f.group == group]
    if not facts:
        return None
    head = f"<tr><th>{_e(t('figure', lang))}</th><th>{_e(t('value', lang))}</th><th>{_e(t('legal_source', lang))}</th></tr>"
    rows = []
    for f in facts:
        out.use_fact(f.key)
        rows.append(f"<tr><td>{_e(f.label[lang])}</td><td>{fact_html(f, lang, lao_digits)}</td>"
                    f"<td>{_e(f.legal_source)}</td></tr>")
    return f'\n<table class="wic-fact-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>\n'


def _glossary(content: Content, lang: str) -> str:
    head = (f"<tr><th>{_e(t('term_lo', lang))}</th><th>{_e(t('term_en', lang))}</th>"
            f"<th>{_e(t('meaning', lang))}</th></tr>")
    rows = []
    for term in sorted(content.terms.values(), key=lambda x: x.lo if lang == "lo" else x.en.lower()):
        extra = ""
        if term.variants:
            extra += f'<br><small>{_e(t("also_written", lang))}: {_e(", ".join(term.variants))}</small>'
        if term.status == "guess":
            extra += f'<br><small class="wic-guess">⚠ {_e(t("guess", lang))}</small>'
        rows.append(f'<tr id="term-{term.key}"><td lang="lo">{_e(term.lo)}{extra}</td><td lang="en">{_e(term.en)}</td>'
                    f"<td>{_e(term.definition[lang])}</td></tr>")
    return f'\n<table class="wic-glossary"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>\n'


def render_placeholders(markdown: str, lang: str, content: Content, where: str, lao_digits: bool = False,
                        first_line: int = 1) -> Rendered:
    """Replace every placeholder; unknown keys become problems (and visible markers)."""
    out = Rendered(markdown)
    line_starts = [0] + [m.end() for m in re.finditer("\n", markdown)]

    def line_of(pos: int) -> int:
        lo, hi = 0, len(line_starts)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if line_starts[mid] <= pos:
                lo = mid
            else:
                hi = mid
        return first_line + lo

    def fail(m: re.Match, what: str, fix: str) -> str:
        out.problems.append(Problem(where, line_of(m.start()), what, fix))
        return f'<mark class="wic-broken">{_e(m.group(0))}</mark>'

    def replace(m: re.Match) -> str:
        kind, arg = m.group(1), (m.group(2) or "").strip()
        if kind not in KINDS:
            return fail(m, f"unknown placeholder kind '{kind}'", f"use one of: {', '.join(KINDS)}")
        if kind == "fact":
            fact = content.facts.get(arg)
            if fact is None:
                return fail(m, f"unknown fact '{arg}'",
                            "add it to a file in content-src/facts/ (with its sources) or fix the key")
            out.use_fact(arg)
            return fact_html(fact, lang, lao_digits)
        if kind in ("contact", "phone"):
            contact = content.contacts.get(arg)
            if contact is None:
                return fail(m, f"unknown contact '{arg}'", "use a key from content-src/contacts.yml")
            out.use_contact(arg)
            if kind == "phone":
                if not contact.phone:
                    return fail(m, f"contact '{arg}' has no phone number", "use {{ contact:" + arg + " }} instead")
                return phone_html(contact)
            return contact_inline(contact, lang)
        if kind == "help":
            keys = [k.strip() for k in arg.split(",") if k.strip()]
            missing = [k for k in keys if k not in content.contacts]
            if not keys or missing:
                return fail(m, f"unknown contact(s) {', '.join(missing) or '(none given)'} in help block",
                            "list keys from content-src/contacts.yml, separated by commas")
            for k in keys:
                out.use_contact(k)
            return _cards([content.contacts[k] for k in keys], lang)
        if kind == "contacts":
            return _directory(content, lang, out)
        if kind == "table":
            table = _fact_table(arg, content, lang, lao_digits, out)
            if table is None:
                return fail(m, f"no facts have 'group: {arg}'", "set 'group:' on the facts this table should list")
            return table
        if kind == "posters":
            from .posters.gallery import gallery_html

            block, problems = gallery_html(content, lang)
            out.problems.extend(problems)
            return block
        return _glossary(content, lang)

    out.markdown = PLACEHOLDER.sub(replace, markdown)
    return out


def unverified_note(facts: list[Fact], content: Content, lang: str) -> str:
    """A visible box that names what is unconfirmed and whom to ask."""
    labels = ", ".join(f.label[lang] for f in facts)
    asks = []
    for f in facts:
        if f.ask and f.ask not in asks:
            asks.append(f.ask)
    ask_text = "; ".join(contact_inline(content.contacts[a], lang) for a in asks if a in content.contacts)
    return (f'\n<div class="admonition warning wic-check-first" id="wic-check-first">'
            f'<p class="admonition-title">{_e(t("check_first", lang))}</p>'
            f"<p>{_e(t('check_first_text', lang))} {_e(labels)}.</p>"
            f"<p>{_e(t('ask', lang))}: {ask_text}.</p></div>\n")


def sources_section(facts: list[Fact], other: list[str], last_reviewed, lang: str, lao_digits: bool) -> str:
    if not facts and not other and not last_reviewed:
        return ""
    parts = [f'\n<section class="wic-sources" markdown="0"><h2 id="wic-sources">{_e(t("sources", lang))}</h2>']
    if facts:
        oldest = min(f.checked for f in facts)
        newest = max(f.checked for f in facts)
        when = format_date(oldest, lang) if oldest == newest else f"{format_date(oldest, lang)} – {format_date(newest, lang)}"
        parts.append(f'<p class="wic-checked">{_e(t("figures_checked", lang))} <strong>{_e(when)}</strong>.</p>')
        head = "".join(f"<th>{_e(t(k, lang))}</th>" for k in
                       ("figure", "value", "legal_source", "public_source", "checked", "confidence"))
        rows = []
        for f in facts:
            rows.append(f"<tr><td>{_e(f.label[lang])}</td><td>{_e(format_value(f.value, f.unit, lang, lao_digits))}</td>"
                        f"<td>{_e(f.legal_source)}</td><td>{_e(f.public_source)}</td>"
                        f"<td>{_e(format_date(f.checked, lang))}</td>"
                        f'<td class="wic-conf wic-conf--{f.confidence}">{_e(t(f.confidence, lang))}</td></tr>')
        parts.append(f'<div class="wic-table-wrap"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')
    if other:
        parts.append(f"<p><strong>{_e(t('other_sources', lang))}:</strong></p><ul>"
                     + "".join(f"<li>{_e(s)}</li>" for s in other) + "</ul>")
    if last_reviewed:
        parts.append(f'<p class="wic-reviewed">{_e(t("last_reviewed", lang))}: {_e(format_date(last_reviewed, lang))}</p>')
    parts.append("</section>\n")
    return "\n" + "".join(parts)
