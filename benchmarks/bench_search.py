"""Search benchmark: our Lao-aware search against Material's default search on the same pages.

Prints per language: recall@5 on the query set (tests/search_queries.yml), median and worst time from
typing to results (the worst is the first query, which loads the index), index size, and the
build-time cost of indexing. "Stock" is Material's own search plugin over the same rendered pages.

    .venv/bin/python benchmarks/bench_search.py

Targets (issue 4): recall@5 >= 0.95 in both languages; median type-to-results at most 1.5x stock;
index bytes per language no more than stock's.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PROJECT, build_wic, make_wic_project, with_material_search  # noqa: E402

from wic.search_eval import found, load_queries, recall, run_queries  # noqa: E402

QUERIES = load_queries(PROJECT / "tests" / "search_queries.yml")

# Material's search: type into its box and wait until its result list has been redrawn.
STOCK_TYPE_AND_TIME = """async q => {
    const input = document.querySelector('.md-search__input');
    const out = document.querySelector('.md-search-result');
    const changed = () => new Promise(resolve => {
        const obs = new MutationObserver(() => { obs.disconnect(); requestAnimationFrame(() => resolve()); });
        obs.observe(out, {childList: true, subtree: true, characterData: true});
    });
    const t0 = performance.now();
    const done = changed();
    input.value = q;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'End'}));
    await done;
    return performance.now() - t0;
}"""


def stock_queries(page, home_url: str, queries: list[dict]) -> list[dict]:
    page.goto(home_url)
    page.click(".md-search__input")
    page.wait_for_function("document.querySelector('.md-search-result__meta') && "
                           "!/Initializing|ກຳລັງກຽມ/.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=60000)
    out = []
    for item in queries:
        ms = page.evaluate(STOCK_TYPE_AND_TIME, str(item["q"]))
        page.wait_for_timeout(50)
        hrefs = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "els => els.map(a => a.href)")
        out.append({"item": item, "hrefs": hrefs[:5], "ms": ms})
    return out


def stock_index_bytes(site: Path) -> dict[str, int]:
    """Material writes one index for both languages (ASCII-escaped JSON); split it by language."""
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sizes = {}
    for lang in ("lo", "en"):
        docs = [d for d in data["docs"] if d["location"].startswith("en/") == (lang == "en")]
        sizes[lang] = len(json.dumps({"config": data["config"], "docs": docs}, separators=(",", ":")).encode())
    return sizes


def our_indexing_seconds(site: Path) -> float:
    """Time to extract, fold and write the index from the built pages (what our plugin adds)."""
    from wic.search_index import page_sections

    pages = [p for p in site.rglob("*.html") if "assets" not in p.parts]
    start = time.perf_counter()
    for p in pages:
        page_sections(p.read_text(encoding="utf-8"))
    return time.perf_counter() - start


def main() -> None:
    from wic.print.browser import launched_browser
    from wic.serve.server import serve_in_thread

    with tempfile.TemporaryDirectory(prefix="wic-bench-search-") as tmp:
        tmp = Path(tmp)
        ours_proj = make_wic_project(PROJECT / "docs", tmp / "ours")
        # Stock search = Material's search plugin over exactly the same rendered pages.
        stock_proj = with_material_search(make_wic_project(PROJECT / "docs", tmp / "stock"))
        t_ours_build = build_wic(ours_proj, tmp / "ours-site", posters=False)
        t_stock = build_wic(stock_proj, tmp / "stock-site", posters=False)
        # Material's indexing cost = that build minus ours without Material's search.
        t_stock_nosearch = t_ours_build
        ours_server, ours_url = serve_in_thread(tmp / "ours-site")
        stock_server, stock_url = serve_in_thread(tmp / "stock-site")
        try:
            with launched_browser() as browser:
                for lang, prefix in (("lo", ""), ("en", "en/")):
                    queries = QUERIES[lang]
                    page = browser.new_page()
                    run_queries(page, ours_url + prefix + "index.html", queries[:3], timed=True)  # warm up
                    ours = run_queries(page, ours_url + prefix + "index.html", queries, timed=True)
                    page.close()
                    page = browser.new_page()
                    stock_queries(page, stock_url + prefix + "index.html", queries[:3])  # warm up
                    stock = stock_queries(page, stock_url + prefix + "index.html", queries)
                    page.close()
                    r_ours, misses = recall(ours, prefix)
                    r_stock = sum(found(r["hrefs"], prefix + r["item"]["expect"]) for r in stock) / len(stock)
                    t_ours = [r["ms"] for r in ours]
                    t_st = [r["ms"] for r in stock]
                    print(f"== {lang}: {len(queries)} queries ==")
                    print(f"recall@5                      ours {r_ours:6.3f}      stock {r_stock:6.3f}")
                    print(f"type-to-results median (ms)   ours {statistics.median(t_ours):6.1f}      "
                          f"stock {statistics.median(t_st):6.1f}   ratio {statistics.median(t_ours) / statistics.median(t_st):.2f}")
                    print(f"type-to-results worst (ms)    ours {max(t_ours):6.1f}      stock {max(t_st):6.1f}")
                    for m in misses:
                        print(f"  miss: {m}")
        finally:
            ours_server.shutdown()
            stock_server.shutdown()
        stock_sizes = stock_index_bytes(tmp / "stock-site")
        for lang in ("lo", "en"):
            ours_size = (tmp / "ours-site" / "search" / f"wic-index-{lang}.js").stat().st_size
            print(f"index bytes {lang}                ours {ours_size:>9,}   stock {stock_sizes[lang]:>9,}   "
                  f"ratio {ours_size / stock_sizes[lang]:.2f}")
        print(f"indexing cost at build (s)    ours {our_indexing_seconds(tmp / 'ours-site'):6.2f}      "
              f"stock {t_stock - t_stock_nosearch:6.2f}")


if __name__ == "__main__":
    main()
