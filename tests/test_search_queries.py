"""Search as a farmer uses it: real queries typed into the real search box, in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from wic.search_eval import TOP, load_queries, recall, run_queries

QUERIES = load_queries(Path(__file__).parent / "search_queries.yml")


@pytest.fixture(params=["file", "served"])
def site_base(request, built_site):
    return built_site.as_uri() + "/" if request.param == "file" else request.getfixturevalue("served_site")


def test_query_set_is_big_enough():
    assert len(QUERIES["lo"]) >= 40 and len(QUERIES["en"]) >= 15


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_recall_at_5(page, site_base, lang):
    prefix = "" if lang == "lo" else "en/"
    results = run_queries(page, site_base + prefix + "index.html", QUERIES[lang])
    score, misses = recall(results, prefix)
    print(f"recall@{TOP} {lang}: {score:.3f}")
    assert score >= 0.95, f"recall@{TOP} for {lang} is {score:.2f}; misses:\n" + "\n".join(misses)
    # Lao site shows Lao results only, English site English only.
    for r in results:
        for h in r["hrefs"]:
            assert ("/en/" in h) == (lang == "en"), h
    assert not page.console_errors, page.console_errors


def test_title_match_ranks_above_a_mention(page, built_site):
    results = run_queries(page, built_site.as_uri() + "/index.html", [{"q": "ລະເບີດບໍ່ທັນແຕກ", "expect": "farm-safety/uxo.html"}])
    hrefs = results[0]["hrefs"]
    assert hrefs and hrefs[0].split("#")[0].endswith("/farm-safety/uxo.html"), hrefs


def _search(page, url: str, query: str) -> None:
    """Type a query into the search box of the page at url and wait for its results."""
    run_queries(page, url, [{"q": query, "expect": ""}])


def test_snippets_highlight_the_match_without_stray_marks(page, built_site):
    _search(page, built_site.as_uri() + "/index.html", "ສະຫມັກໃຈ")
    marks = page.eval_on_selector_all(".wic-result mark", "els => els.map(e => e.textContent)")
    assert "ສະໝັກໃຈ" in marks, marks
    text = page.inner_text("[data-wic-search-results]")
    assert not any(ch in text for ch in "\u200b\u200c\u200d\ufeff")
    # No snippet starts with a vowel sign or tone mark cut off from its consonant.
    snippets = page.eval_on_selector_all(".wic-result__snippet", "els => els.map(e => e.textContent)")
    for s in snippets:
        s = s.lstrip("… ")
        assert s and not ("\u0eb1" <= s[0] <= "\u0ebc" or "\u0ec8" <= s[0] <= "\u0ecd"), s


def test_english_stemming_finds_the_base_word(page, built_site):
    _search(page, built_site.as_uri() + "/en/index.html", "sprayed")
    titles = page.eval_on_selector_all(".wic-result__title", "els => els.map(e => e.textContent)")
    assert any("spray" in t.lower() for t in titles), titles
