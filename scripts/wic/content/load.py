"""Load and validate all of content-src: facts, contacts, glossary, then what features register.

Everything a page may quote (a figure, a phone number, a term) is defined here exactly once,
with where it comes from, so that pages and posters can never disagree.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from ..errors import ERROR, Problem, rel
from .contacts import load_contacts
from .facts import load_facts
from .fields import entry_lines, yaml_files
from .files import ALL, Unreadable
from .glossary import load_glossary
from .model import Content
from .rootcause import follows_from_something, root_causes_first

# What content-src must hold, and what is unknown when one of them is missing.
REQUIRED = {"facts": ("fact", "group"), "contacts.yml": ("contact",), "glossary": ("term",)}

# Features that load content of their own (posters, training modules) register here:
# name -> loader(content, docs_dir) -> (data, problems). Their data lands in content.extras[name].
LOADERS: dict[str, Callable] = {}


def register_loader(name: str, loader: Callable) -> None:
    LOADERS[name] = loader


_CACHE: dict[tuple, Content] = {}


def _fingerprint(root: Path, docs_dir: Path | None) -> tuple:
    files = sorted(root.rglob("*.y*ml")) if root.is_dir() else []
    stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    # Features check that the pages they point to exist: the list of pages is part of the input.
    pages = tuple(sorted(str(p) for p in docs_dir.rglob("*.md"))) if docs_dir and docs_dir.is_dir() else ()
    return stamp, pages


def load_content(root: Path, docs_dir: Path | None = None, today: dt.date | None = None) -> Content:
    """Load and validate all of content-src; problems are collected, never raised.

    A build needs the content in several places (the check, each language's pages, the
    posters); it is loaded once and kept while no file under content-src changes.
    """
    root = Path(root).resolve()
    docs_dir = Path(docs_dir).resolve() if docs_dir else root.parent / "docs"
    today = today or dt.date.today()
    key = (str(root), str(docs_dir), today, tuple(LOADERS), _fingerprint(root, docs_dir))
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _load_content(root, docs_dir, today)
    return _CACHE[key]


def _entries_as_causes(problems: list[Problem], kind: str, loaded: dict, paths: list[Path],
                       project: Path) -> list[Problem]:
    """An entry left out for its own errors is the root cause of every 'unknown <kind>' that
    quotes it: its errors say so (they define the entry), so those that follow are left out."""
    out = list(problems)
    for path in paths:
        where = rel(path, project)
        lines = entry_lines(path, project)
        starts = sorted(lines.values()) + [10**9]
        for key, start in lines.items():
            if key in loaded:
                continue
            end = next(s for s in starts if s > start)
            for i, p in enumerate(out):
                if (p.path == where and start <= p.line < end and p.level == ERROR
                        and not isinstance(p, Unreadable) and not follows_from_something(p)):
                    out[i] = Unreadable(p.path, p.line, p.what, p.fix, p.level, ((kind, key),))
    return out


def _load_content(root: Path, docs_dir: Path, today: dt.date) -> Content:
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Unreadable(rel(root, root.parent), 1, "content folder not found",
                                   "run wic from the project folder, or pass --project",
                                   defines=tuple((kind, ALL) for kinds in REQUIRED.values() for kind in kinds)))
        return Content(root, {}, {}, {}, problems)
    for name, kinds in REQUIRED.items():
        if not (root / name).exists():
            where = rel(root / name, root.parent)
            problems.append(Unreadable(where, 1, f"{where} is missing", f"restore it (e.g. 'git checkout -- {where}')",
                                       defines=tuple((kind, ALL) for kind in kinds)))
    facts = load_facts(root, today, problems)
    contacts = load_contacts(root, today, problems)
    problems[:] = _entries_as_causes(problems, "fact", facts, yaml_files(root / "facts"), root.parent)
    problems[:] = _entries_as_causes(problems, "contact", contacts, yaml_files(root / "contacts.yml"), root.parent)
    terms = load_glossary(root, problems)
    for fact in facts.values():
        if fact.ask and (not isinstance(fact.ask, str) or fact.ask not in contacts):
            problems.append(Problem(fact.path, fact.line, f"fact '{fact.key}' asks unknown contact '{fact.ask}'",
                                    "use a key from content-src/contacts.yml"))
    content = Content(root, facts, contacts, terms, problems)
    for name, loader in LOADERS.items():
        data, extra_problems = loader(content, docs_dir)
        content.extras[name] = data
        problems.extend(extra_problems)
    problems[:] = root_causes_first(problems)
    return content
