"""Trainer kit on paper and on a USB stick: every module's handout, checklist and self-check sheet
is a PDF with the planned number of A4 pages and its text in the right language; a module that
cannot fit names itself; `wic kit` writes a folder whose START-HERE.html opens from file:// and
links only to files that exist."""

from __future__ import annotations

import copy
import dataclasses
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from wic.cli import main as wic_main
from wic.content import load_content
from wic.errors import BuildError
from wic.pipeline.build import build_site
from wic.print.cache import PrintCache
from wic.print.engine import LazyPrinter
from wic.settings import load_settings
from wic.training.files import HANDOUTS_DIR, KINDS, PAGES, pdf_name
from wic.training.handouts import handout_shell, print_module
from wic.training.kit import START, write_kit

PROJECT = Path(__file__).resolve().parents[1]
THAI = re.compile(r"[\u0E00-\u0E7F]")
A4 = (595.3, 841.9)


def run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def squash(text: str) -> str:
    # pdftotext may put a space inside a Lao cluster and Lao lines break without spaces: compare
    # the characters only (see test_posters.squash).
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory, browser):
    """A site built with its handouts (not the posters), as `wic build` prints them: from an empty
    print cache, as on a fresh clone, and while the test session's browser is open (the build
    borrows it: Playwright's sync API cannot start twice in one thread)."""
    settings = load_settings(PROJECT, site_dir=tmp_path_factory.mktemp("printed") / "site", profile="site")
    settings = dataclasses.replace(settings, cache_root=tmp_path_factory.mktemp("print-cache"))
    build_site(settings, posters=False, handouts=True)
    return settings


@pytest.fixture(scope="module")
def content():
    return load_content(PROJECT / "content-src", PROJECT / "docs")


def test_every_printed_file_has_its_planned_a4_pages_and_its_language(printed, content):
    folder = printed.site_dir / HANDOUTS_DIR
    modules = content.extras["training"].modules
    assert len(modules) >= 8
    for m in modules:
        for kind in KINDS:
            for lang in ("lo", "en"):
                pdf = folder / pdf_name(m.key, kind, lang)
                info = run("pdfinfo", str(pdf))
                pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
                w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
                assert pages == PAGES[kind], (pdf.name, pages)
                assert abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1, (pdf.name, w, h)
                text = squash(run("pdftotext", "-raw", str(pdf), "-"))
                assert squash(m.title[lang]) in text, pdf.name
                first_question = squash(re.split(r"\{\{", m.quiz[0].question[lang])[0])
                if kind == "checklist":
                    assert squash(m.checklist[0].question[lang][:20]) in text, pdf.name
                    assert squash(m.checklist[-1].how[lang][:20]) in text, pdf.name
                else:
                    assert first_question[:20] in text, pdf.name
                if lang == "lo":
                    assert not THAI.search(text) and len(re.findall(r"[\u0E80-\u0EFF]", text)) > 200, pdf.name


def test_the_handout_answer_page_marks_every_right_answer(printed, content):
    m = content.extras["training"].module("lifting-carrying")
    text = run("pdftotext", "-raw", "-f", "2", "-l", "2", str(printed.site_dir / HANDOUTS_DIR / pdf_name(m.key, "handout", "en")), "-")
    assert text.count("✓") == len(m.quiz)
    for q in m.quiz:
        assert squash(q.options[q.answer].en) in squash(text)


def test_the_self_check_sheet_counts_people_and_asks_for_no_names(printed, content):
    m = content.extras["training"].module("heat-sun")
    text = run("pdftotext", "-raw", str(printed.site_dir / HANDOUTS_DIR / pdf_name(m.key, "self-check", "en")), "-")
    flat = " ".join(text.split())
    assert "No names" in flat and "People present" in flat and "Before the workshop" in flat and "At follow-up" in flat
    assert not re.search(r"\bName\s*:", text)


def test_a_module_too_long_for_its_pages_fails_with_its_file(printed, content, browser, tmp_path):
    m = copy.deepcopy(content.extras["training"].module("machines"))
    for msg in m.messages:
        msg.en = (msg.en + " ") * 12
        msg.lo = (msg.lo + " ") * 12
    printer = LazyPrinter(handout_shell(printed), browser)
    try:
        with pytest.raises(BuildError) as exc:
            print_module(printer, m, content, tmp_path, PrintCache(None, ""))
    finally:
        printer.close()
    assert str(exc.value).startswith("content-src/training/machines.yml: the handout") and "shorten" in str(exc.value)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def test_wic_kit_writes_a_folder_that_opens_from_a_usb_stick(printed, content, tmp_path, browser):
    kit = write_kit(printed, tmp_path / "stick" / "WIC-trainer-kit", content)
    folder = kit.folder
    assert sorted(p.name for p in folder.iterdir()) == [START, "site"]
    assert not [p for p in folder.rglob("*") if p.is_symlink()]          # FAT sticks have no links
    parser = _Links()
    parser.feed(kit.start.read_text(encoding="utf-8"))
    assert len(parser.hrefs) >= 8 * 5 * 2
    for href in parser.hrefs:
        assert not re.match(r"[a-z]+:", href), href                      # relative only: works from file://
        assert (folder / unquote(href.split("#")[0])).is_file(), href
    for m in content.extras["training"].modules:
        for kind in KINDS:
            assert f"site/{HANDOUTS_DIR}/{pdf_name(m.key, kind, 'lo')}" in parser.hrefs

    page = browser.new_context().new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(kit.start.as_uri())
    assert page.locator("#kit-lo h2").inner_text() == "ຊຸດເອກະສານຄູຝຶກ"
    assert page.locator("#kit-en h2").inner_text() == "Trainer kit"
    page.locator("#kit-lo td a").first.click()
    page.wait_for_url("**/site/training/pesticides.html")
    assert page.locator(".wic-quiz__q").count() == len(content.extras["training"].module("pesticides").quiz)
    page.go_back()
    page.locator("#kit-en a", has_text="Slides").first.click()
    page.wait_for_url("**/site/en/training/pesticides.html#workshop")
    assert page.locator(".wic-slides").is_visible()
    assert errors == []
    page.context.close()

    # Writing the kit again replaces it; a folder that holds something else is refused.
    again = write_kit(printed, folder, content)
    assert again.start.is_file()
    other = tmp_path / "photos"
    other.mkdir()
    (other / "holiday.jpg").write_bytes(b"x")
    with pytest.raises(Exception, match="not empty"):
        write_kit(printed, other, content)


def test_wic_kit_is_a_command(capsys):
    with pytest.raises(SystemExit) as exc:
        wic_main(["kit", "--help"])
    assert exc.value.code == 0
    assert "USB stick" in capsys.readouterr().out


def test_handouts_say_when_their_figures_were_checked_and_mark_unconfirmed_numbers(printed, content):
    from wic.text.formatting import format_date
    m = content.extras["training"].module("harassment-gender")
    text = " ".join(run("pdftotext", "-raw", "-f", "1", "-l", "1",
                        str(printed.site_dir / HANDOUTS_DIR / pdf_name(m.key, "handout", "en")), "-").split())
    checked = content.facts["women_equal_pay_legal_basis"].checked
    assert f"Figures checked on {format_date(checked, 'en')}" in text
    assert content.contacts["lwu_hotline"].status == "unverified" and "⚠ not confirmed yet" in text
