"""Facts (content-src/facts/*.yml): every figure, once, with its sources; worked examples computed."""

from __future__ import annotations

import ast
import datetime as dt
import math
import operator
import re
from pathlib import Path

from ..errors import ERROR, WARNING, Problem, rel
from ..text.formatting import LANGS, NUMERIC_UNITS, UNITS
from .fields import _date, _stale, _text, bilingual_field, mapping_file, optional_text, yaml_files
from .model import CONFIDENCE, Fact
from .yamlfile import Located


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


def load_facts(root: Path, today: dt.date, problems: list[Problem]) -> dict[str, Fact]:
    facts: dict[str, Fact] = {}
    pending_formulas: list[tuple[Fact, Located]] = []
    for path in yaml_files(root / "facts"):
        where = rel(path, root.parent)
        data = mapping_file(path, problems, "facts", root.parent)
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
            if not isinstance(unit, str) or unit not in UNITS:
                problems.append(Problem(where, entry.line_of("unit"), f"fact '{key}' has unknown unit {unit!r}",
                                        f"use one of: {', '.join(UNITS)}"))
            label = bilingual_field(entry, "label", where, line, problems)
            legal = _text(entry, "legal_source", where, problems,
                          "name the law, decree or notice (or 'none found' and say so in the note)")
            public = _text(entry, "public_source", where, problems,
                           "name where the figure was seen (site or publication and date)")
            checked = _date(entry, "checked", where, problems)
            source_date = _source_date(entry, key, checked, where, problems)
            confirmed_by = optional_text(entry, "confirmed_by", where, problems, "write who confirmed it and when, e.g. \"district labour office, 2026-12-01\" (wic review --apply writes it)")
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
            if formula is None and isinstance(unit, str) and unit in UNITS:
                if unit == "text" and not (isinstance(value, dict) and all(value.get(l) for l in LANGS)):
                    problems.append(Problem(where, entry.line_of("value"), f"text fact '{key}' needs a Lao and an English value",
                                            "write 'value:' with indented 'lo:' and 'en:'"))
                elif unit == "date" and not isinstance(value, dt.date):
                    problems.append(Problem(where, entry.line_of("value"), f"date fact '{key}' has value {value!r}",
                                            "write the value as YYYY-MM-DD"))
                elif unit == "phone" and not (isinstance(value, (str, int)) and str(value).replace(" ", "").replace("-", "").lstrip("+").isdigit()):
                    problems.append(Problem(where, entry.line_of("value"), f"phone fact '{key}' has value {value!r}",
                                            "write the number in quotes, digits only, e.g. \"1508\""))
                elif unit in NUMERIC_UNITS and (isinstance(value, bool) or not isinstance(value, (int, float))
                                                or isinstance(value, float) and not math.isfinite(value)):
                    problems.append(Problem(where, entry.line_of("value") if "value" in entry else line,
                                            f"fact '{key}' needs a number as its value, got {value!r}",
                                            "write the plain number without separators or units, e.g. 2500000"))
            if len(problems) > n and any(p.level == ERROR for p in problems[n:]):
                continue
            fact = Fact(key=key, value=str(value) if unit == "phone" else value, unit=unit, label=label,
                        legal_source=legal, public_source=public, checked=checked, confidence=confidence,
                        path=where, line=line, ask=ask, note=note, group=entry.get("group"), formula=formula,
                        source_date=source_date, confirmed_by=confirmed_by)
            _stale(checked, where, line, f"fact '{key}'", today, problems)
            _undated_old_source(fact, problems)
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


YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _source_date(entry: Located, key: str, checked, where: str, problems: list[Problem]) -> dt.date | None:
    if "source_date" not in entry:
        return None
    value = entry.get("source_date")
    fix = ("write 'source_date: YYYY-MM-DD', the date of the source itself "
           "(the 1st of the month or of the year when only those are known)")
    if not isinstance(value, dt.date):
        problems.append(Problem(where, entry.line_of("source_date"), f"'source_date' of '{key}' must be a date, got {value!r}", fix))
        return None
    if isinstance(checked, dt.date) and value > checked:
        problems.append(Problem(where, entry.line_of("source_date"),
                                f"'source_date' of '{key}' ({value}) is after the day it was checked ({checked})",
                                "a source cannot be newer than our check of it: correct one of the two dates"))
        return None
    return value


def _undated_old_source(fact: Fact, problems: list[Problem]) -> None:
    """A figure seen only in old publications would be shown as if it were new. (A law's year is not
    counted: a law stays in force until it is changed, and `checked` says when we last looked.)"""
    if fact.source_date is not None or fact.formula is not None or not fact.checked:
        return
    years = [int(y) for y in YEAR.findall(fact.public_source)]
    if years and max(years) <= fact.checked.year - 2:
        problems.append(Problem(fact.path, fact.line,
                                f"fact '{fact.key}' comes from a source of {max(years)} but has no 'source_date', "
                                "so pages show it without its year",
                                f"add 'source_date: {max(years)}-01-01' (or the exact date) so readers see "
                                f"'{max(years)} figure'", WARNING))


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
    except (SyntaxError, ValueError, ZeroDivisionError, OverflowError, RecursionError, MemoryError):
        problems.append(Problem(fact.path, entry.line_of("formula"), f"formula of '{fact.key}' cannot be computed",
                                "use only fact keys, numbers, + - * / and brackets"))
        del facts[fact.key]
        return True
    if isinstance(value, float) and not math.isfinite(value) or abs(value) > 1e15:
        problems.append(Problem(fact.path, entry.line_of("formula"), f"formula of '{fact.key}' gives {value:.3g}, "
                                "far beyond any real figure", "check the formula's numbers and operators"))
        del facts[fact.key]
        return True
    if fact.unit in ("kip", "baht"):
        # Money has no fractions here: show what a person would actually pay or be paid.
        value = int(round(value))
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    fact.value = value
    # A worked example is only as sure as its least sure input.
    weakest = max((facts[k] for k in used), key=lambda f: CONFIDENCE.index(f.confidence), default=None)
    if weakest is not None and CONFIDENCE.index(weakest.confidence) > CONFIDENCE.index(fact.confidence):
        problems.append(Problem(fact.path, fact.line,
                                f"'{fact.key}' is computed from '{weakest.key}', which is {weakest.confidence}",
                                f"set 'confidence: {weakest.confidence}' (a result is no surer than its inputs)"))
    return True
