"""Everything a Lao speaker or an office must confirm: unverified facts and contacts, glossary guesses."""

from __future__ import annotations

from dataclasses import dataclass

from ..content import Content
from ..text.formatting import format_value
from ..words import t

KINDS = ("fact", "contact", "term")


@dataclass(frozen=True)
class ReviewItem:
    kind: str            # fact | contact | term
    key: str
    path: str            # the content file, relative to the project
    line: int
    what: dict           # {lo, en}: what it is
    current: dict        # {lo, en}: what the pages say now
    ask: dict            # {lo, en}: who can confirm it


def review_items(content: Content) -> list[ReviewItem]:
    items: list[ReviewItem] = []
    for fact in content.facts.values():
        if fact.verified:
            continue
        ask = content.contacts.get(fact.ask)
        items.append(ReviewItem(
            "fact", fact.key, fact.path, fact.line, dict(fact.label),
            {lang: format_value(fact.value, fact.unit, lang) for lang in ("lo", "en")},
            dict(ask.name) if ask else {"lo": "", "en": ""}))
    for contact in content.contacts.values():
        if contact.status != "unverified":
            continue
        phones = " / ".join(contact.phone)
        items.append(ReviewItem(
            "contact", contact.key, contact.path, contact.line, dict(contact.name),
            {"lo": phones or "–", "en": phones or "–"},
            {lang: t("ask_contact", lang, "review") for lang in ("lo", "en")}))
    for term in content.terms.values():
        if term.status != "guess":
            continue
        items.append(ReviewItem(
            "term", term.key, term.path, term.line, {"lo": term.definition["lo"], "en": term.en},
            {"lo": term.lo, "en": term.lo},
            {lang: t("ask_term", lang, "review") for lang in ("lo", "en")}))
    return items
