"""`wic serve`: serve the built site on 127.0.0.1 for the kiosk and trainers; with `--lan` also
to phones on the centre's Wi-Fi (an explicit choice: the default never leaves the machine)."""

from __future__ import annotations

import functools
import http.server
import logging
import os
import re
import sys
import threading
from pathlib import Path

from ..stats.endpoint import answer
from .phone import phone_page

log = logging.getLogger("mkdocs.plugins.wic")

# Pages are revalidated on every visit (a USB update must show at once; a 304 costs a few bytes).
# Material's fingerprinted bundles never change under their name; our other assets (CSS, JS,
# fonts, search index, PDFs) may change with an update, so phones keep them for ten minutes.
HTML_CACHE = "no-cache"
ASSET_CACHE = "max-age=600"
FINGERPRINTED_CACHE = "max-age=604800, immutable"
_FINGERPRINT = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)$")


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".woff2": "font/woff2", ".svg": "image/svg+xml",
                      ".pdf": "application/pdf", ".webmanifest": "application/manifest+json",
                      ".zim": "application/octet-stream"}

    _etag: str | None = None
    _cache: str | None = None

    def send_head(self):
        if self.path.split("?", 1)[0] == "/open-on-phone.html" and self.server.phone_addresses is not None:
            return self._phone_page()
        path = self.translate_path(self.path)
        self._etag, self._cache = None, HTML_CACHE
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if os.path.isfile(path):
            st = os.stat(path)
            # Like nginx: size and modification time. An install writes a new release, so a
            # changed file always gets a new tag.
            self._etag = f'"{st.st_size:x}-{st.st_mtime_ns:x}"'
            if not path.endswith(".html"):
                self._cache = FINGERPRINTED_CACHE if _FINGERPRINT.search(path) else ASSET_CACHE
            if self._etag in _tags(self.headers.get("If-None-Match", "")):
                self.send_response(http.HTTPStatus.NOT_MODIFIED)
                self.end_headers()
                return None
        return super().send_head()

    def _phone_page(self):
        from io import BytesIO

        body = phone_page(self.server.phone_addresses, self.server.server_address[1]).encode()
        self._etag, self._cache = None, "no-store"
        self.send_response(http.HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)

    def end_headers(self):
        # A shared kiosk must not serve yesterday's pages from cache after an update.
        self.send_header("Cache-Control", self._cache or HTML_CACHE)
        if self._etag:
            self.send_header("ETag", self._etag)
        super().end_headers()

    def do_POST(self):  # noqa: N802 - http.server's naming
        # Anonymous usage counts from stats.js (wic.stats.endpoint); server.stats is None with --no-stats.
        answer(self, self.server.stats)

    def log_message(self, format, *args):  # noqa: A002 - no visitor's address is ever written down
        pass


def _tags(header: str) -> set[str]:
    return {t.strip().removeprefix("W/") for t in header.split(",") if t.strip()}


class SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    stats = None  # a wic.stats.endpoint.CountEndpoint when counting

    # The addresses shown on /open-on-phone.html; None: that page does not exist (not on the LAN).
    phone_addresses: list[str] | None = None

    def handle_error(self, request, client_address):
        # socketserver's default prints the client's address with the traceback.
        log.warning("serving a request failed: %s", sys.exc_info()[1])


def make_server(site_dir: Path, port: int = 8000, host: str = "127.0.0.1", stats=None) -> SiteServer:
    handler = functools.partial(_Handler, directory=str(site_dir))
    server = SiteServer((host, port), handler)
    server.stats = stats
    return server


def serve_in_thread(site_dir: Path, port: int = 0, stats=None) -> tuple[SiteServer, str]:
    """Start a server in the background (tests, benchmarks, poster rendering); returns its URL."""
    server = make_server(site_dir, port, stats=stats)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
