"""The `wic` command: build, check and serve the WIC Knowledge Base."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from .problems import ContentError


def find_project(start: Path) -> Path:
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").is_file() and (folder / "content-src").is_dir():
            return folder
    raise SystemExit(f"wic: no project found at or above {start} (looked for mkdocs.yml and content-src/). "
                     "Run wic inside the project folder or pass --project.")


def cmd_check(args) -> int:
    from .check import run_check

    report = run_check(args.project)
    for p in report.problems:
        print(p)
    if report.lao_shares:
        worst = min(report.lao_shares.items(), key=lambda kv: kv[1])
        avg = sum(report.lao_shares.values()) / len(report.lao_shares)
        print(f"Lao script share of Lao pages: average {avg:.1%}, lowest {worst[1]:.1%} ({worst[0]})")
    print(f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)")
    return 1 if report.errors else 0


def cmd_build(args) -> int:
    from .build import BuildError, build_site

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    steps = []
    if args.kiosk:
        # mkdocs.yml reads this through !ENV, so `WIC_KIOSK=true mkdocs build` does the same.
        os.environ["WIC_KIOSK"] = "true"
    if not getattr(args, "no_posters", False):
        from .posters import poster_step

        steps.append(poster_step(args.project, getattr(args, "base_url", None)))
    start = time.perf_counter()
    try:
        site = build_site(args.project, args.site_dir, extra_steps=steps)
    except ContentError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        print("Build stopped: fix the problems above. The previous site/ was left as it was.", file=sys.stderr)
        return 1
    except BuildError as exc:
        print(f"Build failed: {exc}\nThe previous site/ was left as it was.", file=sys.stderr)
        return 1
    print(f"Built {site} in {time.perf_counter() - start:.1f} s. Open {site / 'index.html'} or run 'wic serve'.")
    return 0


def cmd_posters(args) -> int:
    from .posters import PosterError, render_posters

    site = args.site_dir or args.project / "site"
    if not (site / "index.html").is_file():
        print(f"{site} has no built site yet: building it first (the build renders the posters).")
        args.kiosk, args.no_posters = False, False
        return cmd_build(args)
    try:
        render_posters(args.project, site, base_url=args.base_url, only=args.only or None)
    except ContentError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        return 1
    except PosterError as exc:
        print(f"Posters failed: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_serve(args) -> int:
    from .serve import make_server

    site = args.site_dir or args.project / "site"
    if not (site / "index.html").is_file():
        print(f"wic: {site} has no built site. Run 'wic build' first.", file=sys.stderr)
        return 1
    server = make_server(site, args.port, host="0.0.0.0" if args.lan else "127.0.0.1")
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"Serving {site} at {url} (Ctrl+C to stop)")
    if args.lan:
        from .reach.cli import announce_lan
        announce_lan(server)
    if args.kiosk:
        from .kiosk import start_kiosk_browser
        start_kiosk_browser(url, server)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wic", description=__doc__)
    parser.add_argument("--project", type=Path, default=None, help="project folder (default: found from the current folder)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="validate content-src and all pages without building")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("build", help="build the whole site into site/ (atomically)")
    p.add_argument("--site-dir", type=Path, default=None)
    p.add_argument("--kiosk", action="store_true", help="switch on kiosk behaviour (idle reset) in the built site")
    p.add_argument("--no-posters", action="store_true", help="skip rendering the poster PDFs (faster)")
    p.add_argument("--base-url", default=None, help="site address the posters' QR codes point to "
                   "(default: the wic plugin's poster_base_url, else site_url)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("posters", help="render every poster to PDF and PNG into the built site (builds it first if needed)")
    p.add_argument("--site-dir", type=Path, default=None)
    p.add_argument("--base-url", default=None, help="site address the posters' QR codes point to")
    p.add_argument("--only", nargs="+", metavar="POSTER", help="render only these posters (file names without .yml)")
    p.set_defaults(func=cmd_posters)

    p = sub.add_parser("serve", help="serve the built site on 127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--site-dir", type=Path, default=None)
    p.add_argument("--kiosk", action="store_true", help="also start Chromium full-screen on the home page")
    p.add_argument("--lan", action="store_true",
                   help="also serve phones on the centre's Wi-Fi (listens on every network address)")
    p.set_defaults(func=cmd_serve)

    from .reach.cli import add_parsers
    add_parsers(sub)

    args = parser.parse_args(argv)
    args.project = (args.project or find_project(Path.cwd())).resolve()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
