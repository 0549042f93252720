"""`wic stats [--month YYYY-MM] [--csv FILE] [--html FILE] [--db FILE]`: a month's usage counts."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path


def _month(text: str) -> str:
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a month: write it as YYYY-MM, e.g. 2026-11")
    return text


def run(args) -> int:
    from ..stats.report import MonthReport, csv_text, month_text, write_csv, write_html
    from ..stats.store import Store, default_db

    db = args.db or default_db(args.project)
    if not db.is_file():
        print(f"wic: no usage counts at {db} yet. 'wic serve' keeps them while visitors use the site "
              "(unless started with --no-stats); pass --db FILE for a copy from another computer.", file=sys.stderr)
        return 1
    store = Store(db)
    month = args.month or dt.date.today().strftime("%Y-%m")
    report = MonthReport.load(store, month)
    if not report.rows:
        have = ", ".join(store.months()) or "none"
        print(f"wic: no counts for {month} in {db} (months with counts: {have}). Pick one with --month YYYY-MM.",
              file=sys.stderr)
    if args.csv == "-":
        sys.stdout.write(csv_text(report))
        return 0
    print(month_text(report))
    if args.csv:
        write_csv(report, Path(args.csv))
        print(f"\nWrote {args.csv} (CSV, UTF-8).")
    if args.html:
        write_html(report, args.html)
        print(f"Wrote {args.html} (open it in a browser; it needs no network).")
    return 0


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("stats", help="print a month's anonymous usage counts; export them as CSV or HTML")
    p.add_argument("--month", type=_month, default=None, help="YYYY-MM (default: this month)")
    p.add_argument("--csv", metavar="FILE", default=None, help="also write the month as CSV ('-': CSV to the screen only)")
    p.add_argument("--html", metavar="FILE", type=Path, default=None, help="also write an HTML page with a chart per section")
    p.add_argument("--db", metavar="FILE", type=Path, default=None,
                   help="the counts file (default: .wic-stats/stats.sqlite3 in the project)")
    p.set_defaults(run=run)
