"""Poster rendering speed, with the browser warm: seconds per poster and for the whole set.

    python benchmarks/bench_posters.py [--rounds 2]

One "poster" here is one definition in content-src/posters rendered completely: 3 layouts (Lao,
English, bilingual) × 2 sizes (A4, A3) = 6 PDFs, plus the Lao and English PNG thumbnails. The target is at most
0.5 s per poster PDF once the browser is warm; the table also shows each PDF's share.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "scripts"))

import wic.features  # noqa: E402,F401 - registers the placeholder kinds posters use
from wic.content import load_content  # noqa: E402
from wic.posters.files import THUMB_LAYOUTS  # noqa: E402
from wic.posters.layout import LAYOUTS  # noqa: E402
from wic.posters.render import poster_shell, render_one  # noqa: E402
from wic.print.browser import launched_browser  # noqa: E402
from wic.print.engine import SIZES, PrintPage  # noqa: E402
from wic.settings import load_settings  # noqa: E402

TARGET_PER_PDF = 0.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="timed passes over the whole set (best is reported)")
    args = parser.parse_args()

    settings = load_settings(PROJECT)
    content = load_content(settings.content_dir, settings.docs_dir)
    posters = content.extras.get("posters") or []
    if not posters:
        print("no posters found", file=sys.stderr)
        return 1
    base_url = settings.base_url
    per_poster = len(LAYOUTS) * len(SIZES)

    with tempfile.TemporaryDirectory() as tmp, launched_browser() as browser:
        out = Path(tmp)
        t0 = time.perf_counter()
        renderer = PrintPage(browser, poster_shell(settings))
        setup = time.perf_counter() - t0
        warm = render_one(renderer, posters[0], content, base_url, out)        # warm-up, not counted
        if warm.error:
            print(f"warm-up failed: {warm.error}", file=sys.stderr)
            return 1
        rounds: list[dict[str, float]] = []
        totals: list[float] = []
        for _ in range(max(1, args.rounds)):
            times: dict[str, float] = {}
            start = time.perf_counter()
            for poster in posters:
                res = render_one(renderer, poster, content, base_url, out)
                if res.error:
                    print(f"{poster.key}: FAILED {res.error}", file=sys.stderr)
                    return 1
                times[poster.key] = res.seconds
            totals.append(time.perf_counter() - start)
            rounds.append(times)
        renderer.close()

    best = min(range(len(totals)), key=lambda i: totals[i])
    times = rounds[best]
    width = max(len(k) for k in times)
    print(f"Poster rendering, warm browser (Debian Chromium via Playwright); best of {len(totals)} round(s)")
    print(f"browser page set-up (fonts, styles, fitting script): {setup:.2f} s, once per run")
    print(f"{'poster':<{width}}  seconds  ({per_poster} PDFs + {len(THUMB_LAYOUTS)} PNGs)  s/PDF")
    for key, sec in times.items():
        print(f"{key:<{width}}  {sec:7.3f}  {'':>22}  {sec / per_poster:.3f}")
    mean = statistics.mean(times.values())
    print(f"{'mean':<{width}}  {mean:7.3f}  {'':>22}  {mean / per_poster:.3f}")
    print(f"whole set: {len(times)} posters, {len(times) * per_poster} PDFs in {totals[best]:.2f} s")
    verdict = "OK" if mean / per_poster <= TARGET_PER_PDF else "SLOWER THAN TARGET"
    print(f"target: at most {TARGET_PER_PDF} s per poster PDF once warm -> {mean / per_poster:.3f} s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
