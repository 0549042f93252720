"""Glossary (content-src/glossary/*.yml): the preferred Lao term per concept, with its variants."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem, rel
from .fields import _text, bilingual_field, mapping_file, optional_text, yaml_files
from .model import Term
from .yamlfile import Located


def load_glossary(root: Path, problems: list[Problem]) -> dict[str, Term]:
    terms: dict[str, Term] = {}
    for path in yaml_files(root / "glossary"):
        where = rel(path, root.parent)
        data = mapping_file(path, problems, "terms", root.parent)
        for key, entry in data.items():
            line = data.line_of(key)
            if not isinstance(entry, Located):
                problems.append(Problem(where, line, f"term '{key}' has no fields", "indent 'lo:', 'en:' and 'definition:' under it"))
                continue
            if key in terms:
                problems.append(Problem(where, line, f"term '{key}' is defined twice", "keep one definition"))
                continue
            n = len(problems)
            lo = _text(entry, "lo", where, problems, "write the preferred Lao term")
            en = _text(entry, "en", where, problems, "write the English term")
            definition = bilingual_field(entry, "definition", where, line, problems)
            variants = entry.get("variants") or []
            if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
                problems.append(Problem(where, entry.line_of("variants"), f"variants of '{key}' must be a list of Lao spellings",
                                        "write 'variants: [ຄຳໜຶ່ງ, ຄຳສອງ]' or leave it out"))
                variants = []
            everyday = entry.get("everyday") or []
            if not isinstance(everyday, list) or not all(isinstance(v, str) and v.strip() for v in everyday):
                problems.append(Problem(where, entry.line_of("everyday"), f"everyday words of '{key}' must be a list of words",
                                        "write 'everyday: [ຄຳທີ່ຄົນເວົ້າ, word people say]' or leave it out"))
                everyday = []
            status = entry.get("status", "seen")
            if status not in ("seen", "guess"):
                problems.append(Problem(where, entry.line_of("status"), f"term '{key}' has status {status!r}",
                                        "use 'seen' (spelling seen in an official source) or 'guess' (needs a Lao speaker's check)"))
            if len(problems) > n:
                continue
            terms[key] = Term(key=key, lo=lo, en=en, definition=definition, variants=variants, status=status,
                              source=str(entry.get("source", "")), path=where, line=line,
                              everyday=[v.strip() for v in everyday],
                              confirmed_by=optional_text(entry, "confirmed_by", where, problems, "write who confirmed it and when, e.g. \"district labour office, 2026-12-01\" (wic review --apply writes it)"))
    return terms
