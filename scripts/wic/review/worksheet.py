"""`wic review`: the worksheet a centre fills in, as a CSV (for a spreadsheet) and a PDF (for paper)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from ..print.engine import font_faces, print_document
from ..render.templates import add_folder, render
from ..words import section
from .items import ReviewItem

add_folder(Path(__file__).resolve().parent / "templates")

# The columns of the CSV; the last five (answer ... remarks) are filled in by the reviewer.
COLUMNS = ("kind", "key", "file", "line", "what_lo", "what_en", "current", "ask",
           "answer", "new_value", "reviewer_role", "date", "remarks")


def worksheet_csv(items: list[ReviewItem]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for item in items:
        writer.writerow([item.kind, item.key, item.path, item.line, item.what["lo"], item.what["en"],
                         item.current["lo"], item.ask["en"], "", "", "", "", ""])
    return out.getvalue()


def worksheet_html(items: list[ReviewItem], fonts_dir: Path, today: dt.date) -> str:
    return render("worksheet.html", items=items, fonts=font_faces(fonts_dir), made_on=today.isoformat(),
                  w={lang: section("review", lang) for lang in ("lo", "en")})


def write_worksheet(items: list[ReviewItem], out_dir: Path, fonts_dir: Path, today: dt.date | None = None,
                    chromium: str = "", browser=None) -> tuple[Path, Path]:
    """review.csv and review.pdf in out_dir. The CSV has a byte-order mark so spreadsheet programs
    read the Lao text as UTF-8."""
    today = today or dt.date.today()
    out_dir.mkdir(parents=True, exist_ok=True)
    csv_path, pdf_path = out_dir / "review.csv", out_dir / "review.pdf"
    csv_path.write_text(worksheet_csv(items), encoding="utf-8-sig")
    print_document(worksheet_html(items, fonts_dir, today), pdf_path, chromium=chromium, browser=browser)
    return csv_path, pdf_path
