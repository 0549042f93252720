"""Accessibility benchmark: axe-core violations by impact and Lighthouse mobile scores.

    .venv/bin/python benchmarks/bench_accessibility.py                 # builds the site, axe + Lighthouse
    .venv/bin/python benchmarks/bench_accessibility.py --site site     # an already built site
    .venv/bin/python benchmarks/bench_accessibility.py --no-lighthouse # axe only (no npm needed)

axe-core is the copy vendored for the tests (tests/vendor/axe.min.js). It runs on every built page
in both languages, at 1280x800 and 360x740, with and without the toolbar's high contrast, and the
counts are printed per language and impact (a violation = one rule failing on one page in one
setting), with the rules behind the serious and critical ones.

Lighthouse is installed by this script's own setup, with npm, into .cache/bench-lighthouse/ (once;
`npm` must be on the PATH); the tests never need it. It runs in mobile mode on Debian's Chromium
against the site served on 127.0.0.1, on the Lao home page and a deep page.

Targets (issue 16): zero critical or serious axe violations; Lighthouse accessibility >= 98 and
performance >= 90 on the Lao home and deep page.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "scripts"))
sys.path.insert(0, str(PROJECT / "tests"))

from axe_audit import AXE, VIEWPORTS, audit_pages  # noqa: E402 - the tests' own audit, so both count the same way

LIGHTHOUSE_VERSION = "12.8.2"  # the last release that runs on Debian 12's Node 20 (13.x needs Node 22)
LIGHTHOUSE_DIR = PROJECT / ".cache" / "bench-lighthouse"
IMPACTS = ("critical", "serious", "moderate", "minor")
LIGHTHOUSE_PAGES = ["index.html", "work-rights/wages.html", "help.html"]
if os.environ.get("WIC_LIGHTHOUSE_PAGES"):  # e.g. "index.html work-rights/wages.html"
    LIGHTHOUSE_PAGES = os.environ["WIC_LIGHTHOUSE_PAGES"].split()


def build(dest: Path) -> Path:
    from wic.pipeline.build import build_site
    from wic.settings import load_settings

    return build_site(load_settings(PROJECT, site_dir=dest, profile="site"), posters=False)


def axe_audit(site: Path) -> dict:
    """{(lang, impact): count} plus {rule: count} for serious and critical violations."""
    pages = sorted(site.rglob("*.html"))
    counts: collections.Counter = collections.Counter()
    rules: collections.Counter = collections.Counter()
    start = time.perf_counter()
    for r in audit_pages(pages):
        lang = "en" if r["page"].relative_to(site).parts[0] == "en" else "lo"
        for v in r["violations"]:
            counts[(lang, v["impact"])] += 1
            if v["impact"] in ("critical", "serious"):
                rules[f"{v['id']} ({r['viewport']}{', contrast' if r['mode'] == 'contrast' else ''})"] += 1
    return {"counts": counts, "rules": rules, "pages": len(pages), "seconds": time.perf_counter() - start}


def lighthouse_bin() -> Path:
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        print(f"installing lighthouse@{LIGHTHOUSE_VERSION} with npm into {LIGHTHOUSE_DIR} ...", flush=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(LIGHTHOUSE_DIR),
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True, stdout=subprocess.DEVNULL)
    return binary


def lighthouse(site: Path) -> dict:
    from wic.print.browser import chromium_path
    from wic.serve.server import serve_in_thread

    binary = lighthouse_bin()
    server, url = serve_in_thread(site)
    scores = {}
    try:
        for rel in LIGHTHOUSE_PAGES:
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / "report.json"
                subprocess.run([str(binary), url + rel, "--quiet", "--output=json", f"--output-path={out}",
                                "--only-categories=accessibility,performance,best-practices,seo",
                                "--chrome-flags=--headless --no-sandbox --disable-gpu"],
                               check=True, env={**os.environ, "CHROME_PATH": chromium_path()}, timeout=300)
                report = json.loads(out.read_text(encoding="utf-8"))
            scores[rel] = {k: round(v["score"] * 100) for k, v in report["categories"].items() if v["score"] is not None}
            for metric, short in (("first-contentful-paint", "FCP ms"), ("largest-contentful-paint", "LCP ms"),
                                  ("total-blocking-time", "TBT ms"), ("cumulative-layout-shift", "CLS")):
                value = report["audits"].get(metric, {}).get("numericValue")
                if value is not None:
                    scores[rel][short] = round(value, 3) if short == "CLS" else round(value)
            failed = [a for a, r in report["audits"].items()
                      if r.get("score") is not None and r["score"] < 0.9 and r.get("scoreDisplayMode") in ("binary", "numeric")]
            scores[rel]["_low"] = failed[:12]
    finally:
        server.shutdown()
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--no-lighthouse", action="store_true", help="axe only")
    parser.add_argument("--no-axe", action="store_true", help="Lighthouse only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site.resolve() if args.site else build(Path(tmp) / "site")
        if not args.no_axe:
            print_axe(axe_audit(site))
        if not args.no_lighthouse:
            for rel, s in lighthouse(site).items():
                low = s.pop("_low")
                print(f"lighthouse mobile {rel}: " + ", ".join(f"{k} {v}" for k, v in s.items()))
                if low:
                    print("    below 90: " + ", ".join(low))


def print_axe(result: dict) -> None:
    version = re.search(r"axe v([\d.]+)", AXE.read_text(encoding="utf-8")[:100]).group(1)
    print(f"axe-core {version} on {result['pages']} pages x "
          f"{len(VIEWPORTS)} viewports x 2 modes (normal, high contrast) in {result['seconds']:.0f} s; "
          "violations = failing rules per page and setting")
    print(f"{'lang':6}" + "".join(f"{i:>10}" for i in IMPACTS))
    for lang in ("lo", "en"):
        print(f"{lang:6}" + "".join(f"{result['counts'][(lang, i)]:>10}" for i in IMPACTS))
    for rule, n in result["rules"].most_common(15):
        print(f"  {n:5}  {rule}")


if __name__ == "__main__":
    main()
