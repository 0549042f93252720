"""The local endpoint `wic serve` answers on POST /_wic/count: it checks one count sent by
stats.js and files it in the store.

A count is a small JSON object, e.g. {"kind": "view", "page": "en/women/index.html"} or
{"kind": "search", "page": "index.html", "results": 0, "q": "ຂົ່ມເຫັງ"}. Anything else is refused
with a 4xx status and nothing is stored: a body over MAX_BODY bytes, bad JSON, unknown fields or
kinds, a page or PDF that is not in the built site, a request from another web site (Origin), and
requests beyond a global rate (a token bucket: a few numbers, so a flood costs no memory).

Only what the count says is kept, with the server's date. The request's address, headers
(browser string, cookies, referrer) and time are never looked at beyond the checks below.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
import time
from pathlib import Path
from typing import Callable

from ..text.laofold import match_key
from .store import Count, Store, default_db

log = logging.getLogger("mkdocs.plugins.wic")

COUNT_PATH = "/_wic/count"
MAX_BODY = 1024
LANGS = ("lo", "en")
# What the browser may send; "search" is filed as "search" or "search-none" (found nothing).
# "hello" only asks whether counts are kept (the kiosk's home page after a reset is no visit).
KINDS = ("view", "search", "download", "print", "quiz-right", "quiz-wrong", "hello")
FIELDS = {"kind", "page", "lang", "results", "q", "key"}
PAGE = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_./-]{0,199}")
QUIZ_KEY = re.compile(r"[a-z0-9][a-z0-9_.:-]{0,63}")
MAX_QUERY = 60
# A typed phone number (6 or more digits, maybe grouped) is personal: it is kept as "#".
LONG_NUMBER = re.compile(r"\d(?:[\s.\-]?\d){5,}")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class Refused(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


class RateLimit:
    """At most `burst` counts at once, refilled at `per_second`; shared by every visitor (the
    server listens on 127.0.0.1 only, so there is nobody to tell apart, and we would not)."""

    def __init__(self, burst: int = 300, per_second: float = 5.0, clock: Callable[[], float] = time.monotonic):
        self.burst, self.per_second, self.clock = burst, per_second, clock
        self.tokens = float(burst)
        self.last = clock()
        self.lock = threading.Lock()

    def take(self) -> bool:
        with self.lock:
            now = self.clock()
            self.tokens = min(self.burst, self.tokens + max(0.0, now - self.last) * self.per_second)
            self.last = now
            if self.tokens < 1:
                return False
            self.tokens -= 1
            return True


def section_of(page: str) -> str:
    """The site's folder a page is in; pages at the top are their own section (index: home)."""
    if "/" in page:
        return page.split("/", 1)[0]
    stem = page.rsplit(".", 1)[0]
    return "home" if stem == "index" else stem


def fold_query(q: str) -> str:
    """The text of a search as stored: folded like the search index, no phone numbers, short."""
    text = CONTROL.sub(" ", q)
    text = LONG_NUMBER.sub("#", match_key(text))
    return " ".join(text.split())[:MAX_QUERY].strip()


class CountEndpoint:
    def __init__(self, store: Store, site_dir: Path, limit: RateLimit | None = None):
        self.store = store
        self.site_dir = Path(site_dir)  # site/ is a symlink to the current release: looked up per count
        self.limit = limit or RateLimit()

    def describe(self) -> str:
        return f"Anonymous usage counts go to {self.store.path} ('wic stats' reports them; --no-stats switches them off)."

    # --- checking one count ---------------------------------------------------------------
    def _site_file(self, path, suffix: str) -> str:
        if not isinstance(path, str) or not PAGE.fullmatch(path) or ".." in path.split("/") or "//" in path:
            raise Refused(400, "page must be a path inside the site, e.g. 'en/women/index.html'")
        if not path.endswith(suffix):
            raise Refused(400, f"this kind of count needs a {suffix} file")
        if not (self.site_dir / path).is_file():
            raise Refused(404, f"{path} is not a page of this site")
        return path

    def parse(self, body: bytes) -> Count:
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise Refused(400, "the count must be a JSON object") from None
        if not isinstance(data, dict):
            raise Refused(400, "the count must be a JSON object")
        unknown = set(data) - FIELDS
        if unknown:
            raise Refused(400, f"unknown field(s): {', '.join(sorted(unknown))[:100]}")
        kind = data.get("kind")
        if kind not in KINDS:
            raise Refused(400, f"kind must be one of {', '.join(KINDS)}")
        key = ""
        if kind == "download":
            page = self._site_file(data.get("page"), ".pdf")
            lang = data.get("lang")
            if lang not in LANGS:
                raise Refused(400, "a download needs the language of the page it was taken from: lo or en")
        else:
            page = self._site_file(data.get("page"), ".html")
            lang = "en" if page.startswith("en/") else "lo"
            if page.startswith("en/"):
                page = page[3:]
        if kind == "search":
            results = data.get("results")
            if type(results) is not int or results < 0:
                raise Refused(400, "a search needs 'results': the number of pages it found")
            if results == 0:
                q = data.get("q")
                key = fold_query(q) if isinstance(q, str) and len(q) <= 200 else ""
                if not key:
                    raise Refused(400, "a search that found nothing needs 'q': what was typed (at most 200 characters)")
                kind = "search-none"
        elif kind.startswith("quiz-"):
            key = data.get("key")
            if not isinstance(key, str) or not QUIZ_KEY.fullmatch(key):
                raise Refused(400, "a quiz answer needs 'key': the question's id (a-z, 0-9, - _ . :)")
        elif data.get("key") or data.get("q") or "results" in data:
            raise Refused(400, f"a {kind} count takes only kind, page and lang")
        return Count(section=section_of(page), page=page, kind=kind, lang=lang, key=key)

    def count(self, body: bytes) -> Count:
        found = self.parse(body)
        if found.kind != "hello":
            self.store.add(found)
        return found


def open_endpoint(project: Path, site_dir: Path, db: Path | None = None) -> CountEndpoint:
    return CountEndpoint(Store(db or default_db(project)), site_dir)


# --- HTTP -------------------------------------------------------------------------------------
def _reply(handler, status: int, payload: dict | None = None) -> None:
    body = json.dumps(payload).encode() if payload is not None else b""
    handler.send_response(status)
    if body:
        handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if body:
        handler.wfile.write(body)


def _same_origin(headers) -> bool:
    origin = headers.get("Origin")
    if origin is None:  # not sent by a browser page (e.g. a script on this machine)
        return True
    host = headers.get("Host", "")
    return origin in (f"http://{host}", f"https://{host}")


def answer(handler, endpoint: CountEndpoint | None) -> None:
    """Answer one POST for `serve.py`'s request handler. With counting off (`--no-stats`) the
    endpoint still answers (204, nothing kept), so pages served that way log no errors."""
    if handler.path.split("?", 1)[0] != COUNT_PATH:
        return _reply(handler, 405, {"error": "only " + COUNT_PATH + " takes POST"})
    if endpoint is None:
        return _reply(handler, 204)
    try:
        if not endpoint.limit.take():
            raise Refused(429, "too many counts at once; try again later")
        if not _same_origin(handler.headers):
            raise Refused(403, "counts are taken only from this site's own pages")
        length = handler.headers.get("Content-Length")
        if length is None:
            raise Refused(411, "Content-Length is needed")
        if not length.isdigit():
            raise Refused(400, "bad Content-Length")
        if int(length) > MAX_BODY:
            raise Refused(413, f"a count is at most {MAX_BODY} bytes")
        handler.connection.settimeout(5)  # a client that stops sending must not hold a thread
        body = handler.rfile.read(int(length))
        if len(body) != int(length):
            raise Refused(400, "the body is shorter than Content-Length")
        endpoint.count(body)
    except Refused as exc:
        return _reply(handler, exc.status, {"error": exc.reason})
    except TimeoutError:
        return _reply(handler, 408, {"error": "the body did not arrive in time"})
    except sqlite3.Error as exc:
        log.warning("usage counts: could not write to %s: %s", endpoint.store.path, exc)
        return _reply(handler, 503, {"error": "the count could not be stored"})
    _reply(handler, 200, {"kept": True})
