"""A fact's legal or public source as shown on a page."""

from __future__ import annotations

import re

from ..words import t
from .templates import render

# A source given as "none", "none found" or "calculated" (optionally with a remark in brackets) is
# our own wording, shown in the page's language; anything else is a citation, kept as written.
SOURCE_KIND = re.compile(r"^(none(?: found)?|calculated)\b\s*(?:\((.*)\))?\s*$", re.I)
LAO_LETTER = re.compile(r"[\u0E80-\u0EFF]")


def citation(text: str, lang: str) -> str:
    m = SOURCE_KIND.match(text or "")
    if m:
        kind = t("source_calculated" if m.group(1).lower() == "calculated" else "source_none", lang)
        return render("citation.html", kind=kind, rest=m.group(2) or "")
    return render("citation.html", kind="", text=text, is_lao=bool(LAO_LETTER.search(text or "")))
