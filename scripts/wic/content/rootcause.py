"""Root causes first: a file that cannot be read is reported once, and the errors that only follow
from it are left out.

Deleting contacts.yml used to give 207 lines of "unknown contact" and none saying the file was
missing; one bad indent in a facts file gave 212. A file that cannot be read is an Unreadable
problem that says what it would have defined (files.py); each rule here recognises a problem that
only says such a thing is missing, and names what it needs. A problem is dropped when everything
it needs would have come from an unreadable file. Fixing the root cause and checking again shows
whatever is still wrong.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from typing import Callable

from ..errors import Problem
from ..text.formatting import LANGS
from .files import ALL, Unreadable

# (pattern on Problem.what, needs(match, problem) -> [(kind, key)]). Features whose problems can
# follow from an unreadable file add a rule with @consequence.
RULES: list[tuple[re.Pattern, Callable[[re.Match, Problem], list[tuple[str, str]]]]] = []
# Left out because of what it needs, a problem also leaves out what it stops from being defined:
# a formula whose input is unknown defines no fact either. pattern -> the (kind, group) it defines.
DROPS = [(re.compile(r"formula of '([^']+)' uses unknown"), "fact")]
# A problem left out in a file that defines one entry (a training module, named by its file) also
# leaves that entry out. path pattern (its group 1 is the key) -> kind. Features add theirs.
FILE_DROPS: list[tuple[re.Pattern, str]] = []


def defines_by_file(pattern: str, kind: str) -> None:
    FILE_DROPS.append((re.compile(pattern), kind))


def consequence(pattern: str):
    def register(fn):
        RULES.append((re.compile(pattern), fn))
        return fn
    return register


@consequence(r"unknown fact '([^']+)'|uses unknown or non-numeric fact '([^']+)'")
def _fact(m: re.Match, p: Problem):
    return [("fact", m.group(1) or m.group(2))]


@consequence(r"unknown contact '([^']+)'")       # in pages, posters and a fact's 'ask'
def _contact(m: re.Match, p: Problem):
    return [("contact", m.group(1))]


@consequence(r"unknown contact\(s\) (.+) in help block")
def _contacts(m: re.Match, p: Problem):
    return [("contact", k.strip()) for k in m.group(1).split(",")]


@consequence(r"no facts have 'group: ([^']*)'")
def _group(m: re.Match, p: Problem):
    return [("group", m.group(1))]


@consequence(r"^front matter has no |^pictogram icon None not found")
def _meta(m: re.Match, p: Problem):
    return [("meta", p.path)]


@consequence(r"^this page has no (\w+) twin")
def _twin(m: re.Match, p: Problem):
    parts = p.path.split("/")
    for i, part in enumerate(parts):
        if part in LANGS and part != m.group(1):
            return [("page", "/".join(parts[:i] + [m.group(1)] + parts[i + 1:]))]
    return []


@consequence(r"^link to '([^']+)' does not lead to a page")
def _link(m: re.Match, p: Problem):
    target = m.group(1).split("#", 1)[0]
    path = posixpath.normpath(posixpath.join(posixpath.dirname(p.path), target))
    return [("page", path + "/index.md" if target.endswith("/") else path)]


def _needs(problem: Problem) -> list[tuple[str, str]]:
    for pattern, needs in RULES:
        m = pattern.search(problem.what)
        if m:
            return needs(m, problem)
    return []


def follows_from_something(problem: Problem) -> bool:
    """True when the problem only says something it needs is missing (a rule recognises it)."""
    return bool(_needs(problem))


def root_causes_first(problems: list[Problem]) -> list[Problem]:
    """The problems without those that only follow from an unreadable file, and without repeats.

    Idempotent: what a dropped problem stopped from being defined is added to the root cause it
    followed from, so filtering the content's problems first and all problems later is the same.
    """
    problems = list(problems)
    causes = [i for i, p in enumerate(problems) if isinstance(p, Unreadable)]

    def index() -> dict:
        found: dict = {}
        for i in causes:
            for pair in problems[i].defines:
                found.setdefault(pair, i)
        return found

    def providers(p: Problem, found: dict) -> list[int] | None:
        needs = _needs(p) if found and not isinstance(p, Unreadable) else []
        at = [found.get((kind, key), found.get((kind, ALL))) for kind, key in needs]
        return at if at and None not in at else None

    found = index()
    while True:
        more = False
        for p in problems:
            at = providers(p, found)
            drops = [(pattern.search(p.what), kind) for pattern, kind in DROPS] + \
                    [(pattern.search(p.path), kind) for pattern, kind in FILE_DROPS] if at else []
            for m, kind in drops:
                if m and (kind, m.group(1)) not in found and (kind, ALL) not in found:
                    cause = problems[at[0]]
                    problems[at[0]] = replace(cause, defines=cause.defines + ((kind, m.group(1)),))
                    more = True
        if not more:
            break
        found = index()
    out, seen = [], set()
    for p in problems:
        if providers(p, found) is None and str(p) not in seen:
            seen.add(str(p))
            out.append(p)
    return out
