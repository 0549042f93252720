"""Run a search query set through the real search box in a browser and score it (recall@k).

Shared by tests/test_search_queries.py (pass/fail) and benchmarks/bench_search.py (figures).
"""

from __future__ import annotations

from pathlib import Path

import yaml

TOP = 5
BOX = "#wic-search-input"
# Types a query the way the browser does for a person (input event), then waits for the result
# list of exactly that query; returns the milliseconds from typing to results on screen.
TYPE_AND_TIME = """async q => {
    const input = document.querySelector('#wic-search-input');
    const panel = document.querySelector('[data-wic-search-results]');
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    while (panel.getAttribute('data-wic-query') !== q) await new Promise(r => setTimeout(r, 1));
    await new Promise(r => requestAnimationFrame(() => r()));
    return performance.now() - t0;
}"""


def load_queries(path: Path) -> dict[str, list[dict]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run_queries(page, home_url: str, queries: list[dict], timed: bool = False) -> list[dict]:
    """Type each query into the search box; collect the top result URLs (and the time if asked)."""
    page.goto(home_url)
    out = []
    for item in queries:
        q = str(item["q"])
        ms = None
        if timed:
            ms = page.evaluate(TYPE_AND_TIME, q)
        else:
            page.fill(BOX, q)
            page.press(BOX, "End")
            page.wait_for_function(
                "q => document.querySelector('[data-wic-search-results]').getAttribute('data-wic-query') === q", arg=q)
        hrefs = page.eval_on_selector_all(".wic-result a", "els => els.map(a => a.href)")
        out.append({"item": item, "hrefs": hrefs[:TOP], "ms": ms})
    return out


def found(hrefs: list[str], want: str) -> bool:
    return any(h.split("#")[0].endswith("/" + want) for h in hrefs)


def recall(results: list[dict], lang_prefix: str) -> tuple[float, list[str]]:
    misses = [f"{r['item']['q']!r}: want {lang_prefix + r['item']['expect']}, got {[h.split('/')[-1] for h in r['hrefs']]}"
              for r in results if not found(r["hrefs"], lang_prefix + r["item"]["expect"])]
    return 1 - len(misses) / len(results), misses
