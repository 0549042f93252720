"""`wic serve`: serve the built site on 127.0.0.1 only, for the kiosk and for trainers."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path

from ..stats.endpoint import answer


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".woff2": "font/woff2", ".svg": "image/svg+xml",
                      ".pdf": "application/pdf", ".webmanifest": "application/manifest+json"}

    def end_headers(self):
        # A shared kiosk must not serve yesterday's pages from cache after an update.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self):  # noqa: N802 - http.server's naming
        # Pages, styles and scripts go out gzipped when the browser accepts it: a phone on a slow
        # connection to the centre's laptop gets the first screen several times sooner.
        path = Path(self.translate_path(self.path))
        if path.suffix in _COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "") and path.is_file():
            stat = path.stat()
            body = _gzipped(str(path), stat.st_mtime_ns, stat.st_size)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

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

    def log_message(self, format, *args):  # noqa: A002 - keep the kiosk console quiet
        pass


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
