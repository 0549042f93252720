"""Fold Lao spelling variants to one form, for search.

The same rules are implemented in overrides/assets/wic/laofold.js (queries are folded in the
browser); tests/laofold_cases.json drives both implementations so they cannot drift apart.

The folded form is still ordinary, displayable Lao (the spelling a Lao typist produces most
often), so the search index can store folded text once and show it in result snippets:
- zero-width characters and soft hyphens are removed;
- ເເ (two E vowels) becomes ແ;
- ຫນ, ຫມ become ໜ, ໝ; ຫລ becomes ຫຼ;
- marks above/below a consonant are put in one order: ຼ, then vowel marks, then tone marks
  (so a tone typed before an upper vowel, ສ່ິງ, becomes ສິ່ງ);
- ໍ + າ becomes ຳ, and ໍ + tone + າ (ນໍ້າ) becomes tone + ຳ (ນ້ຳ);
- Lao digits ໐-໙ become 0-9.
Digit grouping (2.500.000 / 2,500,000 / 2500000) and spaces inside Lao phrases are ignored
at match time (see match_key), not here, so that snippets keep their punctuation.
"""

from __future__ import annotations

import re

ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
TONES = "\u0ec8\u0ec9\u0eca\u0ecb"
# Order of combining marks after a base letter: semivowel lo, vowel marks, tones, cancellation mark.
MARK_RANK = {"\u0ebc": 0,
             **{ch: 1 for ch in "\u0eb1\u0eb4\u0eb5\u0eb6\u0eb7\u0ebb\u0eb8\u0eb9\u0ecd"},
             **{ch: 2 for ch in TONES},
             "\u0ecc": 3}
MARKS = re.compile("[" + "".join(MARK_RANK) + "]{2,}")
DIGITS = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")
PAIRS = [("\u0ec0\u0ec0", "\u0ec1"),              # ເເ -> ແ
         ("\u0eab\u0e99", "\u0edc"),              # ຫນ -> ໜ
         ("\u0eab\u0ea1", "\u0edd"),              # ຫມ -> ໝ
         ("\u0eab\u0ea5", "\u0eab\u0ebc")]        # ຫລ -> ຫຼ
NIKHAHIT_AA = re.compile("\u0ecd([" + TONES + "]?)\u0eb2")   # ໍ(tone)າ -> (tone)ຳ


def fold(text: str) -> str:
    text = ZERO_WIDTH.sub("", text)
    for a, b in PAIRS:
        text = text.replace(a, b)
    text = MARKS.sub(lambda m: "".join(sorted(m.group(0), key=MARK_RANK.__getitem__)), text)
    text = NIKHAHIT_AA.sub(lambda m: m.group(1) + "\u0eb3", text)
    return text.translate(DIGITS)


LAO = "\u0e80-\u0eff"
# Spaces between Lao words (and between a number and a Lao word) do not matter to a reader.
_SQUEEZE = re.compile(rf"(?<=[{LAO}])\s+(?=[{LAO}0-9])|(?<=[0-9])\s+(?=[{LAO}])|(?<=\d)[.,\s](?=\d{{3}}(?!\d))")


def match_key(text: str) -> str:
    """What a search compares: folded, lower-case, without spaces inside Lao phrases or digit groups."""
    return _SQUEEZE.sub("", fold(text)).lower()
