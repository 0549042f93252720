"""Read one field of a YAML entry, or record a problem that says how to write it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import ContentError, Problem, WARNING, rel
from ..text.formatting import LANGS
from .yamlfile import Located, load_yaml

STALE_AFTER_DAYS = 365


def bilingual_field(entry: Located, key: str, where: str, line: int, problems: list[Problem],
               required: bool = True) -> dict | None:
    value = entry.get(key)
    if value is None:
        if required:
            problems.append(Problem(where, line, f"'{key}' is missing",
                                    f"add '{key}:' with 'lo:' and 'en:' texts"))
        return None
    if isinstance(value, dict) and set(value) - set(LANGS):
        extra = ", ".join(repr(k) for k in sorted(set(value) - set(LANGS), key=str))
        problems.append(Problem(where, entry.line_of(key), f"'{key}' has unexpected parts {extra}",
                                "put texts containing commas in quotes, e.g. en: \"Paksong, Thateng\", "
                                "or write lo: and en: on their own lines"))
        return None
    if not isinstance(value, dict) or any(not isinstance(value.get(l), str) or not value.get(l).strip()
                                          for l in LANGS):
        problems.append(Problem(where, entry.line_of(key), f"'{key}' needs both a Lao and an English text",
                                f"write it as '{key}:' followed by indented 'lo: ...' and 'en: ...' lines"))
        return None
    return {l: value[l].strip() for l in LANGS}


def _date(entry: Located, key: str, where: str, problems: list[Problem]) -> dt.date | None:
    value = entry.get(key)
    if isinstance(value, dt.date):
        return value
    problems.append(Problem(where, entry.line_of(key) if key in entry else entry.line,
                            f"'{key}' must be a date, got {value!r}",
                            f"write '{key}: YYYY-MM-DD', the day the figure was last checked against its source"))
    return None


def _text(entry: Located, key: str, where: str, problems: list[Problem], hint: str) -> str | None:
    value = entry.get(key)
    if isinstance(value, str) and value.strip():
        return value.strip()
    problems.append(Problem(where, entry.line_of(key) if key in entry else entry.line,
                            f"'{key}' is missing or empty", hint))
    return None


def _stale(checked: dt.date | None, where: str, line: int, what: str, today: dt.date,
           problems: list[Problem]) -> None:
    if checked and (today - checked).days > STALE_AFTER_DAYS:
        problems.append(Problem(where, line, f"{what} was last checked on {checked} (over 12 months ago)",
                                "check it against its source again and update 'checked'", WARNING))


def yaml_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(path.glob("*.yml")) + sorted(path.glob("*.yaml"))
    return [path] if path.exists() else []


def mapping_file(path: Path, problems: list[Problem], what: str, project: Path) -> Located:
    try:
        data = load_yaml(path, project)
    except ContentError as exc:
        problems.extend(exc.problems)
        return Located()
    if data is None:
        return Located()
    if not isinstance(data, Located):
        problems.append(Problem(rel(path, project), 1, f"expected a list of {what} keyed by name",
                                f"start each {what[:-1]} with 'some_key:' at the left margin"))
        return Located()
    return data


def optional_text(entry: Located, key: str, where: str, problems: list[Problem], hint: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, str) and value.strip():
        return value.strip()
    problems.append(Problem(where, entry.line_of(key), f"'{key}' must be a text, got {value!r}", hint))
    return None
