"""Reach: Kiwix files, update bundles and installs: bytes and seconds.

    python benchmarks/bench_reach.py [--no-posters]

Builds the site into a temporary folder (with posters unless --no-posters), then writes the ZIM of
each language into its downloads/ (as `wic zim` does), signs a bundle of the whole site (as
`wic bundle` does) and installs it twice into a fresh centre site (first install, then an update
beside a previous release). Also prints how many of tests/search_queries.yml the Kiwix search finds
in its top 10, with our Lao index text and with libzim's own indexer.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "scripts"))

import yaml  # noqa: E402
from libzim.reader import Archive  # noqa: E402
from libzim.search import Query, Searcher  # noqa: E402

from wic.build import build_site  # noqa: E402
from wic.reach import zim  # noqa: E402
from wic.reach.bundle import make_bundle  # noqa: E402
from wic.reach.install import install_bundle  # noqa: E402
from wic.reach.keys import make_keys  # noqa: E402


@contextlib.contextmanager
def quiet(fd: int = 1):
    """libzim prints progress and notes from C++ straight to file descriptors 1 and 2."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(fd)
    with open(os.devnull, "w") as null:
        os.dup2(null.fileno(), fd)
        try:
            yield
        finally:
            os.dup2(saved, fd)
            os.close(saved)


def recall(path: Path, lang: str) -> tuple[int, int]:
    queries = yaml.safe_load((PROJECT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))[lang]
    found = 0
    with quiet(2):
        archive = Archive(path)
        searcher = Searcher(archive)
        for item in queries:
            expect = item["expect"] if lang == "lo" or item["expect"].startswith("en/") else "en/" + item["expect"]
            results = list(searcher.search(Query().set_query(str(item["q"]))).getResults(0, 10))
            found += expect in results
        del searcher, archive
    return found, len(queries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-posters", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wic-bench-reach-") as tmp:
        tmp = Path(tmp)
        steps = []
        if not args.no_posters:
            from wic.posters import poster_step
            steps.append(poster_step(PROJECT, None))
        start = time.perf_counter()
        site = build_site(PROJECT, tmp / "site", extra_steps=steps)
        print(f"site built in {time.perf_counter() - start:.1f} s ({'no ' if args.no_posters else 'with '}posters)")

        print("\nKiwix files (wic zim)")
        print(f"{'lang':<6}{'entries':>8}{'MB':>8}{'s':>7}  top-10 found (ours / libzim's own indexer)")
        with quiet():
            results = zim.make_zims(site)
        for r in results:
            ours = recall(r.path, r.lang)
            line = f"{r.lang:<6}{r.entries:>8}{r.bytes / 1e6:>8.2f}{r.seconds:>7.2f}  {ours[0]}/{ours[1]}"
            if r.lang == "lo":
                # The same file as libzim would index it by itself, for comparison.
                with quiet():
                    default = zim.write_zim(site.resolve(), "lo", tmp / "default.zim", lao_index=False)
                theirs = recall(default.path, "lo")
                line += f" / {theirs[0]}/{theirs[1]} (that file: {default.bytes / 1e6:.2f} MB)"
            print(line)

        print("\nUpdate bundle (wic bundle, wic install)")
        public, secret = make_keys(PROJECT, tmp / "wic-update.pub", tmp / "keys" / "wic-update.key")
        start = time.perf_counter()
        bundle = make_bundle(site, secret, public, tmp / "usb", version="1.0")
        bundle_s = time.perf_counter() - start
        print(f"bundle: {bundle.files} files, site {bundle.site_bytes / 1e6:.1f} MB -> bundle "
              f"{bundle.bytes / 1e6:.1f} MB ({bundle.bytes:,} bytes), {bundle_s:.2f} s")
        centre = tmp / "centre" / "site"
        for label, force in (("first install", False), ("update beside it", True)):
            start = time.perf_counter()
            install_bundle(bundle.path, centre, public, force=force)
            print(f"install ({label}): {time.perf_counter() - start:.2f} s (every file checked and flushed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
