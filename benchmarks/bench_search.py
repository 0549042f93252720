"""Search benchmark: today's ranked syllable search against the search it replaced, on the same pages.

"Before" is the search of commit 5b8b8ac (folded substring matching: search.js, laofold.js and
search_index.py as they were then, in today's package), built from the same docs/ and
content-src/ as "after". Prints per language and query set recall@5 and MRR, time from typing to
results on screen with the CPU slowed 4x (Chrome DevTools Protocol Emulation.setCPUThrottlingRate,
standing in for a cheap laptop or phone: the first query, which loads the index, and the median and
worst of the others), index bytes raw and gzipped, and the build-time cost of indexing.

    .venv/bin/python benchmarks/bench_search.py [--baseline COMMIT] [--throttle 4]

Targets (issue 10): recall@5 >= 0.95 per language on both sets; at 4x: warm median <= 30 ms, first
query including index load <= 500 ms; index no more than 1.5x the bytes of before.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PROJECT, make_wic_project  # noqa: E402

from wic.search.eval import load_queries, mrr, recall, run_queries  # noqa: E402

SETS = {name: load_queries(PROJECT / "tests" / f"search_{name}.yml") for name in ("questions", "queries")}
BEFORE_FILES = {"overrides/assets/wic/search.js": "overrides/assets/wic/search.js",
                "overrides/assets/wic/laofold.js": "overrides/assets/wic/laofold.js",
                "scripts/wic/search_index.py": "wic/search/index.py"}
HITS = {"after": "[data-wic-search-hits] .wic-result a", "before": ".wic-result a"}


def git_show(commit: str, path: str) -> str:
    return subprocess.run(["git", "show", f"{commit}:{path}"], cwd=PROJECT, capture_output=True, text=True,
                          check=True).stdout


def make_before(commit: str, dest: Path) -> tuple[Path, Path]:
    """A project and a copy of the wic package with the search files of `commit`."""
    project = make_wic_project(PROJECT / "docs", dest / "project")
    pkg = dest / "pkg"
    shutil.copytree(PROJECT / "scripts" / "wic", pkg / "wic", ignore=shutil.ignore_patterns("__pycache__"))
    for path, where in BEFORE_FILES.items():
        target = (project / where) if where.startswith("overrides/") else (pkg / where)
        # The old index writer sat beside laofold; the package has moved it since.
        target.write_text(git_show(commit, path).replace("from .laofold import", "from ..text.laofold import"),
                          encoding="utf-8")
    plugin = pkg / "wic" / "mkdocs_plugin.py"
    # The old index knew no question words or synonyms (this copy of the plugin only, for the baseline).
    plugin.write_text(plugin.read_text(encoding="utf-8").replace("self.search.use_content(self.content)", "pass"),
                      encoding="utf-8")
    (project / "overrides" / "assets" / "wic" / "laoseg.js").unlink(missing_ok=True)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - assets/wic/laoseg.js\n", ""), encoding="utf-8")
    return project, pkg


def build(project: Path, site: Path, pythonpath: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    cmd = [sys.executable, "-m", "wic.cli", "--project", str(project), "build", "--site-dir", str(site), "--no-posters"]
    start = time.perf_counter()
    run = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"build failed: {' '.join(cmd)}\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    return time.perf_counter() - start


def indexing_seconds(site: Path, module_path: Path) -> float:
    """Time to turn the built pages into index entries (what the plugin adds to a build)."""
    spec = importlib.util.spec_from_file_location("wic.search._bench_search_index", module_path,
                                                  submodule_search_locations=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "wic.search"
    spec.loader.exec_module(module)

    class Page:
        def __init__(self, path: Path):
            self.url = str(path.relative_to(site))
            self.title = ""
            lang = "en" if self.url.startswith("en/") else "lo"
            self.file = type("F", (), {"src_uri": f"{lang}/" + self.url.removeprefix("en/").replace(".html", ".md")})()

    pages = [(Page(p), p.read_text(encoding="utf-8")) for p in site.rglob("*.html") if "assets" not in p.parts]
    writer = module.SearchIndexWriter()
    start = time.perf_counter()
    for page, text in pages:
        writer.add_page("en" if page.url.startswith("en/") else "lo", page, text)
    return time.perf_counter() - start


def measure_once(browser, url: str, queries: list[dict], hits: str, throttle: float) -> tuple[float, list[dict]]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    first = run_queries(page, url, queries[:1], timed=True, reload=False, hits=hits)[0]["ms"]
    results = run_queries(page, url, queries, timed=True, reload=False, hits=hits)
    context.close()
    return first, results


def measure(browser, url: str, queries: list[dict], prefix: str, hits: str, throttle: float, rounds: int) -> dict:
    """Figures of the best of `rounds` fresh pages: other programs on the machine only ever add time."""
    runs = [measure_once(browser, url, queries, hits, throttle) for _ in range(rounds)]
    results = runs[0][1]
    r5, misses = recall(results, prefix)
    medians = [statistics.median(r["ms"] for r in res) for _, res in runs]
    return {"recall": r5, "mrr": mrr(results, prefix), "first": min(f for f, _ in runs), "median": min(medians),
            "worst": min(max(r["ms"] for r in res) for _, res in runs), "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default="5b8b8ac")
    parser.add_argument("--throttle", type=float, default=4.0)
    parser.add_argument("--rounds", type=int, default=3, help="fresh pages per measurement; the best is shown")
    args = parser.parse_args()

    from wic.print.browser import launched_browser
    from wic.serve.server import serve_in_thread

    with tempfile.TemporaryDirectory(prefix="wic-bench-search-") as tmp:
        tmp = Path(tmp)
        after_project = make_wic_project(PROJECT / "docs", tmp / "after")
        before_project, before_pkg = make_before(args.baseline, tmp / "before")
        sites = {"after": tmp / "after-site", "before": tmp / "before-site"}
        build_s = {"after": build(after_project, sites["after"], PROJECT / "scripts"),
                   "before": build(before_project, sites["before"], before_pkg)}
        index_s = {"after": indexing_seconds(sites["after"], PROJECT / "scripts" / "wic" / "search" / "index.py"),
                   "before": indexing_seconds(sites["before"], before_pkg / "wic" / "search" / "index.py")}
        index_sizes = {}
        for lang in ("lo", "en"):
            index_sizes[lang] = {}
            for which, site in sites.items():
                data = (site / "search" / f"wic-index-{lang}.js").read_bytes()
                index_sizes[lang][which] = (len(data), len(gzip.compress(data, 9)))
        servers = {k: serve_in_thread(v) for k, v in sites.items()}
        rows, missing = [], []
        try:
            with launched_browser() as browser:
                for lang, prefix in (("lo", ""), ("en", "en/")):
                    for name, queries in SETS.items():
                        for which in ("before", "after"):
                            m = measure(browser, servers[which][1] + prefix + "index.html", queries[lang], prefix,
                                        HITS[which], args.throttle, args.rounds)
                            rows.append((lang, name, which, m))
                            if which == "after":
                                missing += [f"{lang} {name}: {x}" for x in m["misses"]]
        finally:
            for server, _ in servers.values():
                server.shutdown()

    print(f"CPU slowed {args.throttle:g}x; before = commit {args.baseline}; times in ms from typing to results on screen,")
    print(f"best of {args.rounds} fresh pages (load average when done: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"{'lang':4} {'set':9} {'search':6} {'n':>3} {'recall@5':>8} {'MRR':>6} {'first':>7} {'median':>7} {'worst':>7}")
    for lang, name, which, m in rows:
        n = len(SETS[name][lang])
        print(f"{lang:4} {name:9} {which:6} {n:>3} {m['recall']:>8.3f} {m['mrr']:>6.3f} {m['first']:>7.1f} "
              f"{m['median']:>7.1f} {m['worst']:>7.1f}")
    print()
    print(f"{'index':10} {'before raw':>11} {'after raw':>10} {'ratio':>6} {'before gz':>10} {'after gz':>9} {'ratio':>6}")
    for lang, sizes in index_sizes.items():
        b, a = sizes["before"], sizes["after"]
        print(f"{lang:10} {b[0]:>11,} {a[0]:>10,} {a[0] / b[0]:>6.2f} {b[1]:>10,} {a[1]:>9,} {a[1] / b[1]:>6.2f}")
    print()
    print(f"indexing at build (s)   before {index_s['before']:.2f}   after {index_s['after']:.2f}")
    print(f"whole build, no posters (s)   before {build_s['before']:.1f}   after {build_s['after']:.1f}")
    for line in missing:
        print("  miss (after):", line)


if __name__ == "__main__":
    main()
