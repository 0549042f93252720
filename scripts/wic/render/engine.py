"""Replace {{ kind:argument }} placeholders in Markdown with what the kind's block renders.

The engine knows no feature: each block kind (facts, contacts, glossary, posters, ...) registers
itself with @block("kind"). A block receives its argument and a Context (the page's language,
the loaded content, where the placeholder is) and returns HTML; it records the facts and
contacts it shows, and reports a problem by raising BlockProblem(what, fix).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..content import Content
from ..errors import Problem
from .templates import render

PLACEHOLDER = re.compile(r"\{\{\s*([a-z]+)\s*(?::\s*([^{}]*?))?\s*\}\}")

BLOCKS: dict[str, Callable[[str, "Context"], str]] = {}


def block(kind: str):
    """Register a placeholder kind: @block("fact") def render(arg, ctx) -> html."""
    def register(fn):
        BLOCKS[kind] = fn
        return fn
    return register


class BlockProblem(Exception):
    def __init__(self, what: str, fix: str):
        super().__init__(what)
        self.what, self.fix = what, fix


@dataclass
class Rendered:
    markdown: str
    facts: list[str] = field(default_factory=list)      # keys, in order of first use
    contacts: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def use_fact(self, key: str) -> None:
        if key not in self.facts:
            self.facts.append(key)

    def use_contact(self, key: str) -> None:
        if key not in self.contacts:
            self.contacts.append(key)


@dataclass
class Context:
    lang: str
    content: Content
    where: str
    lao_digits: bool
    out: Rendered
    # A kiosk build: blocks that offer downloads or printing say what the kiosk offers instead.
    kiosk: bool = False


def render_placeholders(markdown: str, lang: str, content: Content, where: str, lao_digits: bool = False,
                        first_line: int = 1, kinds: tuple[str, ...] | None = None, kiosk: bool = False) -> Rendered:
    """Replace every placeholder (only `kinds`, if given); problems are collected, with their line."""
    out = Rendered(markdown)
    ctx = Context(lang, content, where, lao_digits, out, kiosk)
    line_starts = [0] + [m.end() for m in re.finditer("\n", markdown)]

    def line_of(pos: int) -> int:
        lo, hi = 0, len(line_starts)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if line_starts[mid] <= pos:
                lo = mid
            else:
                hi = mid
        return first_line + lo

    spans: list[int] = []

    def replace(m: re.Match) -> str:
        spans.append(m.start())
        kind, arg = m.group(1), (m.group(2) or "").strip()
        allowed = kinds or tuple(BLOCKS)
        try:
            if kind not in allowed or kind not in BLOCKS:
                raise BlockProblem(f"unknown placeholder kind '{kind}'" if kind not in BLOCKS
                                   else f"{{{{ {kind} }}}} cannot be used here",
                                   f"use one of: {', '.join(k for k in allowed if k in BLOCKS)}")
            return str(BLOCKS[kind](arg, ctx))
        except BlockProblem as exc:
            out.problems.append(Problem(where, line_of(m.start()), exc.what, exc.fix))
            return render("broken.html", text=m.group(0))

    out.markdown = PLACEHOLDER.sub(replace, markdown)
    # An opening "{{" that did not become a placeholder is an author's typo, never meant for readers.
    for m in re.finditer(r"\{\{", markdown):
        if m.start() in spans or m.start() - 1 in spans:
            continue
        out.problems.append(Problem(where, line_of(m.start()), "a placeholder is opened with '{{' but never closed",
                                    "close it on the same line, e.g. {{ fact:KEY }}"))
    return out
