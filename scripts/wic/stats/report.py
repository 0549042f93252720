"""A month of counts as the centres report it: a text table, a CSV file, an HTML page with
SVG charts (no scripts, no network). Small counts on sensitive topics show as "<5" (privacy.py)."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import unicodedata
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

    def figure(self, *kinds: str, lang: str | None = None) -> str:
        """A total as printed. When its sensitive part is small, that part is shown apart as "<5":
        otherwise the total minus the other (exact) figures would give it away."""
        chosen = [l for l in self.lines if l.kind in kinds and (lang is None or l.lang == lang)]
        part = sum(l.n for l in chosen if l.sensitive)
        rest = sum(l.n for l in chosen if not l.sensitive)
        return f"{rest} + <{SMALL}" if 0 < part < SMALL else str(rest + part)

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
        # A hidden count sorts as "<5" would: its place in the list must not tell more.
        return sorted(((name, c, sens[name]) for name, c in acc.items()),
                      key=lambda x: (-_rank(x[1]["total"], x[2]), x[0]))

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

    def quiz(self) -> list[tuple[str, str, str, str]]:
        """(page, question, right, wrong) as printed."""
        acc: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        for l in self.lines:
            if l.kind in ("quiz-right", "quiz-wrong"):
                acc[(l.page, l.key)][l.kind == "quiz-wrong"] += l.n
        return [(page, key, shown(rw[0], is_sensitive(page)), shown(rw[1], is_sensitive(page)))
                for (page, key), rw in sorted(acc.items())]

    def daily(self, section: str) -> list[int]:
        """Page views in one report section, day by day (index 0 is the 1st)."""
        days = [0] * self.days
        for r in self.rows:
            if r.kind == "view" and report_section(r) == section:
                days[int(r.day[8:10]) - 1] += r.n
        return days

    def summary(self) -> list[tuple[str, str]]:
        f = self.figure
        return [
            ("Page views", f"{f('view')} (Lao {f('view', lang='lo')}, English {f('view', lang='en')})"),
            ("Searches", f"{f('search', 'search-none')} (found something {f('search')}, found nothing {f('search-none')})"),
            ("Downloads (posters, handouts as PDF)", f("download")),
            ("Pages printed", f("print")),
            ("Quiz answers", f"{f('quiz-right', 'quiz-wrong')} (right {f('quiz-right')}, wrong {f('quiz-wrong')})"),
        ]


def _rank(n: int, sensitive: bool) -> float:
    return SMALL - 0.5 if sensitive and 0 < n < SMALL else n


# --- text ------------------------------------------------------------------------------------
def _pad(text: str, width: int) -> str:
    # Lao vowel and tone marks take no room of their own on screen.
    return text + " " * max(0, width - sum(1 for ch in text if unicodedata.category(ch) not in ("Mn", "Cf")))


def _table(title: str, head: tuple[str, ...], rows: list[tuple], width: int = 34) -> list[str]:
    if not rows:
        return [f"{title}: none", ""]
    out = [_pad(title, width) + "".join(f"{h:>8}" for h in head)]
    for name, *cells in rows:
        out.append("  " + _pad(name, width - 2) + "".join(f"{c:>8}" for c in cells))
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
    empty = report.empty_searches()
    lines += _table("Searches that found nothing", ("count",), empty[:top * 3])
    if len(empty) > top * 3:
        lines[-1:] = [f"  … and {len(empty) - top * 3} more (all of them are in the CSV file)", ""]
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


def _day_chart(values: list[int], sensitive: bool) -> dict | None:
    # Even "<5" on a given day tells staff who sat at the kiosk that day what they read:
    # sensitive sections are reported for the whole month only.
    if sensitive:
        return None
    top = max([1, *values])
    bars = []
    for i, n in enumerate(values):
        h = round(CHART_H * n / top)
        bars.append({"x": i * BAR_W + 2, "y": CHART_H - h + 14, "w": BAR_W - 3, "h": h, "day": i + 1, "label": str(n)})
    return {"width": len(values) * BAR_W + 4, "height": CHART_H + 30, "bars": bars, "top": top}


def _section_chart(sections) -> dict:
    top = max([1, *(_rank(c["total"], s) for _, c, s in sections)])
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
