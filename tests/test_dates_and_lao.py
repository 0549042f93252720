"""Honest dates (a figure from an old source says its year; posters give their oldest source) and
Lao pages read in Lao (the build measures the Latin letters a reader sees)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import wic.features  # noqa: F401
from wic.content import load_content
from wic.errors import ContentError
from wic.pipeline.build import build_site
from wic.pipeline.check import run_check
from wic.pipeline.latin_share import LIMIT, latin_share, latin_share_problems
from wic.posters import poster_page
from wic.settings import load_settings

PROJECT = Path(__file__).resolve().parents[1]


def _copy(tmp_path: Path) -> Path:
    dest = tmp_path / "proj"
    for name in ("docs", "content-src", "overrides"):
        shutil.copytree(PROJECT / name, dest / name)
    shutil.copy(PROJECT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def test_a_figure_from_an_old_source_carries_its_year_on_the_page(built_site):
    content = load_content(PROJECT / "content-src")
    fact = content.facts["nhi_copay_health_centre"]
    assert fact.old_source, "the 2019 co-payment is the example of an old figure"
    year = fact.source_date.year
    en = (built_site / "en" / "social-security" / "health-insurance.html").read_text(encoding="utf-8")
    lo = (built_site / "social-security" / "health-insurance.html").read_text(encoding="utf-8")
    span = re.search(rf'data-fact="{fact.key}">[^<]*<span class="wic-fact__year">\(([^)]*)\)</span>', en)
    assert span and span.group(1) == f"{year} figure"
    assert f"ຕົວເລກປີ {year}" in lo
    # A figure checked against a recent source shows no year.
    wage = content.facts["min_wage_monthly"]
    assert not wage.old_source
    page = (built_site / "en" / "work-rights" / "wages.html").read_text(encoding="utf-8")
    assert not re.search(r'data-fact="min_wage_monthly">[^<]*<span class="wic-fact__year">', page)


def test_posters_give_the_year_of_their_oldest_source(project):
    settings = load_settings(project)
    content = load_content(settings.content_dir, settings.docs_dir)
    poster = next(p for p in content.extras["posters"] if p.key == "health-insurance")
    oldest = min(content.facts[k].source_date for k in ("nhi_copay_health_centre", "nhi_copay_district_hospital"))
    page = poster_page(poster, "en", content, settings.base_url)
    assert f"Figures from sources of <strong>{oldest.year}</strong>" in page.body
    assert f"{oldest.year} figure" in page.body


def test_an_old_source_without_a_date_is_warned_about(tmp_path):
    root = _copy(tmp_path)
    path = root / "content-src" / "facts" / "zz-old.yml"
    path.write_text("old_price:\n  value: 5000\n  unit: kip\n  label: {lo: ລາຄາ, en: Price}\n"
                    "  legal_source: none found\n  public_source: Market survey, March 2019\n"
                    "  checked: 2026-11-22\n  confidence: secondary\n", encoding="utf-8")
    report = run_check(load_settings(root))
    warnings = [str(p) for p in report.warnings]
    assert any(re.search(r"zz-old\.yml:1: warning: fact 'old_price' comes from a source of 2019 but has no "
                         r"'source_date'", w) for w in warnings), warnings
    assert not report.errors


def test_every_built_lao_page_is_read_in_lao(built_site):
    problems, shares = latin_share_problems(built_site, PROJECT / "docs", str)
    assert shares and max(shares.values()) <= LIMIT, sorted(shares.items(), key=lambda kv: kv[1])[-3:]
    assert problems == []


def test_source_names_and_codes_do_not_count_but_english_prose_does():
    page = ('<article><p>ຄ່າແຮງງານຂັ້ນຕ່ຳ ຕໍ່ເດືອນ</p><cite class="wic-cite">MoLSW Notice 3534/LSW</cite>'
            '<span class="wic-code">A4</span></article>')
    assert latin_share(page) == 0
    assert latin_share(page.replace("</article>", "<p>This paragraph was left in English.</p></article>")) > LIMIT


def test_a_lao_page_left_in_english_stops_the_build(tmp_path):
    root = _copy(tmp_path)
    page = root / "docs" / "lo" / "about.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nThis whole paragraph was pasted in English and never translated into Lao, "
                    "so a farmer at the kiosk could not read it. " * 4 + "\n", encoding="utf-8")
    # Under the source check's own limit (it reads the Markdown): only the built page shows it.
    assert not run_check(load_settings(root)).errors
    site = tmp_path / "site"
    with pytest.raises(ContentError, match=r"docs/lo/about\.md:1: \d+% of the text a reader sees on the built Lao page"):
        build_site(load_settings(root, site_dir=site), posters=False, zim=False)
    assert not site.exists()
