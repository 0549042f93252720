"""What content-src holds, once loaded: facts, contacts, glossary terms, and what features add."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ERROR, Problem

OLD_SOURCE_DAYS = 2 * 365
CONFIDENCE = ("official", "secondary", "unverified")
CONTACT_STATUS = ("verified", "secondary", "unverified")
CONTACT_CATEGORIES = ("emergency", "social-security", "health", "labour", "women", "youth",
                      "uxo", "migration", "community")


@dataclass
class Fact:
    key: str
    value: Any
    unit: str
    label: dict
    legal_source: str
    public_source: str
    checked: dt.date
    confidence: str
    path: str
    line: int
    ask: str | None = None
    note: dict | None = None
    group: str | None = None
    formula: str | None = None
    source_date: dt.date | None = None      # the date of the source itself (a law, a price list, a survey)
    confirmed_by: str | None = None         # "role, date" of whoever confirmed it (wic review --apply)

    @property
    def verified(self) -> bool:
        return self.confidence != "unverified"

    @property
    def old_source(self) -> bool:
        """The figure comes from a source over two years older than our check: readers see its year."""
        return self.source_date is not None and (self.checked - self.source_date).days > OLD_SOURCE_DAYS


@dataclass
class Contact:
    key: str
    name: dict
    category: str
    helps_with: dict
    status: str
    source: str
    checked: dt.date
    path: str
    line: int
    phone: list[str] = field(default_factory=list)
    hours: dict | None = None
    area: dict | None = None
    address: dict | None = None
    web: str | None = None
    note: dict | None = None
    confirmed_by: str | None = None


@dataclass
class Term:
    key: str
    lo: str
    en: str
    definition: dict
    variants: list[str]
    status: str
    source: str
    path: str
    line: int
    confirmed_by: str | None = None
    # Words people say for this term (Lao or English), used only by search, never on pages.
    everyday: list[str] = field(default_factory=list)


@dataclass
class Content:
    root: Path
    facts: dict[str, Fact]
    contacts: dict[str, Contact]
    terms: dict[str, Term]
    problems: list[Problem]
    # What features load beside the core content (e.g. "posters"), by feature name.
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]
