"""Anonymous usage counts: what visitors in Chromium leave behind in the counts file, and how the
endpoint of `wic serve` treats bad, foreign, concurrent and flooding requests."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import re
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from wic.text.laofold import match_key
from wic.serve.server import serve_in_thread
from wic.stats.endpoint import COUNT_PATH, CountEndpoint, RateLimit
from wic.stats.store import OTHER, Store

DAY = dt.date(2026, 11, 3)
NOTICE = "[data-wic-stats-notice]"


def is_count(response) -> bool:
    return response.url.endswith(COUNT_PATH)


class Served:
    """The built site on 127.0.0.1 with counting on, into a fresh counts file, on a pinned day."""

    def __init__(self, site: Path, db: Path, limit: RateLimit | None = None):
        self.store = Store(db, today=lambda: DAY)
        self.endpoint = CountEndpoint(self.store, site, limit)
        self.server, self.url = serve_in_thread(site, stats=self.endpoint)
        self.port = self.server.server_address[1]

    def counts(self, **where) -> dict[tuple, int]:
        """(page, kind, lang, key) -> n for today, filtered by column values."""
        return {(r.page, r.kind, r.lang, r.key): r.n for r in self.store.rows(DAY.strftime("%Y-%m"))
                if all(getattr(r, k) == v for k, v in where.items())}

    def total(self) -> int:
        return sum(r.n for r in self.store.rows(DAY.strftime("%Y-%m")))

    def post(self, body: bytes | str, headers: dict | None = None) -> int:
        if isinstance(body, str):
            body = body.encode()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("POST", COUNT_PATH, body=body, headers=headers or {})
            response = conn.getresponse()
            response.read()
            return response.status
        finally:
            conn.close()


@pytest.fixture()
def served(built_site, tmp_path):
    s = Served(built_site, tmp_path / "stats.sqlite3")
    yield s
    s.server.shutdown()


def visit(page, url: str) -> None:
    """Open a page and wait until the server has answered its page-view count."""
    with page.expect_response(is_count) as response:
        page.goto(url)
    assert response.value.status == 200, response.value.text()


def search(page, text: str) -> None:
    """Type into the real search box, wait for its results, then let the visitor pause so the
    search counts (the page's clock is Playwright's, so no real waiting)."""
    box = page.locator("#wic-search-input")
    box.fill(text)
    box.press("End")
    page.wait_for_function("q => document.querySelector('[data-wic-search-results]').getAttribute('data-wic-query') === q",
                           arg=text.strip())
    with page.expect_response(is_count) as response:
        page.clock.run_for(2500)
    assert response.value.status == 200, response.value.text()


# --- in the browser ------------------------------------------------------------------------------

def test_counts_increase_as_pages_are_visited(page, served):
    assert not page.is_visible(NOTICE)
    visit(page, served.url + "index.html")
    assert served.counts() == {("index.html", "view", "lo", ""): 1}
    visit(page, served.url + "women/index.html")
    visit(page, served.url + "en/work-rights/wages.html")
    visit(page, served.url)  # "/" is the home page too
    assert served.counts() == {
        ("index.html", "view", "lo", ""): 2,
        ("women/index.html", "view", "lo", ""): 1,
        ("work-rights/wages.html", "view", "en", ""): 1,
    }
    assert {r.section for r in served.store.rows("2026-11")} == {"home", "women", "work-rights"}
    # The visitor is told, in the page's language, that anonymous counts are kept.
    page.locator(NOTICE).wait_for(state="visible")
    assert "ບໍ່ລະບຸຊື່" in page.locator(NOTICE).inner_text()
    assert not page.console_errors, page.console_errors
    assert not page.external_requests


def test_zero_result_searches_are_recorded_with_their_folded_text(page, served):
    page.clock.install()
    visit(page, served.url + "index.html")
    # Syllables on no page (a lone consonant would be taken for a word being typed: ຂ... finds ຂໍ້ມູນ).
    nonsense_lo = "ຫນຽວຟົງ"  # typed with ຫນ: stored folded (ໜ), as the search index folds it
    search(page, nonsense_lo)
    assert page.locator("[data-wic-search-count]").inner_text().startswith("ບໍ່ພົບ")
    visit(page, served.url + "en/index.html")
    page.locator("#wic-search-input").press_sequentially("qzxv blorft")  # key by key: counted once
    page.wait_for_function("document.querySelector('[data-wic-search-results]').getAttribute('data-wic-query') === 'qzxv blorft'")
    with page.expect_response(is_count):
        page.clock.run_for(2500)
    search(page, "social security")  # found: counted, but its text is not kept
    counts = served.counts()
    assert counts[("index.html", "search-none", "lo", match_key(nonsense_lo))] == 1
    assert match_key(nonsense_lo) == "ໜຽວຟົງ"
    assert counts[("index.html", "search-none", "en", "qzxv blorft")] == 1
    assert counts[("index.html", "search", "en", "")] == 1
    assert sum(n for (_, kind, _, _), n in counts.items() if kind.startswith("search")) == 3
    assert b"social" not in b"".join(p.read_bytes() for p in served.store.path.parent.iterdir())
    assert not page.console_errors, page.console_errors


def test_nothing_stored_contains_an_address_or_a_browser_string(page, served):
    page.clock.install()
    visit(page, served.url + "index.html")
    visit(page, served.url + "women/violence.html")
    with page.expect_response(is_count):
        page.click("[data-wic-print]")
    with page.expect_response(is_count):
        page.evaluate("wicCount('quiz-right', 'q1')")
    search(page, "ບໍ່ມີໃນເວັບໄຊນີ້ແນ່ນອນ")
    agent = page.evaluate("navigator.userAgent")
    assert "HeadlessChrome" in agent
    assert served.total() == 5
    forbidden = ["127.0.0.1", str(served.port), agent, "HeadlessChrome", "Mozilla", "Chrome/", "localhost",
                 "Origin", "Referer", "wic-visit"]
    # Every byte of the counts file and its WAL and index files...
    files = list(served.store.path.parent.iterdir())
    assert served.store.path in files
    raw = b"".join(p.read_bytes() for p in files)
    for word in forbidden:
        assert word.encode() not in raw, f"{word!r} found in the counts files"
    # ...and every column of every table: the day is the finest time kept.
    con = sqlite3.connect(served.store.path)
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert tables == ["counts"]
    columns = [c[1] for c in con.execute("PRAGMA table_info(counts)")]
    assert columns == ["day", "section", "page", "kind", "lang", "key", "n"]
    rows = con.execute("SELECT * FROM counts").fetchall()
    con.close()
    assert len(rows) == 5
    for row in rows:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[0]) and row[0] == DAY.isoformat()
        for value in row:
            assert not any(word in str(value) for word in forbidden), row
            assert not re.search(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|\d\d:\d\d", str(value)), row


def test_a_typed_phone_number_is_not_kept(page, served):
    page.clock.install()
    visit(page, served.url + "index.html")
    search(page, "020 5555 1234 ຫນຽວຟົງ")
    keys = [key for (_, kind, _, key) in served.counts() if kind == "search-none"]
    assert keys == ["#ໜຽວຟົງ"]
    assert b"5555" not in b"".join(p.read_bytes() for p in served.store.path.parent.iterdir())


def test_poster_downloads_prints_and_quiz_answers_are_counted(page, browser, built_site, project, tmp_path):
    from wic.posters import render_posters
    from wic.settings import load_settings

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    render_posters(load_settings(project), site, browser=browser, only=["minimum-wage"], out=lambda line: None,
                   thumbnails=False, use_cache=False)
    s = Served(site, tmp_path / "stats.sqlite3")
    try:
        visit(page, s.url + "en/posters.html")
        link = page.locator("a[href$='posters/minimum-wage-lo-a4.pdf']").first
        with page.expect_response(is_count) as response:
            link.click(modifiers=["Control"])  # opens beside this page, as a download would
        assert response.value.status == 200
        visit(page, s.url + "work-rights/wages.html")
        with page.expect_response(is_count):
            page.click("[data-wic-print]")
        with page.expect_response(is_count):
            page.evaluate("wicCount('quiz-wrong', 'wages-q2')")
        counts = s.counts()
        assert counts[("posters/minimum-wage-lo-a4.pdf", "download", "en", "")] == 1
        assert counts[("work-rights/wages.html", "print", "lo", "")] == 1
        assert counts[("work-rights/wages.html", "quiz-wrong", "lo", "wages-q2")] == 1
        assert {r.section for r in s.store.rows("2026-11") if r.kind == "download"} == {"posters"}
    finally:
        s.server.shutdown()


def test_file_url_visits_count_nothing(page, built_site):
    sent = []
    page.on("request", lambda r: sent.append(r.url) if COUNT_PATH in r.url else None)
    page.clock.install()
    page.goto(built_site.as_uri() + "/index.html")
    page.wait_for_load_state("load")
    box = page.locator("#wic-search-input")
    box.fill("ຟຟຟຂຂຂ")
    box.press("End")
    page.wait_for_function("document.querySelector('[data-wic-search-results]').getAttribute('data-wic-query') === 'ຟຟຟຂຂຂ'")
    page.clock.run_for(5000)
    page.evaluate("wicCount('quiz-right', 'q1')")
    page.goto(built_site.as_uri() + "/en/women/index.html")
    assert not sent
    assert not page.is_visible(NOTICE)
    assert not page.console_errors, page.console_errors


def test_with_counting_off_the_server_keeps_nothing_and_shows_no_notice(page, built_site):
    server, url = serve_in_thread(built_site)  # what `wic serve --no-stats` runs
    try:
        with page.expect_response(is_count) as response:
            page.goto(url + "index.html")
        assert response.value.status == 204
        assert not page.is_visible(NOTICE)
        assert not page.console_errors, page.console_errors
    finally:
        server.shutdown()


def test_two_browsers_counting_at_once_lose_nothing(browser, served):
    contexts = [browser.new_context() for _ in range(2)]
    pages = [c.new_page() for c in contexts]
    try:
        pages_to_read = ["index.html", "women/index.html", "en/index.html", "farm-safety/index.html"] * 3
        for path in pages_to_read:
            with pages[0].expect_response(is_count), pages[1].expect_response(is_count):
                pages[0].goto(served.url + path, wait_until="commit")
                pages[1].goto(served.url + path, wait_until="commit")
    finally:
        for c in contexts:
            c.close()
    counts = served.counts()
    assert counts[("index.html", "view", "lo", "")] == 6
    assert counts[("index.html", "view", "en", "")] == 6
    assert served.total() == 24


# --- the endpoint ---------------------------------------------------------------------------------

def test_concurrent_visitors_lose_no_counts(served):
    threads, each = 8, 25
    start = threading.Barrier(threads)
    statuses: list[int] = []
    lock = threading.Lock()
    bodies = [json.dumps({"kind": "view", "page": p}) for p in ("index.html", "en/women/violence.html")]

    def visitor(i):
        start.wait()
        for j in range(each):
            status = served.post(bodies[(i + j) % 2])
            with lock:
                statuses.append(status)

    workers = [threading.Thread(target=visitor, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert statuses.count(200) == threads * each
    counts = served.counts()
    assert counts[("index.html", "view", "lo", "")] == threads * each // 2
    assert counts[("women/violence.html", "view", "en", "")] == threads * each // 2


def test_two_stores_on_one_file_lose_nothing(tmp_path):
    from wic.stats.store import Count

    stores = [Store(tmp_path / "s.sqlite3", today=lambda: DAY) for _ in range(4)]
    count = Count("women", "women/index.html", "view", "lo")
    workers = [threading.Thread(target=lambda s=s: [s.add(count) for _ in range(100)]) for s in stores]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert sum(r.n for r in stores[0].rows("2026-11")) == 400


BAD = [
    ("not JSON", b"{kind: view", {}, 400),
    ("a list", b'["view"]', {}, 400),
    ("not UTF-8", b'{"kind": "view", "page": "\xff"}', {}, 400),
    ("unknown kind", b'{"kind": "hack", "page": "index.html"}', {}, 400),
    ("unknown field", b'{"kind": "view", "page": "index.html", "ip": "10.0.0.1"}', {}, 400),
    ("unknown page", b'{"kind": "view", "page": "nowhere.html"}', {}, 404),
    ("outside the site", b'{"kind": "view", "page": "../stats.sqlite3"}', {}, 400),
    ("absolute path", b'{"kind": "view", "page": "/etc/passwd"}', {}, 400),
    ("not a page", b'{"kind": "view", "page": "search/wic-index-lo.js"}', {}, 400),
    ("missing poster", b'{"kind": "download", "page": "posters/none.pdf", "lang": "lo"}', {}, 404),
    ("view with text", b'{"kind": "view", "page": "index.html", "q": "hello"}', {}, 400),
    ("search without q", b'{"kind": "search", "page": "index.html", "results": 0}', {}, 400),
    ("negative results", b'{"kind": "search", "page": "index.html", "results": -1, "q": "x"}', {}, 400),
    ("bad quiz id", b'{"kind": "quiz-right", "page": "index.html", "key": "<script>"}', {}, 400),
    ("huge body", b'{"kind": "view", "page": "index.html", "pad": "' + b"x" * 20000 + b'"}', {}, 413),
    ("huge length", b"{}", {"Content-Length": "1000000000"}, 413),
    ("another web site", b'{"kind": "view", "page": "index.html"}', {"Origin": "http://example.org"}, 403),
]


def test_bad_requests_are_refused_and_earlier_counts_are_kept(served):
    assert served.post('{"kind": "view", "page": "index.html"}') == 200
    assert served.post('{"kind": "view", "page": "en/help.html"}') == 200
    before = served.counts()
    for name, body, headers, status in BAD:
        assert served.post(body, headers) == status, name
    # A request without Content-Length.
    conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    conn.putrequest("POST", COUNT_PATH)
    conn.endheaders()
    assert conn.getresponse().status == 411
    conn.close()
    assert served.counts() == before
    # The server still serves pages and counts.
    conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    conn.request("GET", "/index.html")
    assert conn.getresponse().status == 200
    conn.close()
    assert served.post('{"kind": "view", "page": "index.html"}', {"Origin": f"http://127.0.0.1:{served.port}"}) == 200
    assert served.counts()[("index.html", "view", "lo", "")] == 2


def test_a_flood_is_bounded(built_site, tmp_path):
    now = [1000.0]
    limit = RateLimit(burst=40, per_second=2.0, clock=lambda: now[0])
    s = Served(built_site, tmp_path / "stats.sqlite3", limit)
    try:
        assert s.post('{"kind": "view", "page": "help.html"}') == 200
        statuses = [s.post(json.dumps({"kind": "view", "page": "index.html"})) for _ in range(200)]
        assert statuses[:39] == [200] * 39
        assert set(statuses[39:]) == {429}
        assert s.counts()[("help.html", "view", "lo", "")] == 1
        assert s.counts()[("index.html", "view", "lo", "")] == 39
        # Refused requests leave nothing behind: the limiter holds the same few numbers as before.
        assert not [v for v in vars(limit).values() if isinstance(v, (list, dict, set, tuple))]
        now[0] += 10  # ten quiet seconds refill 20 counts
        assert [s.post('{"kind": "view", "page": "index.html"}') for _ in range(21)].count(200) == 20
    finally:
        s.server.shutdown()


def test_a_flood_of_different_searches_cannot_grow_the_file_without_end(built_site, tmp_path):
    store = Store(tmp_path / "stats.sqlite3", today=lambda: DAY, max_keys_per_day=5)
    endpoint = CountEndpoint(store, built_site)
    for i in range(30):
        endpoint.count(json.dumps({"kind": "search", "page": "index.html", "results": 0, "q": f"nothing{i:02d}x"}).encode())
    endpoint.count(b'{"kind": "search", "page": "index.html", "results": 0, "q": "nothing00x"}')
    keys = {r.key: r.n for r in store.rows("2026-11")}
    assert len(keys) == 6
    assert keys[OTHER] == 25 and keys["nothing00x"] == 2


def test_the_kiosk_home_page_after_a_reset_is_not_counted_but_shows_the_notice(page, kiosk_site, tmp_path):
    s = Served(kiosk_site, tmp_path / "stats.sqlite3")  # idle reset after 3 s in this build
    try:
        page.clock.install()
        visit(page, s.url + "index.html")  # the kiosk starting: nobody chose this page
        page.locator(NOTICE).wait_for(state="visible")
        assert s.total() == 0
        with page.expect_response(is_count):
            page.click(".wic-tile >> nth=1")  # a visitor taps a topic
        read = s.counts()
        assert len(read) == 1 and list(read.values()) == [1]
        ((path, kind, lang, _),) = read
        assert kind == "view" and lang == "lo" and path != "index.html"
        with page.expect_response(is_count) as response:
            page.clock.run_for(30_000)  # the visitor walks away: countdown, then home
        assert response.value.status == 200 and json.loads(response.value.request.post_data)["kind"] == "hello"
        assert page.url == s.url + "index.html"
        page.locator(NOTICE).wait_for(state="visible")
        assert s.counts() == read
        assert not page.console_errors, page.console_errors
    finally:
        s.server.shutdown()
