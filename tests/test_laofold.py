"""One table of spelling variants drives both folding implementations (Python index, JS query)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wic.text.laofold import fold, match_key

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


# --- syllables (wic.text.laoseg, laoseg.js) -----------------------------------------------------------

from wic.text.laoseg import spans, syllables  # noqa: E402
from wic.text.laofold import fold as _fold  # noqa: E402

SEG_CASES = json.loads((Path(__file__).parent / "laoseg_cases.json").read_text(encoding="utf-8"))
SEG_JS = JS.parent / "laoseg.js"
LAO_PAGES = sorted((Path(__file__).resolve().parents[1] / "docs" / "lo").rglob("*.md"))


@pytest.mark.parametrize("text,expected,why", SEG_CASES["syllables"])
def test_python_syllables(text, expected, why):
    assert syllables(text) == expected, why


def test_no_lao_letter_is_dropped_on_any_page():
    for path in LAO_PAGES:
        text = _fold(path.read_text(encoding="utf-8"))
        lao = "".join(ch for ch in text if "\u0e81" <= ch <= "\u0eff" and not "\u0ed0" <= ch <= "\u0ed9")
        got = "".join(t for _, _, t in spans(text) if "\u0e81" <= t[0] <= "\u0eff")
        assert got == lao, path


def _seg_page(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><meta charset=utf-8><body></body>")
    page.add_script_tag(content=JS.read_text(encoding="utf-8"))
    page.add_script_tag(content=SEG_JS.read_text(encoding="utf-8"))
    return page


def test_javascript_splits_syllables_exactly_like_python(browser):
    page = _seg_page(browser)
    got = page.evaluate("cases => cases.map(c => WicSeg.syllables(c[0]))", SEG_CASES["syllables"])
    texts = [p.read_text(encoding="utf-8") for p in LAO_PAGES]
    pages = page.evaluate("texts => texts.map(t => WicSeg.syllables(t))", texts)
    page.close()
    for (text, expected, why), value in zip(SEG_CASES["syllables"], got):
        assert value == expected, f"JS syllables({text!r}) = {value!r}: {why}"
    for path, text, value in zip(LAO_PAGES, texts, pages):
        assert value == syllables(text), path
