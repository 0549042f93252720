"""wic build: check, build the whole site into a new release, switch site/ to it."""

from __future__ import annotations

import time
from pathlib import Path

from ..pipeline.build import build_site
from ..pipeline.mkdocs_yml import load_checked_settings


def add_site_options(p) -> None:
    p.add_argument("--site-dir", type=Path, default=None, help="where the site goes (default: site_dir in mkdocs.yml)")
    p.add_argument("--base-url", default=None, help="site address printed QR codes point to "
                   "(default: the wic plugin's poster_base_url, else site_url)")


def add_parser(sub) -> None:
    p = sub.add_parser("build", help="build the whole site into site/ (atomically; the previous release is kept)")
    add_site_options(p)
    p.add_argument("--kiosk", action="store_true", help="the centre kiosk's build: idle reset, storage wiped")
    p.add_argument("--idle-seconds", type=int, default=None, help="kiosk idle time before the reset (default 180)")
    p.add_argument("--no-posters", action="store_true", help="skip rendering the poster PDFs (faster)")
    p.add_argument("--no-zim", action="store_true", help="skip writing the Kiwix (.zim) files (faster)")
    p.set_defaults(run=run)


def run(args) -> int:
    settings = load_checked_settings(args.project, site_dir=args.site_dir, profile="kiosk" if args.kiosk else None,
                             idle_seconds=args.idle_seconds, poster_base_url=args.base_url)
    start = time.perf_counter()
    site = build_site(settings, posters=not args.no_posters, zim=not args.no_zim)
    print(f"Built {site} in {time.perf_counter() - start:.1f} s. Open {site / 'index.html'} or run 'wic serve'.")
    return 0
