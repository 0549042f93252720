"""Checks of Lao text shared by pages and posters: no Thai letters, the glossary's preferred terms."""

from __future__ import annotations

import re

from ..content import Content
from ..errors import Problem

THAI = re.compile(r"[\u0E00-\u0E7F]")


def thai_problems(text: str, where: str, line: int) -> list[Problem]:
    """Thai and Lao letters look alike; Lao text must hold no Thai code point."""
    m = THAI.search(text)
    if not m:
        return []
    return [Problem(where, line, f"Thai character U+{ord(m.group(0)):04X} in Lao text",
                    "retype the word with a Lao keyboard (Lao letters are U+0E80-U+0EFF)")]


def glossary_variants(text: str, content: Content) -> list[tuple[str, object]]:
    """(variant, term) for every non-preferred glossary spelling that the Lao text uses."""
    return [(variant, term) for term in content.terms.values() for variant in term.variants
            if variant and variant in text and term.lo not in variant]


def variant_problem(variant: str, term, where: str, line: int) -> Problem:
    # One term per concept on every page and poster: a reader who learnt a word must meet it again.
    return Problem(where, line, f"'{variant}' is a variant spelling of '{term.lo}' ({term.en})",
                   f"use the glossary's preferred term '{term.lo}'")
