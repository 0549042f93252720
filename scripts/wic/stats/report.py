"""A month of counts as the centres report it: a text table, a CSV file, an HTML page with
SVG charts (no scripts, no network). Small counts on sensitive topics show as "<5" (privacy.py)."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .privacy import SENSITIVE_SECTION, SMALL, is_sensitive, shown
from .store import Row, Store

KIND_ORDER = ("view", "search", "search-none", "download", "print", "quiz-right", "quiz-wrong")
CSV_HEADER = ("month", "section", "page", "kind", "lang", "key", "count")


@dataclass(frozen=True)
class Line:
    """One month's total for one (section, page, kind, language, key)."""
    section: str
    page: str
    kind: str
    lang: str
    key: str
    n: int

    @property
    def sensitive(self) -> bool:
        return is_sensitive(self.page)

    @property
    def shown(self) -> str:
        return shown(self.n, self.sensitive)


def report_section(row: Row) -> str:
    return SENSITIVE_SECTION if is_sensitive(row.page) else row.section


class MonthReport:
    def __init__(self, month: str, rows: list[Row], source: Path | None = None):
        self.month = month
        self.rows = rows
        self.source = source
        year, mon = (int(x) for x in month.split("-"))
        self.title = f"{calendar.month_name[mon]} {year}"
        self.days = calendar.monthrange(year, mon)[1]
        totals: dict[tuple, int] = defaultdict(int)
        for r in rows:
            totals[(report_section(r), r.page, r.kind, r.lang, r.key)] += r.n
        rank = {k: i for i, k in enumerate(KIND_ORDER)}
        self.lines = sorted((Line(*k, n) for k, n in totals.items()),
                            key=lambda l: (rank.get(l.kind, 99), l.section, l.page, l.lang, -l.n, l.key))

    @classmethod
    def load(cls, store: Store, month: str) -> "MonthReport":
        return cls(month, store.rows(month), store.path)

    # --- figures ----------------------------------------------------------------------------
    def total(self, *kinds: str, lang: str | None = None) -> int:
        return sum(l.n for l in self.lines if l.kind in kinds and (lang is None or l.lang == lang))

    def _by(self, kind: str, field: str) -> list[tuple[str, dict[str, int], bool]]:
        """(name, {lo, en, total}, sensitive) per section or page, most counted first."""
        acc: dict[str, dict[str, int]] = defaultdict(lambda: {"lo": 0, "en": 0, "total": 0})
        sens: dict[str, bool] = defaultdict(bool)
        for l in self.lines:
            if l.kind == kind:
                name = getattr(l, field)
                acc[name][l.lang] += l.n
                acc[name]["total"] += l.n
                sens[name] |= l.sensitive
        return sorted(((name, c, sens[name]) for name, c in acc.items()), key=lambda x: (-x[1]["total"], x[0]))

    def sections(self):
        return self._by("view", "section")

    def pages(self):
        return self._by("view", "page")

    def downloads(self):
        return self._by("download", "page")

    def empty_searches(self) -> list[tuple[str, int]]:
        acc: dict[str, int] = defaultdict(int)
        for l in self.lines:
            if l.kind == "search-none":
                acc[l.key] += l.n
        return sorted(acc.items(), key=lambda kv: (-kv[1], kv[0]))

    def quiz(self) -> list[tuple[str, str, int, int]]:
        acc: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        for l in self.lines:
            if l.kind in ("quiz-right", "quiz-wrong"):
                acc[(l.page, l.key)][l.kind == "quiz-wrong"] += l.n
        return [(page, key, rw[0], rw[1]) for (page, key), rw in sorted(acc.items())]

    def daily(self, section: str) -> list[int]:
        """Page views in one report section, day by day (index 0 is the 1st)."""
        days = [0] * self.days
        for r in self.rows:
            if r.kind == "view" and report_section(r) == section:
                days[int(r.day[8:10]) - 1] += r.n
        return days

    def summary(self) -> list[tuple[str, str]]:
        views, searches, none = self.total("view"), self.total("search", "search-none"), self.total("search-none")
        return [
            ("Page views", f"{views} (Lao {self.total('view', lang='lo')}, English {self.total('view', lang='en')})"),
            ("Searches", f"{searches} (found something {searches - none}, found nothing {none})"),
            ("Downloads (posters, handouts as PDF)", str(self.total("download"))),
            ("Pages printed", str(self.total("print"))),
            ("Quiz answers", f"{self.total('quiz-right', 'quiz-wrong')} (right {self.total('quiz-right')}, "
                             f"wrong {self.total('quiz-wrong')})"),
        ]


# --- text ------------------------------------------------------------------------------------
def _table(title: str, head: tuple[str, ...], rows: list[tuple], width: int = 34) -> list[str]:
    if not rows:
        return [f"{title}: none", ""]
    out = [f"{title:<{width}}" + "".join(f"{h:>8}" for h in head)]
    for name, *cells in rows:
        out.append(f"  {name:<{width - 2}}" + "".join(f"{c:>8}" for c in cells))
    return out + [""]


def month_text(report: MonthReport, top: int = 15) -> str:
    lines = [f"WIC usage counts, {report.title} ({report.month}-01 to {report.month}-{report.days:02d})"]
    if report.source:
        lines.append(f"from {report.source}")
    lines.append("")
    lines += [f"{k}: {v}" for k, v in report.summary()] + [""]
    lc = ("lo", "en", "total")
    lines += _table("Page views per section", lc,
                    [(name, *(shown(c[x], s) for x in lc)) for name, c, s in report.sections()])
    lines += _table(f"Pages most read (top {top})", lc,
                    [(name, *(shown(c[x], s) for x in lc)) for name, c, s in report.pages()[:top]])
    lines += _table("Searches that found nothing", ("count",), report.empty_searches())
    lines += _table("Downloads", lc, [(name, *(shown(c[x], s) for x in lc)) for name, c, s in report.downloads()])
    quiz = report.quiz()
    if quiz:
        lines += _table("Quiz answers", ("right", "wrong"), [(f"{p} {k}", r, w) for p, k, r, w in quiz])
    lines.append(f'Counts from 1 to {SMALL - 1} on pages about violence and harassment show as "<{SMALL}".')
    return "\n".join(lines)


# --- CSV -------------------------------------------------------------------------------------
def csv_text(report: MonthReport) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_HEADER)
    for l in report.lines:
        w.writerow((report.month, l.section, l.page, l.kind, l.lang, l.key, l.shown))
    return buf.getvalue()


def write_csv(report: MonthReport, path: Path) -> None:
    # utf-8-sig: spreadsheet programs then show Lao text correctly.
    Path(path).write_text(csv_text(report), encoding="utf-8-sig")


# --- HTML ------------------------------------------------------------------------------------
BAR_W, CHART_H, LABEL_W = 14, 90, 190


def _day_chart(values: list[int], sensitive: bool) -> dict:
    top = max([SMALL if sensitive else 1, *values])
    bars = []
    for i, n in enumerate(values):
        hidden = sensitive and 0 < n < SMALL
        h = round(CHART_H * (SMALL if hidden else n) / top)
        bars.append({"x": i * BAR_W + 2, "y": CHART_H - h + 14, "w": BAR_W - 3, "h": h, "day": i + 1,
                     "label": shown(n, sensitive), "hidden": hidden})
    return {"width": len(values) * BAR_W + 4, "height": CHART_H + 30, "bars": bars, "top": shown(top, sensitive)}


def _section_chart(sections) -> dict:
    top = max([1, *(c["total"] for _, c, _ in sections)])
    rows = []
    for i, (name, c, s) in enumerate(sections):
        hidden = s and 0 < c["total"] < SMALL
        rows.append({"y": i * 24, "name": name, "w": max(2, round(360 * (SMALL if hidden else c["total"]) / top)),
                     "label": shown(c["total"], s), "hidden": hidden})
    return {"width": LABEL_W + 420, "height": max(24, len(rows) * 24), "rows": rows, "label_w": LABEL_W}


def html_text(report: MonthReport) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent)), autoescape=select_autoescape(["html"]))
    sections = report.sections()
    return env.get_template("report.html").render(
        r=report, shown=shown, small=SMALL, is_lao=lambda text: any("\u0e80" <= ch <= "\u0eff" for ch in text), generated=dt.date.today().isoformat(),
        section_chart=_section_chart(sections),
        day_charts=[(name, c, s, _day_chart(report.daily(name), s)) for name, c, s in sections],
    )


def write_html(report: MonthReport, path: Path) -> None:
    Path(path).write_text(html_text(report), encoding="utf-8")
