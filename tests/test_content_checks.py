"""`wic check` on real and deliberately broken content: every problem names file, line and fix."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from wic.pipeline.check import run_check
from wic.content import load_content
from wic.settings import load_settings
from wic.text.formatting import format_value
from wic.pages.lao import THAI


@pytest.fixture(scope="module")
def report(project):
    return run_check(load_settings(project))


def test_project_content_passes_the_check(report):
    assert not report.errors, "\n".join(map(str, report.errors))


def test_at_least_40_pages_per_language(project):
    for lang in ("lo", "en"):
        assert len(list((project / "docs" / lang).rglob("*.md"))) >= 40


def test_lao_pages_have_no_thai_and_are_mostly_lao(project, report):
    for path in (project / "docs" / "lo").rglob("*.md"):
        assert not THAI.search(path.read_text(encoding="utf-8")), path
    assert report.lao_shares and min(report.lao_shares.values()) >= 0.8


def test_figures_render_in_each_language(project):
    content = load_content(project / "content-src")
    fact = content.facts["min_wage_monthly"]
    assert format_value(fact.value, fact.unit, "lo") == "2.500.000 ກີບ"
    assert format_value(fact.value, fact.unit, "en") == "2,500,000 kip"
    assert format_value(dt.date(2024, 10, 1), "date", "lo") == "1 ຕຸລາ 2024"
    assert format_value(105, "days", "en") == "105 days"


def test_unverified_facts_name_whom_to_ask(project):
    content = load_content(project / "content-src")
    unverified = [f for f in content.facts.values() if not f.verified]
    assert unverified
    assert all(f.ask in content.contacts for f in unverified)


def _project_copy(project: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "p"
    for name in ("docs", "content-src", "overrides"):
        shutil.copytree(project / name, dest / name)
    shutil.copy(project / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def _problems(root: Path) -> list[str]:
    return [str(p) for p in run_check(load_settings(root)).problems]


def test_broken_facts_are_reported_with_file_line_and_fix(project, tmp_path):
    root = _project_copy(project, tmp_path)
    (root / "content-src" / "facts" / "zz.yml").write_text(
        "fee_a:\n"
        "  value: abc\n"
        "  unit: kip\n"
        "  label: {lo: ຄ່າ, en: Fee}\n"
        "  legal_source: x\n"
        "  public_source: y\n"
        "  checked: 2026-11-22\n"
        "  confidence: official\n"
        "fee_b:\n"
        "  value: 5\n"
        "  unit: kip\n"
        "  label: {lo: ຄ່າ, en: Fee}\n"
        "  legal_source: x\n"
        "  public_source: y\n"
        "  checked: 2020-01-01\n"
        "  confidence: secondary\n"
        "fee_c:\n"
        "  value: 5\n"
        "  unit: kip\n"
        "  label: {lo: ຄ່າ, en: Fee}\n"
        "  legal_source: x\n"
        "  public_source: y\n"
        "  checked: 2026-11-22\n"
        "  confidence: unverified\n", encoding="utf-8")
    problems = "\n".join(_problems(root))
    assert "content-src/facts/zz.yml:2: fact 'fee_a' needs a number as its value" in problems
    assert "content-src/facts/zz.yml:17: unverified fact 'fee_c' does not say whom to ask" in problems
    assert "content-src/facts/zz.yml:9: warning: fact 'fee_b' was last checked on 2020-01-01" in problems


def test_figure_typed_into_prose_and_thai_letters_are_errors(project, tmp_path):
    root = _project_copy(project, tmp_path)
    page = root / "docs" / "lo" / "about.md"
    text = page.read_text(encoding="utf-8").replace("## ສິ່ງທີ່ຄວນເຮັດ",
                                                    "ຄ່າທຳນຽມແມ່ນ 5.000 ກີບ.\n\nໂທ 1508 ສວັສດີ.\n\nສวัสดี\n\n## ສິ່ງທີ່ຄວນເຮັດ")
    page.write_text(text, encoding="utf-8")
    problems = "\n".join(_problems(root))
    assert "docs/lo/about.md" in problems
    assert "a money amount is typed into the text ('5.000 ກີບ')" in problems
    assert "a phone number is typed into the text" in problems
    assert "Thai character U+0E27 in Lao text" in problems


def test_missing_twin_and_broken_link_are_errors(project, tmp_path):
    root = _project_copy(project, tmp_path)
    (root / "docs" / "en" / "about.md").unlink()
    page = root / "docs" / "lo" / "help.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[ເບິ່ງ](no-such-page.md)\n", encoding="utf-8")
    problems = "\n".join(_problems(root))
    assert "docs/lo/about.md:1: this page has no en twin" in problems
    assert "link to 'no-such-page.md' does not lead to a page" in problems


def test_glossary_variant_spelling_is_an_error_one_term_per_concept(project, tmp_path):
    root = _project_copy(project, tmp_path)
    page = root / "docs" / "lo" / "about.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## ສິ່ງທີ່ຄວນເຮັດ",
                    "ຄ່າແຮງງານຂັ້ນຕໍ່າສຸດ ແມ່ນສຳຄັນ.\n\n## ສິ່ງທີ່ຄວນເຮັດ"), encoding="utf-8")
    problems = "\n".join(_problems(root))
    assert re.search(r"docs/lo/about\.md:\d+: 'ຄ່າແຮງງານຂັ້ນຕໍ່າສຸດ' is a variant spelling of 'ຄ່າແຮງງານຂັ້ນຕ່ຳ'", problems)
    assert run_check(load_settings(root)).errors
