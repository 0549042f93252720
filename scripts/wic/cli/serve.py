"""wic serve: serve the built site on this machine; --kiosk also starts the kiosk browser."""

from __future__ import annotations

import sys
from pathlib import Path

from ..serve.server import make_server
from ..stats.endpoint import open_endpoint
from .reach import announce_lan
from ..settings import load_settings


def add_parser(sub) -> None:
    p = sub.add_parser("serve", help="serve the built site on 127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--site-dir", type=Path, default=None)
    p.add_argument("--kiosk", action="store_true", help="also start Chromium full-screen on the home page")
    p.add_argument("--browser-log", action="store_true", help="show the kiosk browser's own messages")
    p.add_argument("--no-stats", action="store_true", help="keep no anonymous usage counts (see 'wic stats')")
    p.add_argument("--lan", action="store_true",
                   help="also serve phones on the centre's Wi-Fi (listens on every network address)")
    p.set_defaults(run=run)


def run(args) -> int:
    settings = load_settings(args.project, site_dir=args.site_dir)
    site = settings.site_dir
    if not (site / "index.html").is_file():
        print(f"wic: {site} has no built site. Run 'wic build' first.", file=sys.stderr)
        return 1
    stats = None if args.no_stats else open_endpoint(args.project, site)
    server = make_server(site, args.port, host="0.0.0.0" if args.lan else "127.0.0.1", stats=stats)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"Serving {site} at {url} (Ctrl+C to stop)")
    if args.lan:
        announce_lan(server)
    print(stats.describe() if stats else "Usage counts: off (--no-stats).")
    if args.kiosk:
        from ..serve.kiosk import start_kiosk_browser
        start_kiosk_browser(url, server, chromium=settings.chromium or None, browser_log=args.browser_log)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
