"""The review loop: a worksheet of what is unconfirmed goes out; answers come back into content-src."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import wic.features  # noqa: F401 - every content loader
from wic.content import load_content
from wic.errors import ContentError
from wic.review.apply import apply_answers
from wic.review.items import review_items
from wic.review.worksheet import COLUMNS, worksheet_csv

PROJECT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 12, 1)


@pytest.fixture()
def copy(tmp_path) -> Path:
    dest = tmp_path / "proj"
    for name in ("docs", "content-src", "overrides"):
        shutil.copytree(PROJECT / name, dest / name)
    shutil.copy(PROJECT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def _content(root: Path):
    return load_content(root / "content-src", root / "docs", TODAY)


def _sheet(root: Path, answers: dict[tuple[str, str], dict]) -> Path:
    """The worksheet as `wic review` writes it, with some rows answered as a reviewer would."""
    rows = list(csv.DictReader(worksheet_csv(review_items(_content(root))).splitlines()))
    for row in rows:
        row.update(answers.get((row["kind"], row["key"]), {}))
    path = root / "answers.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.as_posix().encode() + p.read_bytes())
    return h.hexdigest()


def test_the_worksheet_lists_everything_still_to_confirm(tmp_path):
    content = _content(PROJECT)
    items = review_items(content)
    keys = {(i.kind, i.key) for i in items}
    assert {("fact", f.key) for f in content.facts.values() if not f.verified} <= keys
    assert {("contact", c.key) for c in content.contacts.values() if c.status == "unverified"} <= keys
    assert {("term", t.key) for t in content.terms.values() if t.status == "guess"} <= keys
    run = subprocess.run([sys.executable, "-m", "wic.cli", "--project", str(PROJECT), "review", "--out", str(tmp_path)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    sheet = list(csv.reader((tmp_path / "review.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert sheet[0] == list(COLUMNS) and len(sheet) == len(items) + 1
    text = subprocess.run(["pdftotext", "-raw", str(tmp_path / "review.pdf"), "-"], capture_output=True,
                          text=True).stdout
    assert "ແບບຟອມກວດສອບຂໍ້ມູນ" in text and "Review worksheet" in text
    assert "min_wage_monthly" in text.replace("\n", "") or "ຄ່າແຮງງານຂັ້ນຕ່ຳ" in text


def test_answers_come_back_into_content_src_and_show_on_the_pages(copy):
    content = _content(copy)
    fact = next(f for f in content.facts.values() if not f.verified and f.unit == "kip" and f.formula is None)
    contact = next(c for c in content.contacts.values() if c.status == "unverified" and c.phone)
    term = next(t for t in content.terms.values() if t.status == "guess")
    sheet = _sheet(copy, {
        ("fact", fact.key): {"answer": "changed", "new_value": "2.600.000", "reviewer_role": "district labour office, Paksong",
                             "date": "2026-11-30"},
        ("contact", contact.key): {"answer": "confirmed", "reviewer_role": "centre staff", "date": "2026-11-29"},
        ("term", term.key): {"answer": "changed", "new_value": "ຄຳທົດລອງ", "reviewer_role": "Lao teacher at the centre",
                             "date": "2026-11-29"},
    })
    result = apply_answers(content, sheet, "answers.csv", TODAY)
    assert len(result.changes) == 3
    after = _content(copy)
    assert not after.errors, after.errors
    changed = after.facts[fact.key]
    assert changed.value == 2600000 and changed.confidence == "secondary"
    assert changed.confirmed_by == "district labour office, Paksong, 2026-11-30"
    assert changed.source_date == dt.date(2026, 11, 30) and changed.checked == dt.date(2026, 11, 30)
    assert fact.public_source in changed.public_source
    assert after.contacts[contact.key].status == "verified"
    assert after.terms[term.key].lo == "ຄຳທົດລອງ" and term.lo in after.terms[term.key].variants
    assert after.terms[term.key].status == "seen"
    # The new spelling is used on every Lao page now (one term per concept).
    pages = [p.read_text(encoding="utf-8") for p in (copy / "docs" / "lo").rglob("*.md")]
    assert not any(term.lo in text for text in pages)
    # The next build shows who confirmed it.
    from wic.render.page import sources_section

    html = sources_section([changed], [], None, "en", False)
    assert "confirmed by district labour office, Paksong, 2026-11-30" in html


@pytest.mark.parametrize("answer, line_word", [
    ({"answer": "yes", "reviewer_role": "office", "date": "2026-11-29"}, "is not one of"),
    ({"answer": "confirmed", "reviewer_role": "", "date": "2026-11-29"}, "no reviewer role"),
    ({"answer": "confirmed", "reviewer_role": "office", "date": "29/11/2026"}, "is not a date"),
    ({"answer": "confirmed", "reviewer_role": "office", "date": "2027-01-05"}, "in the future"),
    ({"answer": "changed", "new_value": "two million", "reviewer_role": "office", "date": "2026-11-29"}, "is not a number"),
    ({"answer": "changed", "new_value": "", "reviewer_role": "office", "date": "2026-11-29"}, "without a new value"),
    ({"answer": "confirmed", "reviewer_role": "Mr X 020 5555 1234", "date": "2026-11-29"}, "phone number"),
])
def test_a_malformed_row_is_refused_with_its_line_and_nothing_is_written(copy, answer, line_word):
    content = _content(copy)
    fact = next(f for f in content.facts.values() if not f.verified and f.unit == "kip" and f.formula is None)
    sheet = _sheet(copy, {("fact", fact.key): answer})
    line = next(n for n, row in enumerate(sheet.read_text(encoding="utf-8-sig").splitlines(), start=1)
                if row.startswith(f"fact,{fact.key},"))
    before = _digest(copy / "content-src")
    with pytest.raises(ContentError) as err:
        apply_answers(content, sheet, "answers.csv", TODAY)
    message = str(err.value)
    assert f"answers.csv:{line}: " in message and line_word in message, message
    assert _digest(copy / "content-src") == before


def test_a_sheet_without_its_header_is_refused(copy):
    bad = copy / "bad.csv"
    bad.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"bad.csv:1: the first row is not the worksheet's header"):
        apply_answers(_content(copy), bad, "bad.csv", TODAY)
