"""`wic serve`: serve the built site on 127.0.0.1 for the kiosk and trainers; with `--lan` also
to phones on the centre's Wi-Fi (an explicit choice: the default never leaves the machine)."""

from __future__ import annotations

import functools
import gzip
import http.server
import logging
import os
import re
import sys
import threading
from io import BytesIO
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
        if not os.path.isfile(path):
            return super().send_head()
        st = os.stat(path)
        # Pages, styles and scripts go out gzipped when the browser accepts it: a phone on a slow
        # connection to the centre's laptop gets the first screen several times sooner.
        gzipped = Path(path).suffix in _COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        # Like nginx: size and modification time (and the encoding). An install writes a new
        # release, so a changed file always gets a new tag.
        self._etag = f'"{st.st_size:x}-{st.st_mtime_ns:x}{"-gz" if gzipped else ""}"'
        if not path.endswith(".html"):
            self._cache = FINGERPRINTED_CACHE if _FINGERPRINT.search(path) else ASSET_CACHE
        if self._etag in _tags(self.headers.get("If-None-Match", "")):
            self.send_response(http.HTTPStatus.NOT_MODIFIED)
            self.end_headers()
            return None
        if not gzipped:
            return super().send_head()
        body = _gzipped(path, st.st_mtime_ns, st.st_size)
        self.send_response(http.HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(st.st_mtime)))
        self.end_headers()
        return BytesIO(body)

    def _phone_page(self):
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

    def send_error(self, code, message=None, explain=None):
        # A missing page gets the site's own "page not found" page (Lao at the root, English under
        # en/) with its Quick exit and help links, instead of Python's bare error text.
        page = _not_found_page(Path(self.directory), self.path) if code == 404 and self.command in ("GET", "HEAD") else None
        if page is None:
            return super().send_error(code, message, explain)
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(page)

    def do_POST(self):  # noqa: N802 - http.server's naming
        # Anonymous usage counts from stats.js (wic.stats.endpoint); server.stats is None with --no-stats.
        answer(self, self.server.stats)

    def log_message(self, format, *args):  # noqa: A002 - no visitor's address is ever written down
        pass


def _tags(header: str) -> set[str]:
    return {t.strip().removeprefix("W/") for t in header.split(",") if t.strip()}


_COMPRESSIBLE = {".html", ".css", ".js", ".svg", ".json", ".xml", ".txt", ".webmanifest"}


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, mtime_ns: int, size: int) -> bytes:
    # Keyed on the file's time and size as well: a rebuilt site (a new release) is never served stale.
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


def _not_found_page(site_dir: Path, request_path: str) -> bytes | None:
    """The 404 page for a request: en/404.html under en/, else 404.html, with a <base> for its folder.

    Its links are relative (so it also works from file://); served in place of a missing page deep in
    the site, the <base> makes them lead where they lead from the page's own folder.
    """
    folder = "en/" if request_path.lstrip("/").startswith("en/") else ""
    page = site_dir / folder / "404.html"
    if not page.is_file():
        page, folder = site_dir / "404.html", ""
    if not page.is_file():
        return None
    html = page.read_bytes()
    return html.replace(b"<head>", b'<head><base href="/' + folder.encode() + b'">', 1)


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
