"""`wic stats`: a month of counts as a table, a CSV file and an HTML page with charts; small
counts on violence and harassment pages never show exactly."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from html.parser import HTMLParser

import pytest

from wic.cli import main
from wic.stats.endpoint import CountEndpoint
from wic.stats.privacy import SENSITIVE_SECTION, is_sensitive
from wic.stats.store import Count, Store


@pytest.fixture()
def counted(built_site, tmp_path):
    """A November of counts sent through the endpoint on pinned days, plus one from October."""
    day = [dt.date(2026, 11, 1)]
    store = Store(tmp_path / "stats.sqlite3", today=lambda: day[0])
    endpoint = CountEndpoint(store, built_site)

    def send(n, on, **data):
        day[0] = on
        for _ in range(n):
            endpoint.count(json.dumps(data).encode())

    nov = lambda d: dt.date(2026, 11, d)  # noqa: E731
    send(6, nov(2), kind="view", page="index.html")
    send(4, nov(2), kind="view", page="en/index.html")
    send(9, nov(3), kind="view", page="work-rights/wages.html")
    send(3, nov(20), kind="view", page="en/work-rights/wages.html")
    send(3, nov(4), kind="view", page="women/violence.html")           # sensitive, small
    send(7, nov(5), kind="view", page="women/sexual-harassment.html")  # sensitive, not small
    send(2, nov(5), kind="view", page="women/index.html")              # not sensitive, small
    send(2, nov(6), kind="search", page="index.html", results=0, q="ຫນອງຟຟຟ")
    send(1, nov(6), kind="search", page="en/index.html", results=0, q="<script>alert(1)</script>")
    send(5, nov(6), kind="search", page="index.html", results=3)
    send(1, nov(7), kind="quiz-right", page="work-rights/wages.html", key="wages-q1")
    send(2, nov(7), kind="quiz-wrong", page="work-rights/wages.html", key="wages-q1")
    send(4, nov(7), kind="print", page="work-rights/wages.html")
    send(5, dt.date(2026, 10, 30), kind="view", page="index.html")
    # Downloads need the posters' PDFs, which this build has not rendered: filed directly.
    day[0] = nov(8)
    store.add(Count("posters", "posters/sexual-harassment-lo-a4.pdf", "download", "lo"), 2)
    store.add(Count("posters", "posters/minimum-wage-en-a3.pdf", "download", "en"), 6)
    return store


def run_stats(counted, capsys, *args) -> tuple[int, str, str]:
    code = main(["stats", "--db", str(counted.path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_sensitive_list_covers_the_violence_and_harassment_pages_in_both_languages():
    for path in ("women/violence.html", "en/women/sexual-harassment.html", "women/if-it-happens.html",
                 "posters/sexual-harassment-lo-a4.pdf"):
        assert is_sensitive(path), path
    for path in ("women/index.html", "women/equality.html", "posters/minimum-wage-lo-a4.pdf", "index.html"):
        assert not is_sensitive(path), path


def test_the_month_csv_is_valid_and_hides_small_sensitive_counts(counted, capsys, tmp_path):
    out_csv = tmp_path / "november.csv"
    code, out, err = run_stats(counted, capsys, "--month", "2026-11", "--csv", str(out_csv))
    assert code == 0, err
    with out_csv.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["month", "section", "page", "kind", "lang", "key", "count"]
    body = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert all(len(r) == 7 for r in rows)
    assert {r["month"] for r in body} == {"2026-11"}
    assert all(re.fullmatch(r"\d+|<5", r["count"]) for r in body)

    def count(**where):
        found = [r["count"] for r in body if all(r[k] == v for k, v in where.items())]
        assert len(found) == 1, (where, found)
        return found[0]

    assert count(page="index.html", kind="view", lang="lo") == "6"  # October's 5 are not in November
    assert count(page="work-rights/wages.html", kind="view", lang="en") == "3"  # small, not sensitive: exact
    assert count(page="women/index.html", kind="view") == "2"
    assert count(page="women/violence.html", kind="view") == "<5"
    assert count(page="women/sexual-harassment.html", kind="view") == "7"
    assert count(page="posters/sexual-harassment-lo-a4.pdf", kind="download") == "<5"
    assert count(page="posters/minimum-wage-en-a3.pdf", kind="download") == "6"
    assert count(kind="search-none", key="ໜອງຟຟຟ") == "2"
    assert count(kind="search", lang="lo") == "5"
    assert count(kind="quiz-wrong", key="wages-q1") == "2"
    # Sensitive pages are reported apart from their folder, so the folder's total gives nothing away.
    assert {r["section"] for r in body if is_sensitive(r["page"])} == {SENSITIVE_SECTION}
    assert count(page="women/index.html", kind="view", section="women") == "2"
    # The same month's table was printed.
    assert "Page views: 34 (Lao 27, English 7)" in out
    assert "Searches: 8 (found something 5, found nothing 3)" in out
    assert re.search(rf"{SENSITIVE_SECTION}\s+10\s+0\s+10\b", out)  # 3 + 7 is not small
    assert re.search(r"women/violence.html\s+<5\s+0\s+<5", out)
    assert re.search(r"ໜອງຟຟຟ\s+2", out)


def test_totals_do_not_give_away_a_small_sensitive_count(counted, capsys, built_site):
    # October: 5 views of the home page; now 2 of the women's section and 1 of the page on what to
    # do after harassment.
    counted.today = lambda: dt.date(2026, 10, 31)
    endpoint = CountEndpoint(counted, built_site)
    for page in ("women/index.html", "en/women/index.html", "women/if-it-happens.html"):
        endpoint.count(json.dumps({"kind": "view", "page": page}).encode())
    code, out, _ = run_stats(counted, capsys, "--month", "2026-10")
    assert code == 0
    assert "Page views: 7 + <5 (Lao 6 + <5, English 1)" in out
    # Listed where "<5" belongs (before the 2), not where its true 1 would put it.
    assert re.search(r"home\s+5\s+0\s+5\s+violence-harassment\s+<5\s+0\s+<5\s+women\s+1\s+1\s+2", out)


def test_csv_to_the_screen(counted, capsys):
    code, out, _ = run_stats(counted, capsys, "--month", "2026-10", "--csv", "-")
    assert code == 0
    rows = list(csv.reader(out.splitlines()))
    assert rows == [["month", "section", "page", "kind", "lang", "key", "count"],
                    ["2026-10", "home", "index.html", "view", "lo", "", "5"]]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [v or "" for _, v in attrs]


def test_html_report_draws_a_chart_per_section_without_network(counted, capsys, tmp_path, page):
    out_html = tmp_path / "november.html"
    code, _, err = run_stats(counted, capsys, "--month", "2026-11", "--html", str(out_html))
    assert code == 0, err
    html = out_html.read_text(encoding="utf-8")
    tags = _Tags()
    tags.feed(html)
    assert "script" not in tags.tags  # the typed "<script>" search shows as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not [a for a in tags.attrs if re.match(r"(https?:)?//", a)]
    sections = {"home", "work-rights", "women", SENSITIVE_SECTION}
    # One chart of all sections, then one day-by-day chart per section, except the sensitive one:
    # even "<5" on a given day would tell staff what the person at the kiosk that day read.
    assert tags.tags.count("svg") == len(sections)
    for name in sections:
        assert f"<h3>{name}:" in html
    page.goto(out_html.as_uri())
    assert not page.external_requests
    assert page.locator(f"svg[aria-label^='{SENSITIVE_SECTION}']").count() == 0
    assert "Not shown day by day" in page.locator(".section", has_text=SENSITIVE_SECTION).inner_text()
    titles = page.locator("svg[aria-label^='work-rights'] rect title").evaluate_all("els => els.map(e => e.textContent)")
    assert len(titles) == 30 and "2026-11-03: 9" in titles and "2026-11-20: 3" in titles
    # The violence page's 3 views show as "<5", never as 3.
    assert page.locator("tr", has_text="women/violence.html").inner_text().split()[1:] == ["<5", "0", "<5"]
    bars = page.locator("svg[aria-label^='Page views per section'] rect title").evaluate_all("els => els.map(e => e.textContent)")
    assert f"{SENSITIVE_SECTION}: 10" in bars
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)


def test_stats_without_counts_says_what_to_do(tmp_path, capsys):
    code = main(["stats", "--db", str(tmp_path / "none.sqlite3")])
    assert code == 1
    assert "wic serve" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["stats", "--month", "2026-13"])


def test_serve_accepts_no_stats(tmp_path, capsys):
    # The flag parses; with no built site there, serve stops before listening.
    assert main(["serve", "--no-stats", "--site-dir", str(tmp_path)]) == 1
    assert "no built site" in capsys.readouterr().err
