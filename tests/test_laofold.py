"""One table of spelling variants drives both folding implementations (Python index, JS query)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wic.laofold import fold, match_key

CASES = json.loads((Path(__file__).parent / "laofold_cases.json").read_text(encoding="utf-8"))
JS = Path(__file__).resolve().parents[1] / "overrides" / "assets" / "wic" / "laofold.js"


@pytest.mark.parametrize("text,expected,why", CASES["fold"])
def test_python_fold(text, expected, why):
    assert fold(text) == expected, why


@pytest.mark.parametrize("text,expected", CASES["match_key"])
def test_python_match_key(text, expected):
    assert match_key(text) == expected


def test_fold_is_idempotent():
    for text, _, _ in CASES["fold"]:
        assert fold(fold(text)) == fold(text)


def test_javascript_folds_exactly_like_python(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><meta charset=utf-8><body></body>")
    page.add_script_tag(content=JS.read_text(encoding="utf-8"))
    got = page.evaluate("""cases => ({
        fold: cases.fold.map(c => WicFold.fold(c[0])),
        key: cases.match_key.map(c => WicFold.matchKey(c[0]))})""", CASES)
    page.close()
    for (text, expected, why), value in zip(CASES["fold"], got["fold"]):
        assert value == expected, f"JS fold({text!r}) = {value!r}: {why}"
        assert value == fold(text)
    for (text, expected), value in zip(CASES["match_key"], got["key"]):
        assert value == expected and value == match_key(text), text
