"""wic review: the worksheet of everything still to confirm, and --apply for the answers."""

from __future__ import annotations

from pathlib import Path

from ..content import load_content
from ..errors import ContentError
from ..review.apply import apply_answers
from ..review.items import review_items
from ..review.worksheet import write_worksheet
from ..settings import load_settings


def add_parser(sub) -> None:
    p = sub.add_parser("review", help="write the review worksheet (PDF + CSV) for the centres; --apply their answers")
    p.add_argument("--out", type=Path, default=None, help="folder for review.pdf and review.csv (default: review/)")
    p.add_argument("--apply", type=Path, default=None, metavar="FILE.csv",
                   help="bring the filled-in CSV's answers into content-src")
    p.set_defaults(run=run)


def run(args) -> int:
    import wic.features  # noqa: F401 - the content loaders of every feature

    settings = load_settings(args.project)
    content = load_content(settings.content_dir, settings.docs_dir)
    if content.errors:
        raise ContentError(content.errors)
    if args.apply:
        result = apply_answers(content, args.apply, settings.rel(args.apply))
        for change in result.changes:
            print(f"  {change.summary}")
        print(f"{len(result.changes)} answer(s) applied, {result.skipped} row(s) without an answer left as they were. "
              "Run 'wic build': the pages show each confirmation in their sources.")
        return 0
    items = review_items(content)
    out = args.out or settings.project / "review"
    fonts = (settings.theme_dir or settings.project / "overrides") / "assets" / "wic" / "fonts"
    csv_path, pdf_path = write_worksheet(items, out, fonts, chromium=settings.chromium)
    kinds = {k: sum(1 for i in items if i.kind == k) for k in ("fact", "contact", "term")}
    print(f"{len(items)} items to confirm ({kinds['fact']} figures, {kinds['contact']} phone numbers, "
          f"{kinds['term']} glossary terms):\n  {pdf_path} (print it)\n  {csv_path} (fill it in, then "
          f"'wic review --apply {csv_path.name}')")
    return 0
