"""Build benchmark: our build against a stock Material + static-i18n + offline build of the same Markdown.

Prints, for both: build seconds, site size, page count, and the bytes a first visit to the home page
loads (HTML + CSS + JS + fonts, measured in Debian's Chromium). Then a generated site of N pages per
language (default 250, 500, 1000) to show how build time grows.

    .venv/bin/python benchmarks/bench_build.py            # everything (several minutes)
    .venv/bin/python benchmarks/bench_build.py --quick    # real content only

Each comparison builds every contender in turn, round after round (at least 3), and prints the
median wall and CPU seconds: stock Material as shipped, and with navigation.prune (the fair peer at
scale). `--before REV` adds our own build as it was at a git revision.

Targets: full build <= 1.3x stock; 1,000 pages/language <= 0.35x stock and linear growth; first
visit loads fewer bytes than stock; no more CPU than the previous version.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (PROJECT, build_stock, build_wic, checkout, make_stock_project, make_wic_project,  # noqa: E402
                    mb, page_count, tree_size)

SECTIONS = ["work-rights", "social-security", "farm-safety", "women", "working-together", "working-abroad"]


def first_visit_bytes(site: Path) -> int:
    """Bytes the browser loads from the machine for the home page (off-machine requests are blocked)."""
    from wic.print.browser import launched_browser
    from wic.serve.server import serve_in_thread

    server, url = serve_in_thread(site)
    total = 0
    try:
        with launched_browser() as browser:
            context = browser.new_context()
            page = context.new_page()
            sizes: list[int] = []
            page.route("**/*", lambda route: route.abort() if not route.request.url.startswith(url) else route.continue_())
            page.on("requestfinished", lambda req: sizes.append(req.sizes()["responseBodySize"]))
            page.goto(url + "index.html", wait_until="networkidle")
            page.wait_for_timeout(500)
            total = sum(sizes)
            context.close()
    finally:
        server.shutdown()
    return total


def generate_docs(dest: Path, pages_per_lang: int) -> Path:
    """A bilingual site shaped like ours: sections of 50 pages, each page in our page format."""
    per_section = 50
    sections = [f"topic-{k:02d}" for k in range((pages_per_lang + per_section - 1) // per_section)]
    for lang in ("lo", "en"):
        (dest / lang).mkdir(parents=True, exist_ok=True)
        title = "ໜ້າຫຼັກ" if lang == "lo" else "Home"
        links = "".join(f"- [{'ຫົວຂໍ້' if lang == 'lo' else 'Topic'} {k}]({s}/index.md)\n" for k, s in enumerate(sections))
        (dest / lang / "index.md").write_text(
            f"---\ntitle: {title}\nlayout: home\nicon: material/home\nlast_reviewed: 2026-11-22\n---\n\n# {title}\n\n{links}",
            encoding="utf-8")
    lo_kp, en_kp = "ຈຸດສຳຄັນ", "Key points"
    for i in range(pages_per_lang):
        section = f"topic-{i // per_section:02d}"
        for lang in ("lo", "en"):
            folder = dest / lang / section
            folder.mkdir(parents=True, exist_ok=True)
            if lang == "lo":
                title, kp, body, todo, help_ = (f"ໜ້າທົດລອງ {i}", lo_kp, "ຊາວສວນກາເຟຕ້ອງຮູ້ສິດຂອງຕົນ ແລະ ຮັກສາຄວາມປອດໄພ. " * 20,
                                                "ສິ່ງທີ່ຄວນເຮັດ", "ບ່ອນຂໍຄວາມຊ່ວຍເຫຼືອ")
                points = ["ຮູ້ສິດຂອງທ່ານ", "ໃສ່ອຸປະກອນປ້ອງກັນ", "ຖາມສູນຂໍ້ມູນ"]
            else:
                title, kp, body, todo, help_ = (f"Test page {i}", en_kp, "Coffee farmers should know their rights and stay safe. " * 20,
                                                "What to do", "Where to get help")
                points = ["Know your rights", "Wear protective equipment", "Ask the centre"]
            name = "index.md" if i % per_section == 0 else f"page-{i:04d}.md"
            text = (f"---\ntitle: {title}\nicon: material/sprout\nlast_reviewed: 2026-11-22\n---\n\n# {title}\n\n"
                    f"!!! abstract \"{kp}\"\n" + "".join(f"    - {p}\n" for p in points) +
                    f"\n## A\n\n{body}\n\n## B\n\n{body}\n\n## {todo}\n\n1. {points[0]}.\n\n## {help_}\n\n{{{{ help:wic_centre }}}}\n")
            (folder / name).write_text(text, encoding="utf-8")
    return dest


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


class Runs:
    """Each contender built in turn, round after round, so a busy machine slows all of them alike."""

    def __init__(self, rounds: int):
        self.rounds = rounds
        self.wall: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}

    def run(self, contenders: dict) -> None:
        for _ in range(self.rounds):
            for name, build in contenders.items():
                t = build()
                self.wall.setdefault(name, []).append(float(t))
                self.cpu.setdefault(name, []).append(t.cpu)

    def table(self, title: str, baseline: str) -> None:
        print(f"\n{title} (median of {self.rounds} interleaved rounds)")
        print(f"{'':<34}{'wall s':>9}{'CPU s':>9}{'wall vs ' + baseline:>18}{'CPU vs ' + baseline:>17}")
        bw, bc = median(self.wall[baseline]), median(self.cpu[baseline])
        for name in self.wall:
            w, c = median(self.wall[name]), median(self.cpu[name])
            print(f"{name:<34}{w:>9.2f}{c:>9.2f}{w / bw:>18.2f}{c / bc:>17.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="only the real content, no generated sites")
    parser.add_argument("--sizes", default="250,500,1000", help="generated pages per language")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per comparison (at least 3)")
    parser.add_argument("--before", default=None, metavar="REV",
                        help="also build with the wic package as it was at this git revision")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wic-bench-") as tmp:
        tmp = Path(tmp)
        if args.before:
            with checkout(args.before, tmp / "before-src") as src:
                _bench(args, tmp, src / "scripts")
        else:
            _bench(args, tmp, None)


def _bench(args, tmp: Path, before: Path | None) -> None:
    rounds = max(3, args.rounds)
    print("== Real content ==")
    ours_proj = make_wic_project(PROJECT / "docs", tmp / "ours")
    stock_proj = make_stock_project(PROJECT / "docs", tmp / "stock")
    prune_proj = make_stock_project(PROJECT / "docs", tmp / "stock-prune", prune=True)
    t_first = build_wic(ours_proj, tmp / "ours-site")
    print(f"{'first full build, renders every poster':<44} {float(t_first):8.2f} s wall  {t_first.cpu:8.2f} s CPU")
    runs = Runs(rounds)
    contenders = {
        "ours, pages only (--no-posters)": lambda: build_wic(ours_proj, tmp / "ours-np", posters=False),
        "ours, full (posters unchanged)": lambda: build_wic(ours_proj, tmp / "ours-site"),
        "stock Material": lambda: build_stock(stock_proj, tmp / "stock-site"),
        "stock Material + navigation.prune": lambda: build_stock(prune_proj, tmp / "stock-prune-site"),
    }
    if before is not None:
        before_proj = make_wic_project(before.parent / "docs", tmp / "before", source=before.parent)
        build_wic(before_proj, tmp / "before-site", scripts=before)       # its poster cache, warm
        contenders["before, pages only"] = lambda: build_wic(before_proj, tmp / "before-np", posters=False, scripts=before)
        contenders["before, full (posters unchanged)"] = lambda: build_wic(before_proj, tmp / "before-site", scripts=before)
    runs.run(contenders)
    runs.table("Build, real content", "stock Material")
    size_ours, size_stock = tree_size(tmp / "ours-site"), tree_size(tmp / "stock-site")
    print(f"{'site size':<44} ours {mb(size_ours):>11}   stock {mb(size_stock):>11}")
    print(f"{'pages (both languages)':<44} ours {page_count(tmp / 'ours-site'):>11}   stock {page_count(tmp / 'stock-site'):>11}")
    b_ours, b_stock = first_visit_bytes(tmp / "ours-site"), first_visit_bytes(tmp / "stock-site")
    print(f"{'first visit to home page (bytes loaded)':<44} ours {b_ours:>11,}   stock {b_stock:>11,}   ratio {b_ours / b_stock:5.2f}")
    if args.quick:
        return
    print("\n== Generated site (pages per language) ==")
    previous = None
    for n in [int(x) for x in args.sizes.split(",")]:
        docs = generate_docs(tmp / f"gen-{n}" / "docs", n)
        ours = make_wic_project(docs, tmp / f"gen-{n}" / "ours")
        stock = make_stock_project(docs, tmp / f"gen-{n}" / "stock")
        prune = make_stock_project(docs, tmp / f"gen-{n}" / "stock-prune", prune=True)
        runs = Runs(rounds)
        contenders = {
            "ours": lambda: build_wic(ours, tmp / f"gen-{n}" / "ours-site", posters=False),
            "stock Material": lambda: build_stock(stock, tmp / f"gen-{n}" / "stock-site"),
            "stock Material + navigation.prune": lambda: build_stock(prune, tmp / f"gen-{n}" / "stock-prune-site"),
        }
        if before is not None:
            before_proj = make_wic_project(docs, tmp / f"gen-{n}" / "before", source=before.parent)
            contenders["before"] = lambda: build_wic(before_proj, tmp / f"gen-{n}" / "before-site", posters=False,
                                                     scripts=before)
        runs.run(contenders)
        runs.table(f"{n} pages per language", "stock Material + navigation.prune")
        t_o = median(runs.wall["ours"])
        print(f"site size: ours {mb(tree_size(tmp / f'gen-{n}' / 'ours-site'))}, "
              f"stock {mb(tree_size(tmp / f'gen-{n}' / 'stock-site'))}, "
              f"stock+prune {mb(tree_size(tmp / f'gen-{n}' / 'stock-prune-site'))}; ours {1000 * t_o / n:.1f} ms/page")
        if previous:
            pn, pt = previous
            print(f"growth: pages x{n / pn:.2f}, our time x{t_o / pt:.2f}")
        previous = (n, t_o)


if __name__ == "__main__":
    main()
