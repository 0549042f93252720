"""`wic review --apply FILE.csv`: bring the centres' answers into content-src.

Only answered rows change anything. A confirmed fact becomes 'secondary' (confirmed by an office,
not yet seen in an official text) with the reviewer's role and date; a changed one also gets the
new value. Contacts become 'verified', glossary guesses 'seen'. Every other field, comment and
line of the YAML files stays as it was: the edit is made line by line, then the whole content is
loaded again and checked before anything is written. A malformed row is refused with the CSV's
file:line; then nothing at all is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..content import Content
from ..errors import ERROR, ContentError, Problem
from ..text.formatting import NUMERIC_UNITS
from .worksheet import COLUMNS

ANSWERS = ("confirmed", "changed", "unknown")
LAO = re.compile(r"[\u0E80-\u0EFF]")
THAI = re.compile(r"[\u0E00-\u0E7F]")
NUMBER = re.compile(r"^\d+(?:\.\d+)?$|^\d{1,3}(?:[.,\s]\d{3})+$")
PHONE = re.compile(r"^\+?[\d\s-]{3,}$")


@dataclass
class Change:
    kind: str
    key: str
    path: str
    fields: dict[str, str]                    # field -> new YAML text after "field: "
    summary: str
    append_variant: str | None = None


@dataclass
class ApplyResult:
    changes: list[Change] = field(default_factory=list)
    skipped: int = 0


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def read_answers(csv_path: Path, where: str, content: Content, today: dt.date) -> ApplyResult:
    """Check every row; raise ContentError listing all bad rows (file:line), or return the changes."""
    problems: list[Problem] = []
    result = ApplyResult()
    try:
        text = csv_path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError([Problem(where, 1, f"cannot read the answers ({exc.__class__.__name__})",
                                    "save the sheet as CSV, UTF-8, from the spreadsheet program")]) from None
    rows = csv.reader(text.splitlines())
    header = next(rows, None)
    if header is None or [h.strip() for h in header] != list(COLUMNS):
        raise ContentError([Problem(where, 1, "the first row is not the worksheet's header",
                                    f"keep the header row of the CSV that 'wic review' wrote: {','.join(COLUMNS)}")])
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(COLUMNS):
            problems.append(Problem(where, line, f"this row has {len(row)} columns, not {len(COLUMNS)}",
                                    "keep every column, even empty ones; put commas inside quotes"))
            continue
        cells = dict(zip(COLUMNS, (c.strip() for c in row)))
        answer = cells["answer"].lower()
        if not answer or answer == "unknown":
            result.skipped += 1
            continue

        def bad(what: str, fix: str) -> None:
            problems.append(Problem(where, line, what, fix))

        if answer not in ANSWERS:
            bad(f"answer {cells['answer']!r} is not one of {', '.join(ANSWERS)}", "write confirmed, changed or unknown")
            continue
        role = cells["reviewer_role"]
        if not role:
            bad("no reviewer role", "write who confirmed it by role, e.g. 'district labour office, Paksong' (never a name)")
            continue
        if re.search(r"\d{6,}", re.sub(r"[\s.-]", "", role)):
            bad("the reviewer role holds a phone number", "write the role only; we publish no private numbers")
            continue
        try:
            date = dt.date.fromisoformat(cells["date"])
        except ValueError:
            bad(f"date {cells['date']!r} is not a date", "write the day it was confirmed as YYYY-MM-DD")
            continue
        if date > today:
            bad(f"date {date} is in the future", "write the day it was confirmed")
            continue
        change = _change(cells, answer, role, date, content, bad)
        if change is not None:
            result.changes.append(change)
    if problems:
        raise ContentError(problems)
    return result


def _change(cells: dict, answer: str, role: str, date: dt.date, content: Content, bad) -> Change | None:
    kind, key, new = cells["kind"], cells["key"], cells["new_value"]
    confirmed_by = _quote(f"{role}, {date.isoformat()}")
    if answer == "changed" and not new:
        bad("answer 'changed' without a new value", "write the new value in 'new_value', or answer 'confirmed'")
        return None
    entries = {"fact": content.facts, "contact": content.contacts, "term": content.terms}
    if kind not in entries:
        bad(f"kind {kind!r} is not fact, contact or term", "keep 'kind' and 'key' as 'wic review' wrote them")
        return None
    if key not in entries[kind]:
        bad(f"no {kind} '{key}' in content-src", "keep 'kind' and 'key' as 'wic review' wrote them")
        return None
    if kind == "fact":
        fact = content.facts[key]
        fields = {"confidence": "secondary", "checked": date.isoformat(), "confirmed_by": confirmed_by}
        summary = f"fact {key}: confirmed by {role} on {date}"
        if answer == "changed":
            if fact.formula is not None:
                bad(f"'{key}' is computed from other facts", "change the facts it is computed from instead")
                return None
            if fact.unit in NUMERIC_UNITS:
                if not NUMBER.match(new):
                    bad(f"new value {new!r} is not a number", "write the number alone, e.g. 2500000 (no unit)")
                    return None
                number = re.sub(r"[.,\s](?=\d{3}(?:\D|$))", "", new)
                fields["value"] = number
            elif fact.unit == "phone" and PHONE.match(new):
                fields["value"] = _quote(new)
            else:
                bad(f"a {fact.unit} fact cannot be changed from the worksheet", "edit it in its content-src file")
                return None
            fields["source_date"] = date.isoformat()
            fields["public_source"] = _quote(f"{role}, {date.isoformat()} (review); before: {fact.public_source}")
            summary = f"fact {key}: {fact.value} -> {fields['value']} ({role}, {date})"
        return Change(kind, key, fact.path, fields, summary)
    if kind == "contact":
        contact = content.contacts[key]
        fields = {"status": "verified", "checked": date.isoformat(), "confirmed_by": confirmed_by}
        summary = f"contact {key}: confirmed by {role} on {date}"
        if answer == "changed":
            phones = [p.strip() for p in new.split("/") if p.strip()]
            if not phones or not all(PHONE.match(p) for p in phones):
                bad(f"new value {new!r} is not a phone number", "write the number(s), separated by '/'")
                return None
            fields["phone"] = _quote(phones[0]) if len(phones) == 1 else "[" + ", ".join(_quote(p) for p in phones) + "]"
            summary = f"contact {key}: {' / '.join(contact.phone) or '-'} -> {' / '.join(phones)} ({role}, {date})"
        return Change(kind, key, contact.path, fields, summary)
    term = content.terms[key]
    fields = {"status": "seen", "confirmed_by": confirmed_by}
    summary = f"term {key}: {term.lo} confirmed by {role} on {date}"
    variant = None
    if answer == "changed":
        if not LAO.search(new) or THAI.search(new):
            bad(f"new term {new!r} is not written in Lao letters", "type it with a Lao keyboard")
            return None
        fields["lo"] = new
        variant = term.lo
        summary = f"term {key}: {term.lo} -> {new} ({role}, {date})"
    return Change(kind, key, term.path, fields, summary, variant)


def edit_lines(lines: list[str], key: str, change: Change) -> list[str]:
    """Set the change's fields in the entry `key:` (top level, fields indented by two spaces)."""
    start = lines.index(f"{key}:")
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith((" ", "#"))):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    block = lines[start + 1:end]
    for name, value in change.fields.items():
        at = next((i for i, l in enumerate(block) if re.match(rf"  {name}:", l)), None)
        if at is None:
            block.append(f"  {name}: {value}")
            continue
        # Replace the field and any lines indented under it (a multi-line value).
        stop = at + 1
        while stop < len(block) and block[stop].startswith("    "):
            stop += 1
        block[at:stop] = [f"  {name}: {value}"]
    if change.append_variant:
        at = next((i for i, l in enumerate(block) if l.startswith("  variants:")), None)
        if at is None:
            block.append(f"  variants: [{change.append_variant}]")
        elif block[at].rstrip().endswith("]"):
            inner = block[at].split("[", 1)[1].rstrip().rstrip("]").strip()
            block[at] = f"  variants: [{inner + ', ' if inner else ''}{change.append_variant}]"
        else:
            block.insert(at + 1, f"    - {change.append_variant}")
    return lines[:start + 1] + block + lines[end:]


def _respell(project: Path, content: Content, change: Change, texts: dict[Path, list[str]]) -> None:
    old, new = change.append_variant, change.fields["lo"]
    files = sorted((project / "docs" / "lo").rglob("*.md")) + sorted(content.root.rglob("*.yml"))
    for path in files:
        lines = texts.get(path) or path.read_text(encoding="utf-8").split("\n")
        if not any(old in line for line in lines):
            continue
        own = path == project / change.path
        start = lines.index(f"{change.key}:") if own else -1
        edited = []
        for i, line in enumerate(lines):
            # The term's own entry keeps the old spelling as a variant.
            in_entry = own and i > start and (line.startswith((" ", "#")) or not line.strip()) and \
                all(lines[j].startswith((" ", "#")) or not lines[j].strip() for j in range(start + 1, i))
            edited.append(line if in_entry or i == start else line.replace(old, new))
        texts[path] = edited


def apply_answers(content: Content, csv_path: Path, where: str, today: dt.date | None = None) -> ApplyResult:
    """Check the answers, make the edits on a copy of content-src, load the copy (it must hold no
    error), and only then write the changed files."""
    import shutil
    import tempfile

    from ..content import load_content
    from ..pages.checks import check_pages

    today = today or dt.date.today()
    result = read_answers(csv_path, where, content, today)
    if not result.changes:
        return result
    root = content.root
    project = root.parent
    texts: dict[Path, list[str]] = {}
    for change in result.changes:
        path = project / change.path
        lines = texts.setdefault(path, path.read_text(encoding="utf-8").split("\n"))
        texts[path] = edit_lines(lines, change.key, change)
    # A glossary term spelt anew is spelt anew everywhere: one term per concept on every page.
    for change in result.changes:
        if change.kind == "term" and change.append_variant:
            _respell(project, content, change, texts)
    with tempfile.TemporaryDirectory(prefix="wic-review-") as tmp:
        copy = Path(tmp)
        shutil.copytree(root, copy / root.name)
        shutil.copytree(project / "docs", copy / "docs")
        for path, lines in texts.items():
            (copy / path.relative_to(project)).write_text("\n".join(lines), encoding="utf-8")
        check = load_content(copy / root.name, copy / "docs", today)
        errors = check.errors + [p for p in check_pages(copy / "docs", check)[0] if p.level == ERROR]
        if errors:
            raise ContentError([Problem(where, 1, "the answers would break content-src: " + str(p).split(": ", 1)[-1],
                                        "correct the row for this item, or edit the file by hand")
                                for p in errors])
    for path, lines in texts.items():
        tmp_path = path.with_name(path.name + ".review-tmp")
        tmp_path.write_text("\n".join(lines), encoding="utf-8")
        tmp_path.replace(path)
    return result
