"""Read one field of a YAML entry, or record a problem that says how to write it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import ContentError, Problem, WARNING, rel
from ..text.formatting import LANGS
from .files import ALL, Unreadable, read_text
from .yamlfile import Located, load_yaml

# What a file that cannot be parsed would probably have defined: its keys at the left margin
# (or one space in, the usual slip), and for facts the groups they belong to.
_TOP_KEY = re.compile(r"""^ ?(?:"([^"\n]+)"|'([^'\n]+)'|([^\s#'"?:\-][^:#\n]*?))[ \t]*:(?:[ \t]|$)""", re.M)
# A key whose ':' was lost in the slip that broke the file.
_BARE_KEY = re.compile(r"^ ?([A-Za-z0-9_][A-Za-z0-9_\-]*)[ \t]*$", re.M)
_GROUP = re.compile(r"""^[ \t]+group[ \t]*:[ \t]*["']?([^"'#\n]*?)["']?[ \t]*(?:#.*)?$""", re.M)
_KINDS = {"facts": "fact", "contacts": "contact", "terms": "term"}

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
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:60] + "…"
    problems.append(Problem(where, entry.line_of(key) if key in entry else entry.line,
                            f"'{key}' must be a date, got {shown}",
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


def would_define(path: Path, what: str, project: Path) -> tuple:
    """(kind, key) pairs a facts, contacts or glossary file that cannot be used would have defined."""
    kind = _KINDS.get(what, what)
    try:
        text = read_text(path, project, [])
    except ContentError:
        return ((kind, ALL),) + (("group", ALL),) * (kind == "fact")
    keys = [next(g for g in m.groups() if g is not None).strip() for m in _TOP_KEY.finditer(text)]
    keys += _BARE_KEY.findall(text)
    defines = [(kind, k) for k in keys]
    if kind == "fact":
        defines += [("group", g.strip()) for g in _GROUP.findall(text)]
    return tuple(defines)


def entry_lines(path: Path, project: Path) -> dict[str, int]:
    """{key: line} of the entries (keys at the left margin) of a YAML file, without parsing it."""
    try:
        text = read_text(path, project, [])
    except ContentError:
        return {}
    return {next(g for g in m.groups() if g is not None).strip(): text.count("\n", 0, m.start()) + 1
            for m in _TOP_KEY.finditer(text) if not m.group(0).startswith(" ")}


def mapping_file(path: Path, problems: list[Problem], what: str, project: Path) -> Located:
    """The file's entries by key; a file that cannot be used is reported (as the root cause of
    the unknown keys that follow from it) and gives no entries."""
    try:
        data = load_yaml(path, project)
        if data is None or isinstance(data, Located):
            return data if data is not None else Located()
        found = [Unreadable(rel(path, project), 1, f"expected {what} keyed by name, found a {type(data).__name__}",
                            f"start each {what[:-1]} with 'some_key:' at the left margin")]
    except ContentError as exc:
        found = exc.problems
    defines = would_define(path, what, project)
    problems.extend(Unreadable(p.path, p.line, p.what, p.fix, p.level, defines) for p in found)
    return Located()


def optional_text(entry: Located, key: str, where: str, problems: list[Problem], hint: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, str) and value.strip():
        return value.strip()
    problems.append(Problem(where, entry.line_of(key), f"'{key}' must be a text, got {value!r}", hint))
    return None
