"""Load content-src (facts, contacts, glossary) and validate it.

Everything a page may quote (a figure, a phone number, a term) is defined here exactly once,
with where it comes from, so that pages and posters can never disagree.
"""

from __future__ import annotations

import ast
import datetime as dt
import operator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .formatting import LANGS, NUMERIC_UNITS, UNITS
from .problems import ERROR, WARNING, ContentError, Problem, rel
from .yamlfile import Located, load_yaml

CONFIDENCE = ("official", "secondary", "unverified")
CONTACT_STATUS = ("verified", "secondary", "unverified")
CONTACT_CATEGORIES = ("emergency", "social-security", "health", "labour", "women", "youth",
                      "uxo", "migration", "community")
STALE_AFTER_DAYS = 365


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

    @property
    def verified(self) -> bool:
        return self.confidence != "unverified"


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
    # Words people say for this term (Lao or English), used only by search, never on pages.
    everyday: list[str] = field(default_factory=list)


@dataclass
class Content:
    root: Path
    facts: dict[str, Fact]
    contacts: dict[str, Contact]
    terms: dict[str, Term]
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]


# --- small validators -------------------------------------------------------------------------

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


# --- formulas for worked examples --------------------------------------------------------------

class _NotYet(Exception):
    """A formula's input is itself a formula that has not been computed yet."""


_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def _evaluate(expr: str, facts: dict[str, Fact]) -> tuple[float, list[str]]:
    """Evaluate + - * / over fact keys and numbers; returns the value and the keys it used."""
    used: list[str] = []

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name):
            fact = facts.get(node.id)
            if fact is None or fact.unit not in NUMERIC_UNITS:
                raise KeyError(node.id)
            if fact.value is None:
                raise _NotYet(node.id)
            used.append(node.id)
            return fact.value
        raise ValueError(ast.dump(node))

    return walk(ast.parse(expr, mode="eval")), used


# --- loaders ----------------------------------------------------------------------------------

def _yaml_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(path.glob("*.yml")) + sorted(path.glob("*.yaml"))
    return [path] if path.exists() else []


def _mapping_file(path: Path, problems: list[Problem], what: str, project: Path) -> Located:
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


def load_facts(root: Path, today: dt.date, problems: list[Problem]) -> dict[str, Fact]:
    facts: dict[str, Fact] = {}
    pending_formulas: list[tuple[Fact, Located]] = []
    for path in _yaml_files(root / "facts"):
        where = rel(path, root.parent)
        data = _mapping_file(path, problems, "facts", root.parent)
        for key, entry in data.items():
            line = data.line_of(key)
            if not isinstance(entry, Located):
                problems.append(Problem(where, line, f"fact '{key}' has no fields",
                                        "indent 'value:', 'unit:', 'label:', 'legal_source:', 'public_source:', "
                                        "'checked:' and 'confidence:' under it"))
                continue
            if key in facts:
                problems.append(Problem(where, line, f"fact '{key}' is defined twice (also {facts[key].path}:{facts[key].line})",
                                        "keep one definition: every figure lives exactly once"))
                continue
            n = len(problems)
            unit = entry.get("unit")
            if unit not in UNITS:
                problems.append(Problem(where, entry.line_of("unit"), f"fact '{key}' has unknown unit {unit!r}",
                                        f"use one of: {', '.join(UNITS)}"))
            label = bilingual_field(entry, "label", where, line, problems)
            legal = _text(entry, "legal_source", where, problems,
                          "name the law, decree or notice (or 'none found' and say so in the note)")
            public = _text(entry, "public_source", where, problems,
                           "name where the figure was seen (site or publication and date)")
            checked = _date(entry, "checked", where, problems)
            confidence = entry.get("confidence")
            if confidence not in CONFIDENCE:
                problems.append(Problem(where, entry.line_of("confidence"),
                                        f"fact '{key}' has confidence {confidence!r}",
                                        f"use one of: {', '.join(CONFIDENCE)}"))
            ask = entry.get("ask")
            if confidence == "unverified" and not ask:
                problems.append(Problem(where, line, f"unverified fact '{key}' does not say whom to ask",
                                        "add 'ask: <contact key>' naming the office that can confirm it"))
            note = bilingual_field(entry, "note", where, line, problems, required=False)
            formula = entry.get("formula")
            value = entry.get("value")
            if formula is None and unit in UNITS:
                if unit == "text" and not (isinstance(value, dict) and all(value.get(l) for l in LANGS)):
                    problems.append(Problem(where, entry.line_of("value"), f"text fact '{key}' needs a Lao and an English value",
                                            "write 'value:' with indented 'lo:' and 'en:'"))
                elif unit == "date" and not isinstance(value, dt.date):
                    problems.append(Problem(where, entry.line_of("value"), f"date fact '{key}' has value {value!r}",
                                            "write the value as YYYY-MM-DD"))
                elif unit == "phone" and not (isinstance(value, (str, int)) and str(value).replace(" ", "").replace("-", "").lstrip("+").isdigit()):
                    problems.append(Problem(where, entry.line_of("value"), f"phone fact '{key}' has value {value!r}",
                                            "write the number in quotes, digits only, e.g. \"1508\""))
                elif unit in NUMERIC_UNITS and (isinstance(value, bool) or not isinstance(value, (int, float))):
                    problems.append(Problem(where, entry.line_of("value") if "value" in entry else line,
                                            f"fact '{key}' needs a number as its value, got {value!r}",
                                            "write the plain number without separators or units, e.g. 2500000"))
            if len(problems) > n and any(p.level == ERROR for p in problems[n:]):
                continue
            fact = Fact(key=key, value=str(value) if unit == "phone" else value, unit=unit, label=label,
                        legal_source=legal, public_source=public, checked=checked, confidence=confidence,
                        path=where, line=line, ask=ask, note=note, group=entry.get("group"), formula=formula)
            _stale(checked, where, line, f"fact '{key}'", today, problems)
            facts[key] = fact
            if formula is not None:
                pending_formulas.append((fact, entry))
    # Formulas may use other formulas: compute in rounds until nothing more can be computed.
    for fact, _ in pending_formulas:
        fact.value = None
    while pending_formulas:
        deferred = [(fact, entry) for fact, entry in pending_formulas if not _compute(fact, entry, facts, problems)]
        if len(deferred) == len(pending_formulas):
            for fact, entry in deferred:
                problems.append(Problem(fact.path, entry.line_of("formula"),
                                        f"formula of '{fact.key}' depends on itself through other formulas",
                                        "break the loop: at least one fact in it needs a plain value"))
                del facts[fact.key]
            break
        pending_formulas = deferred
    return facts


def _compute(fact: Fact, entry: Located, facts: dict[str, Fact], problems: list[Problem]) -> bool:
    """Compute one formula fact; False when an input formula has not been computed yet."""
    try:
        value, used = _evaluate(str(fact.formula), facts)
    except _NotYet:
        return False
    except KeyError as exc:
        problems.append(Problem(fact.path, entry.line_of("formula"),
                                f"formula of '{fact.key}' uses unknown or non-numeric fact {exc}",
                                "use keys of numeric facts defined in content-src/facts"))
        del facts[fact.key]
        return True
    except (SyntaxError, ValueError, ZeroDivisionError):
        problems.append(Problem(fact.path, entry.line_of("formula"), f"formula of '{fact.key}' cannot be computed",
                                "use only fact keys, numbers, + - * / and brackets"))
        del facts[fact.key]
        return True
    if fact.unit in ("kip", "baht"):
        # Money has no fractions here: show what a person would actually pay or be paid.
        value = int(round(value))
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    fact.value = value
    # A worked example is only as sure as its least sure input.
    weakest = max((facts[k] for k in used), key=lambda f: CONFIDENCE.index(f.confidence))
    if CONFIDENCE.index(weakest.confidence) > CONFIDENCE.index(fact.confidence):
        problems.append(Problem(fact.path, fact.line,
                                f"'{fact.key}' is computed from '{weakest.key}', which is {weakest.confidence}",
                                f"set 'confidence: {weakest.confidence}' (a result is no surer than its inputs)"))
    return True


def load_contacts(root: Path, today: dt.date, problems: list[Problem]) -> dict[str, Contact]:
    contacts: dict[str, Contact] = {}
    for path in _yaml_files(root / "contacts.yml"):
        where = rel(path, root.parent)
        data = _mapping_file(path, problems, "contacts", root.parent)
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
                                    note=bilingual_field(entry, "note", where, line, problems, required=False))
    return contacts


def load_glossary(root: Path, problems: list[Problem]) -> dict[str, Term]:
    terms: dict[str, Term] = {}
    for path in _yaml_files(root / "glossary"):
        where = rel(path, root.parent)
        data = _mapping_file(path, problems, "terms", root.parent)
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
                              everyday=[v.strip() for v in everyday])
    return terms


_CACHE: dict[tuple, Content] = {}


def _fingerprint(root: Path) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(root.rglob("*.y*ml")))


def load_content(root: Path, today: dt.date | None = None) -> Content:
    """Load and validate all of content-src; problems are collected, never raised.

    One build reads content-src several times (check, each language's build, posters); the result
    is kept while no file under it changes.
    """
    today = today or dt.date.today()
    key = (str(Path(root).resolve()), today, _fingerprint(root) if root.is_dir() else ())
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _load_content(root, today)
    return _CACHE[key]


def _load_content(root: Path, today: dt.date) -> Content:
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(str(root), 1, "content folder not found",
                                "run wic from the project folder, or pass --project"))
        return Content(root, {}, {}, {}, problems)
    facts = load_facts(root, today, problems)
    contacts = load_contacts(root, today, problems)
    terms = load_glossary(root, problems)
    for fact in facts.values():
        if fact.ask and fact.ask not in contacts:
            problems.append(Problem(fact.path, fact.line, f"fact '{fact.key}' asks unknown contact '{fact.ask}'",
                                    "use a key from content-src/contacts.yml"))
    return Content(root, facts, contacts, terms, problems)
