"""Contacts (content-src/contacts.yml): offices and hotlines, never a private person's number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import ERROR, Problem, rel
from .fields import _date, _stale, _text, bilingual_field, mapping_file, optional_text, yaml_files
from .model import CONTACT_CATEGORIES, CONTACT_STATUS, Contact
from .yamlfile import Located


def load_contacts(root: Path, today: dt.date, problems: list[Problem]) -> dict[str, Contact]:
    contacts: dict[str, Contact] = {}
    for path in yaml_files(root / "contacts.yml"):
        where = rel(path, root.parent)
        data = mapping_file(path, problems, "contacts", root.parent)
        for key, entry in data.items():
            line = data.line_of(key)
            if not isinstance(entry, Located):
                problems.append(Problem(where, line, f"contact '{key}' has no fields", "indent its fields under it"))
                continue
            n = len(problems)
            name = bilingual_field(entry, "name", where, line, problems)
            helps = bilingual_field(entry, "helps_with", where, line, problems)
            category = entry.get("category")
            if category not in CONTACT_CATEGORIES:
                problems.append(Problem(where, entry.line_of("category"), f"contact '{key}' has category {category!r}",
                                        f"use one of: {', '.join(CONTACT_CATEGORIES)}"))
            status = entry.get("status")
            if status not in CONTACT_STATUS:
                problems.append(Problem(where, entry.line_of("status"), f"contact '{key}' has status {status!r}",
                                        f"use one of: {', '.join(CONTACT_STATUS)}"))
            phones = entry.get("phone") or []
            phones = [str(p) for p in (phones if isinstance(phones, list) else [phones])]
            for p in phones:
                if not p.replace(" ", "").replace("-", "").lstrip("+").isdigit():
                    problems.append(Problem(where, entry.line_of("phone"), f"contact '{key}' has phone {p!r}",
                                            "write digits only (spaces, '-' and a leading '+' allowed), in quotes"))
            source = _text(entry, "source", where, problems, "name where this contact was seen")
            checked = _date(entry, "checked", where, problems)
            if len(problems) > n and any(p.level == ERROR for p in problems[n:]):
                continue
            _stale(checked, where, line, f"contact '{key}'", today, problems)
            contacts[key] = Contact(key=key, name=name, category=category, helps_with=helps, status=status,
                                    source=source, checked=checked, path=where, line=line, phone=phones,
                                    hours=bilingual_field(entry, "hours", where, line, problems, required=False),
                                    area=bilingual_field(entry, "area", where, line, problems, required=False),
                                    address=bilingual_field(entry, "address", where, line, problems, required=False),
                                    web=entry.get("web"),
                                    note=bilingual_field(entry, "note", where, line, problems, required=False),
                                    confirmed_by=optional_text(entry, "confirmed_by", where, problems, "write who confirmed it and when, e.g. \"district labour office, 2026-12-01\" (wic review --apply writes it)"))
    return contacts
