"""Run a search query set through the real search box in a browser and score it (recall@k, MRR).

Shared by tests/test_search_queries.py (pass/fail) and benchmarks/bench_search.py (figures).
A query set is YAML: per language a list of {q: query, expect: page or [pages], why: ...}; a query
counts as found when any of its pages is in the top results.
"""

from __future__ import annotations

from pathlib import Path

import yaml

TOP = 5
BOX = "#wic-search-input"
# Types each query the way the browser does for a person (input event on the real box), waits
# for the result list of exactly that query (and, if timed, for the frame that shows it), and
# returns the result links and the milliseconds from typing to results on screen. One call runs
# a whole query set, so a test does not pay a browser round trip per query.
TYPE_ALL = """async ([queries, timed, hits]) => {
    const input = document.querySelector('#wic-search-input');
    const panel = document.querySelector('[data-wic-search-results]');
    const out = [];
    for (const q of queries) {
        const want = q.trim();
        const t0 = performance.now();
        input.value = q;
        input.dispatchEvent(new Event('input', {bubbles: true}));
        while (panel.getAttribute('data-wic-query') !== want) await new Promise(r => setTimeout(r, 0));
        if (timed) await new Promise(r => requestAnimationFrame(() => r()));
        const ms = performance.now() - t0;
        out.push({ms, hrefs: [...panel.querySelectorAll(hits)].map(a => a.href)});
    }
    return out;
}"""


def load_queries(path: Path) -> dict[str, list[dict]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def expected(item: dict) -> list[str]:
    want = item["expect"]
    return [want] if isinstance(want, str) else list(want)


def run_queries(page, home_url: str, queries: list[dict], timed: bool = False, reload: bool = True,
                hits: str = "[data-wic-search-hits] .wic-result a") -> list[dict]:
    """Type each query into the search box; collect the top result URLs (and the time if asked)."""
    if reload:
        page.goto(home_url)
    got = page.evaluate(TYPE_ALL, [[str(item["q"]) for item in queries], timed, hits])
    return [{"item": item, "hrefs": g["hrefs"][:TOP], "all": g["hrefs"], "ms": g["ms"] if timed else None}
            for item, g in zip(queries, got)]


def found(hrefs: list[str], want: str) -> bool:
    return any(h.split("#")[0].endswith("/" + want) for h in hrefs)


def rank(hrefs: list[str], lang_prefix: str, item: dict) -> int | None:
    """1-based rank of the first expected page among the results, or None."""
    for i, h in enumerate(hrefs):
        if any(found([h], lang_prefix + w) for w in expected(item)):
            return i + 1
    return None


def recall(results: list[dict], lang_prefix: str) -> tuple[float, list[str]]:
    misses = [f"{r['item']['q']!r}: want {expected(r['item'])}, got {[h.split('/')[-1] for h in r['hrefs']]}"
              + (f" ({r['item']['why']})" if r["item"].get("why") else "")
              for r in results if rank(r["hrefs"], lang_prefix, r["item"]) is None]
    return 1 - len(misses) / len(results), misses


def mrr(results: list[dict], lang_prefix: str) -> float:
    """Mean reciprocal rank over the top results (0 for a query whose pages are not there)."""
    return sum(1 / r for r in (rank(x["hrefs"], lang_prefix, x["item"]) for x in results) if r) / len(results)
