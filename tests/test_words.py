"""UI words: one file per language, the same keys in both, Lao words in Lao script."""

from __future__ import annotations

import re

from wic.words import LANGS, words


def _keys(tree: dict, prefix: str = "") -> set[str]:
    return {f"{prefix}{section}.{key}" for section, entries in tree.items() for key in entries}


def test_every_word_exists_in_both_languages():
    lo, en = _keys(words("lo")), _keys(words("en"))
    assert lo - en == set(), f"only in lo.yml: {sorted(lo - en)}"
    assert en - lo == set(), f"only in en.yml: {sorted(en - lo)}"


def test_lao_words_are_lao_and_hold_no_thai_letters():
    for section, entries in words("lo").items():
        for key, text in entries.items():
            assert isinstance(text, str) and text.strip(), f"{section}.{key} is empty"
            assert not re.search(r"[\u0E00-\u0E7F]", text), f"{section}.{key}: Thai letter in {text!r}"
    # A word left in English on the Lao side is a missed translation (codes like "PDF" aside).
    untranslated = [f"{s}.{k}" for s, entries in words("lo").items() for k, text in entries.items()
                    if not re.search(r"[\u0E80-\u0EFF]", text) and text == words("en")[s][k]
                    and len(re.findall(r"[A-Za-z]", re.sub(r"\{\w+\}", "", text))) > 2]
    assert untranslated == []
    assert LANGS == ("lo", "en")
