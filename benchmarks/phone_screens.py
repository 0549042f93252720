"""Phone screenshots: the home page, the help page and a deep page, in Lao, on a 360x740 screen.

    .venv/bin/python benchmarks/phone_screens.py                      # today's site, built for this
    .venv/bin/python benchmarks/phone_screens.py --before 8fe9c54^1   # and as it was at a revision
    .venv/bin/python benchmarks/phone_screens.py --site site --out /tmp/shots

Writes <tag>-<page>-360.png (tag: "after" for today's site, "before" for the revision) into --out
(default benchmarks/screenshots/) and prints, per page, what a reader on a phone would notice:
whether the page scrolls sideways, how far down the first number to call sits (on the first screen
or not), the smallest call link (a finger needs 48x48 px), the key points' text size next to the
body text and how far down they begin. Open the pictures and look at them: the figures do not say whether it reads well.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PROJECT, build_wic, checkout, make_wic_project  # noqa: E402

PAGES = {"home": "index.html", "help": "help.html", "wages": "work-rights/wages.html"}
WIDTH, HEIGHT = 360, 740

MEASURE = """() => {
    const calls = [...document.querySelectorAll('article a[href^="tel:"]')]
        .map(a => a.getBoundingClientRect()).filter(r => r.width > 0);
    const px = sel => { const el = document.querySelector(sel); return el ? parseFloat(getComputedStyle(el).fontSize) : null; };
    return {
        sideways: document.scrollingElement.scrollWidth - window.innerWidth,
        firstCall: calls.length ? Math.round(calls[0].bottom + window.scrollY) : null,
        smallestCall: calls.length ? calls.map(r => [Math.round(r.width), Math.round(r.height)])
            .sort((a, b) => a[0] * a[1] - b[0] * b[1])[0] : null,
        keyPoints: px('article .admonition li, article .admonition p:not(.admonition-title)'),
        body: px('article > p'),
        keyPointsAt: (el => el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : null)(
            document.querySelector('article .admonition.abstract')),
    };
}"""


def shoot(site: Path, out: Path, tag: str) -> None:
    from wic.print.browser import launched_browser

    out.mkdir(parents=True, exist_ok=True)
    print(f"{tag}: {site}")
    print(f"  {'page':6} {'sideways px':>11} {'first call link ends at':>26} {'smallest call':>13} {'key points / body px':>21} {'key points begin at':>20}")
    with launched_browser() as browser:
        context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1,
                                      is_mobile=True, has_touch=True)
        page = context.new_page()
        for name, rel in PAGES.items():
            page.goto((site / rel).resolve().as_uri())
            page.evaluate("document.fonts.ready")
            path = out / f"{tag}-{name}-{WIDTH}.png"
            page.screenshot(path=str(path))
            m = page.evaluate(MEASURE)
            first = "-" if m["firstCall"] is None else f"{m['firstCall']} px" + (" (1st screen)" if m["firstCall"] <= HEIGHT else "")
            small = "-" if m["smallestCall"] is None else "x".join(map(str, m["smallestCall"]))
            sizes = f"{m['keyPoints'] or '-'} / {m['body'] or '-'}"
            at = "-" if m["keyPointsAt"] is None else f"{m['keyPointsAt']} px"
            print(f"  {name:6} {m['sideways']:>11} {first:>26} {small:>13} {sizes:>21} {at:>20}   {path.name}")
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build today's pages)")
    parser.add_argument("--before", metavar="REV", help="also the site as it was at this git revision")
    parser.add_argument("--out", type=Path, default=PROJECT / "benchmarks" / "screenshots")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wic-screens-") as tmp:
        tmp = Path(tmp)
        site = args.site
        if site is None:
            site = tmp / "after-site"
            build_wic(make_wic_project(PROJECT / "docs", tmp / "after"), site, posters=False)
        shoot(site, args.out, "after")
        if args.before:
            with checkout(args.before, tmp / "before-src") as src:
                before = make_wic_project(src / "docs", tmp / "before", source=src)
                build_wic(before, tmp / "before-site", posters=False, scripts=src / "scripts")
            shoot(tmp / "before-site", args.out, "before")


if __name__ == "__main__":
    main()
