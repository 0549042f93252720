"""Posters and printing: every poster PDF is one page, embeds its fonts, carries its title and the
same figures as content-src; a poster that cannot fit fails with its name; printing a page leaves
the site's navigation out."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from wic.content import load_content
from wic.text.formatting import format_date, format_value
from wic.render.engine import PLACEHOLDER
from wic.errors import PosterError
from wic.posters import LAYOUTS, load_posters, poster_page, render_posters
from wic.print.engine import SIZES
from wic.posters.layout import qr_svg
from wic.posters.files import pdf_name, thumb_name
from wic.settings import load_settings

REQUIRED_TOPICS = {  # the list: topic -> poster file
    "minimum wage and working hours": "minimum-wage",
    "join social security (voluntary scheme)": "voluntary-social-security",
    "health insurance co-payments": "health-insurance",
    "pesticide safety": "pesticide-safety",
    "protective equipment": "protective-equipment",
    "lifting and carrying": "lifting-carrying",
    "machine safety in processing": "machine-safety",
    "unexploded ordnance": "uxo",
    "snake bite first aid": "snake-bite",
    "sexual harassment - what to do": "sexual-harassment",
    "help numbers": "help-numbers",
    "safe migration": "safe-migration",
}
PAGE_POINTS = {"a4": (595.3, 841.9), "a3": (841.9, 1190.6)}


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def pdf_text(path: Path) -> str:
    # -raw: text in the order it was drawn; the default reading-order mode can move a bold Lao
    # cluster to the next line when a mark from a fallback font stands beside it.
    return _run("pdftotext", "-raw", str(path), "-")


def squash(text: str) -> str:
    """No whitespace at all. pdftotext adds a space after a Lao cluster whose marks sit left of the
    cluster's end (its word-break guess from glyph positions; every Lao font with GPOS marks does
    it somewhere), and Lao itself breaks lines without spaces; the characters themselves, every
    vowel and tone mark in order, must still be exactly those of the source."""
    return re.sub(r"\s+", "", text)


def collapse(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="session")
def settings(project):
    return load_settings(project)


@pytest.fixture(scope="session")
def content(project):
    return load_content(project / "content-src")


@pytest.fixture(scope="session")
def posters(project, content):
    found, problems = load_posters(project / "content-src" / "posters", content, project / "docs")
    errors = [str(p) for p in problems if p.level == "error"]
    assert not errors, "\n".join(errors)
    return found


@pytest.fixture(scope="session")
def poster_run(built_site, settings, browser, tmp_path_factory):
    """The built site plus every poster, rendered the way `wic build` does it; and its progress lines."""
    site = tmp_path_factory.mktemp("posters") / "site"
    shutil.copytree(built_site, site)
    lines: list[str] = []
    render_posters(settings, site, browser=browser, out=lines.append, use_cache=False)
    return site, lines


@pytest.fixture(scope="session")
def poster_site(poster_run):
    return poster_run[0]


@pytest.fixture(scope="session")
def manifest(poster_site):
    return json.loads((poster_site / "posters" / "posters.json").read_text(encoding="utf-8"))


# --- definitions ------------------------------------------------------------------------------------

def test_there_are_posters_for_every_topic_the_centres_asked_for(posters):
    keys = {p.key for p in posters}
    assert len(posters) >= 12
    missing = {topic: key for topic, key in REQUIRED_TOPICS.items() if key not in keys}
    assert not missing, f"no poster for: {missing}"
    for p in posters:
        assert 3 <= len(p.messages) <= 6, p.key
        assert p.title["lo"] and p.title["en"]
        assert all(m.text["lo"] and m.text["en"] for m in p.messages)
        assert 1 <= len(p.contacts) <= 4


def test_lao_poster_text_has_no_thai_letters_and_no_typed_figures(project):
    for path in sorted((project / "content-src" / "posters").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"[\u0E00-\u0E7F]", text), f"{path.name}: Thai character"
        for line in text.splitlines():
            if re.match(r"\s*(lo|en):", line):
                prose = PLACEHOLDER.sub(" ", line.split(":", 1)[1])
                assert not re.search(r"\d", prose), f"{path.name}: a figure is typed into '{line.strip()}'"


def test_a_broken_poster_definition_is_named_with_file_and_line(project, content, tmp_path):
    folder = tmp_path / "posters"
    folder.mkdir()
    (folder / "broken.yml").write_text(
        "page: help.md\npictogram: material/phone\ntitle: {lo: ທົດລອງ, en: Test}\nmessages:\n"
        "  - lo: ຄ່າແຮງ {{ fact:no_such_fact }}\n    en: Pay {{ fact:no_such_fact }}\n"
        "  - lo: ກ\n    en: a\n  - lo: ຂ\n    en: b\ncontacts: [wic_centre]\n", encoding="utf-8")
    found, problems = load_posters(folder, content, project / "docs")
    assert not found
    text = "\n".join(str(p) for p in problems)
    assert re.search(r"broken\.yml:5: unknown fact 'no_such_fact' — ", text), text


# --- PDFs ------------------------------------------------------------------------------------------------

def test_every_poster_renders_in_every_size_and_layout(poster_run, posters, manifest):
    poster_site, progress = poster_run
    out = poster_site / "posters"
    rendered = {p["key"] for p in manifest["posters"]}
    assert rendered == {p.key for p in posters}
    for p in posters:
        for lang in ("lo", "en"):
            assert (out / thumb_name(p.key, lang)).is_file()
        for layout in LAYOUTS:
            for size in SIZES:
                assert (out / pdf_name(p.key, layout, size)).is_file(), pdf_name(p.key, layout, size)
    # Progress: one line per poster, and a summary.
    assert sum(1 for line in progress if re.match(r"\[\s*\d+/\d+\] ", line)) == len(posters)
    assert any(line.startswith("Posters: ") for line in progress)


def test_every_poster_pdf_is_one_page_of_the_right_size_with_embedded_fonts(poster_site):
    pdfs = sorted((poster_site / "posters").glob("*.pdf"))
    assert len(pdfs) >= 12 * len(LAYOUTS) * len(SIZES)
    for pdf in pdfs:
        info = _run("pdfinfo", str(pdf))
        assert re.search(r"^Pages:\s+1$", info, re.M), f"{pdf.name} is not one page"
        w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        size = pdf.stem.rsplit("-", 1)[1]
        assert abs(w - PAGE_POINTS[size][0]) < 2 and abs(h - PAGE_POINTS[size][1]) < 2, (pdf.name, w, h)
        fonts = _run("pdffonts", str(pdf)).splitlines()[2:]
        assert fonts, f"{pdf.name} has no fonts"
        for row in fonts:
            cols = row.split()
            assert cols[-5] == "yes", f"{pdf.name}: font not embedded: {row}"
        assert any("Lao" in row for row in fonts), f"{pdf.name}: no Lao font"


def test_the_text_layer_holds_the_title(poster_site, posters):
    for p in posters:
        for size in SIZES:
            lo = pdf_text(poster_site / "posters" / pdf_name(p.key, "lo", size))
            en = pdf_text(poster_site / "posters" / pdf_name(p.key, "en", size))
            bi = pdf_text(poster_site / "posters" / pdf_name(p.key, "bi", size))
            assert squash(p.title["lo"]) in squash(lo), (p.key, size)
            assert p.title["en"] in collapse(en), (p.key, size)
            assert squash(p.title["lo"]) in squash(bi) and p.title["en"] in collapse(bi), (p.key, size)


def _pgm(pdf: Path) -> tuple[int, int, bytes]:
    data = subprocess.run(["pdftoppm", "-gray", "-r", "20", "-singlefile", str(pdf)], capture_output=True,
                          check=True).stdout
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, data[m.end():m.end() + w * h]


def _png_pixels(path: Path) -> bytes:
    """Raw (filtered) pixel bytes of a PNG: enough to tell a blank image from a drawn one."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return zlib.decompress(idat)


def test_rendered_posters_are_not_blank(poster_site, posters):
    for p in posters:
        for layout in LAYOUTS:
            _, _, px = _pgm(poster_site / "posters" / pdf_name(p.key, layout, "a4"))
            inked = sum(1 for b in px if b < 230) / len(px)
            dark = sum(1 for b in px if b < 128) / len(px)
            light = sum(1 for b in px if b > 230) / len(px)
            assert inked > 0.15 and dark > 0.005 and light > 0.3, (p.key, layout, inked, dark, light)
            if layout != "bi":   # the gallery shows the Lao and the English thumbnail
                thumb = _png_pixels(poster_site / "posters" / thumb_name(p.key, layout))
                assert len(set(thumb)) > 40 and sum(1 for b in thumb if b not in (0, 255)) / len(thumb) > 0.05, p.key


def _facts_in(poster) -> list[str]:
    keys = []
    for m in poster.messages:
        for ph in PLACEHOLDER.finditer(m.text["lo"]):
            if ph.group(1) == "fact" and ph.group(2).strip() not in keys:
                keys.append(ph.group(2).strip())
    return keys


def test_the_figures_on_a_poster_are_the_facts_in_content_src(poster_site, posters, content, settings):
    lao_digits = settings.lao_digits
    for p in posters:
        facts = [content.facts[k] for k in _facts_in(p)]
        contacts = [content.contacts[k] for k in p.contacts]
        phones = {q for c in contacts for q in c.phone}
        for m in p.messages:
            for ph in PLACEHOLDER.finditer(m.text["lo"]):
                if ph.group(1) == "phone":
                    phones.update(content.contacts[ph.group(2).strip()].phone)
        dates = [f.checked for f in facts] + [c.checked for c in contacts] + \
                [content.contacts[k].checked for m in p.messages for kind, k in PLACEHOLDER.findall(m.text["lo"])
                 if kind in ("phone", "contact")]
        checked = min(dates)
        for layout in LAYOUTS:
            text = pdf_text(poster_site / "posters" / pdf_name(p.key, layout, "a4"))
            for f in facts:
                for lang in (("lo", "en") if layout == "bi" else (layout,)):
                    shown = format_value(f.value, f.unit, lang, lao_digits)
                    assert squash(shown) in squash(text), f"{p.key} {layout}: {f.key} should read {shown!r}"
            for phone in phones:
                assert phone in collapse(text), f"{p.key} {layout}: phone {phone} missing"
            for lang in (("lo", "en") if layout == "bi" else (layout,)):
                assert squash(format_date(checked, lang)) in squash(text), f"{p.key} {layout}: checked date missing"
            # No figure on the poster that does not come from content-src (or the address, or a list number).
            url = p.page_url(settings.base_url, "en" if layout == "en" else "lo")
            allowed = set(re.findall(r"\d+", " ".join(
                [format_value(f.value, f.unit, l, lao_digits) for f in facts for l in ("lo", "en")]
                + [str(f.source_date.year) for f in facts if f.source_date]
                + list(phones) + [format_date(checked, l) for l in ("lo", "en")] + [url])))
            allowed |= {str(n) for n in range(1, len(p.messages) + 1)}
            stray = set(re.findall(r"\d+", text.replace(url, " "))) - allowed
            assert not stray, f"{p.key} {layout}: figures not from content-src: {sorted(stray)}"


def test_unconfirmed_figures_are_marked_on_the_poster(poster_site, posters, content):
    for p in posters:
        unverified = [k for k in _facts_in(p) if not content.facts[k].verified]
        used = p.contacts + [k.strip() for m in p.messages for kind, k in PLACEHOLDER.findall(m.text["lo"])
                             if kind in ("phone", "contact")]
        unverified += [k for k in used if content.contacts[k].status == "unverified"]
        text = pdf_text(poster_site / "posters" / pdf_name(p.key, "en", "a4"))
        if unverified:
            assert "\u26a0" in text and "not confirmed" in text, p.key
        else:
            assert "not confirmed" not in text, p.key


def test_each_poster_carries_a_qr_code_to_its_page_and_the_address(poster_site, posters, content, settings):
    base = settings.base_url
    for p in posters:
        for layout in LAYOUTS:
            lang = "en" if layout == "en" else "lo"
            url = p.page_url(base, lang)
            assert url == base + ("en/" if lang == "en" else "") + p.page[:-3] + ".html"
            page = poster_page(p, layout, content, base)
            assert qr_svg(url) in page.body
            assert url in collapse(pdf_text(poster_site / "posters" / pdf_name(p.key, layout, "a4"))).replace(" ", "")


def test_the_qr_base_address_is_configurable(project, browser, tmp_path):
    lines: list[str] = []
    render_posters(load_settings(project, poster_base_url="http://wic.example/kb"), tmp_path, only=["uxo"], browser=browser, out=lines.append,
                   use_cache=False)
    assert "http://wic.example/kb/farm-safety/uxo.html" in pdf_text(tmp_path / "posters" / "uxo-lo-a4.pdf")
    assert "http://wic.example/kb/en/farm-safety/uxo.html" in pdf_text(tmp_path / "posters" / "uxo-en-a4.pdf")


def test_a_poster_that_cannot_fit_fails_with_its_name_and_the_others_still_render(settings, browser, tmp_path):
    project = settings.project
    folder = tmp_path / "defs"
    folder.mkdir()
    shutil.copy(project / "content-src" / "posters" / "snake-bite.yml", folder / "snake-bite.yml")
    long_lo = "ໃຫ້ລ້າງມື ແລະ ໜ້າ ດ້ວຍສະບູ ແລະ ນ້ຳສະອາດ ທຸກຄັ້ງ ກ່ອນກິນເຂົ້າ ແລະ ດື່ມນ້ຳ " * 6
    long_en = "Wash your hands and face with soap and clean water every time before you eat or drink " * 6
    messages = "".join(f"  - lo: {long_lo}\n    en: {long_en}\n" for _ in range(6))
    (folder / "far-too-long.yml").write_text(
        f"page: help.md\npictogram: material/hand-wash\ntitle: {{lo: ລ້າງມື, en: Wash your hands}}\n"
        f"messages:\n{messages}contacts: [wic_centre, health_centre, village_chief, ambulance]\n", encoding="utf-8")
    lines: list[str] = []
    with pytest.raises(PosterError) as err:
        render_posters(settings, tmp_path / "site", posters_dir=folder, browser=browser, out=lines.append,
                       use_cache=False)
    assert list(err.value.failures) == ["far-too-long"]
    assert "far-too-long" in str(err.value) and "does not fit" in str(err.value)
    assert any("far-too-long" in line and "FAILED" in line for line in lines)
    out = tmp_path / "site" / "posters"
    assert (out / "snake-bite-lo-a4.pdf").is_file() and (out / "snake-bite-bi-a3.pdf").is_file()
    assert not list(out.glob("far-too-long*")), "a failed poster must leave no files behind"


def test_the_gallery_pages_show_every_poster_with_thumbnails_and_downloads(poster_site, posters):
    for lang, page, prefix in (("lo", "posters.html", "posters/"), ("en", "en/posters.html", "../posters/")):
        html = (poster_site / page).read_text(encoding="utf-8")
        for p in posters:
            assert f'src="{prefix}{thumb_name(p.key, lang)}"' in html, (lang, p.key)
            for layout in LAYOUTS:
                for size in SIZES:
                    assert f'href="{prefix}{pdf_name(p.key, layout, size)}"' in html, (lang, p.key, layout, size)
            assert p.title[lang] in html
        for ref in re.findall(r'(?:src|href)="((?:\.\./)?posters/[^"]+)"', html):
            assert (poster_site / Path(page).parent / ref).resolve().is_file(), ref


def test_a_site_built_without_posters_requests_no_missing_thumbnail(built_site):
    # conftest's built_site has no poster step: its gallery shows pictograms, not broken images.
    for page in (built_site / "posters.html", built_site / "en" / "posters.html"):
        html = page.read_text(encoding="utf-8")
        assert "data-wic-thumb=" in html
        assert not re.search(r'<img[^>]+src="(?:\.\./)?posters/', html)


def test_wic_posters_renders_into_an_existing_site(poster_site, project, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(poster_site, site)
    (site / "posters" / "uxo-lo-a4.pdf").unlink()
    run = subprocess.run([sys.executable, "-m", "wic.cli", "--project", str(project), "posters", "--site-dir", str(site),
                          "--only", "uxo"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert re.search(r"\[ ?1/1\] uxo", run.stderr), "progress is logged to stderr"
    assert (site / "posters" / "uxo-lo-a4.pdf").is_file()
    assert (site / "posters" / "snake-bite-lo-a4.pdf").is_file(), "--only must leave the other posters alone"


# --- printing site pages ------------------------------------------------------------------------------

CONTENT_PAGE = "farm-safety/uxo.html"


def test_printing_a_content_page_leaves_out_the_navigation(page, served_site, tmp_path):
    page.goto(served_site + CONTENT_PAGE)
    page.evaluate("document.fonts.ready")
    button = page.locator("[data-wic-print]")
    assert button.is_visible(), "the Print button must be visible on content pages"
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    button.click()
    assert page.evaluate("window.__printed") == 1

    title = page.locator("article h1").inner_text()
    article = page.locator("article").inner_text()
    nav = [t for t in page.locator(".md-nav--primary .md-nav__link").all_inner_texts() if t.strip()]
    nav_only = [t for t in nav if squash(t) not in squash(article)]
    assert nav_only, "expected navigation entries that are not in the page text"

    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".wic-bar", "[data-wic-print]"):
        if page.locator(chrome).count():
            assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"
    assert page.locator("article .wic-pictogram").first.is_visible(), "the pictogram must be printed"

    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    text = squash(pdf_text(pdf))
    assert squash(title) in text
    printed_nav = [t for t in nav_only if squash(t) in text]
    assert not printed_nav, f"navigation printed: {printed_nav}"
    assert squash("ພິມຄຳທີ່ຕ້ອງການຊອກຫາ") not in text
    fonts = _run("pdffonts", str(pdf))
    assert "NotoSansLaoLooped" in fonts, "Lao must print in the site's Lao font"
    info = _run("pdfinfo", str(pdf))
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert abs(w - PAGE_POINTS["a4"][0]) < 2 and abs(h - PAGE_POINTS["a4"][1]) < 2, "handouts print on A4"


def test_printed_links_say_where_they_go(page, served_site):
    page.goto(served_site + "en/work-rights/wages.html")
    hrefs = page.evaluate("[...document.querySelectorAll('article a[data-wic-href]')].map(a => a.dataset.wicHref)")
    assert hrefs, "links in the page text should carry their address for print"
    # Served from this computer: the paper names the page inside the site, never a loopback address.
    assert not [h for h in hrefs if "127.0.0.1" in h or "localhost" in h], hrefs
    assert any(h.startswith("en/") and h.endswith(".html") for h in hrefs), hrefs
    page.emulate_media(media="print")
    after = page.evaluate("getComputedStyle(document.querySelector('article a[data-wic-href]'), '::after').content")
    assert hrefs[0] in after


def test_the_print_button_is_hidden_on_the_home_page(page, served_site):
    page.goto(served_site + "index.html")
    assert not page.locator("[data-wic-print]").is_visible()
    page.goto(served_site + "en/index.html")
    assert not page.locator("[data-wic-print]").is_visible()


def test_unchanged_posters_are_reused_not_printed_again(settings, tmp_path, browser):
    """A rebuild copies posters whose inputs did not change, byte for byte."""
    first, second = [], []
    render_posters(settings, tmp_path / "a", only=["snake-bite"], browser=browser, out=first.append)
    render_posters(settings, tmp_path / "b", only=["snake-bite"], browser=browser, out=second.append)
    assert any("reused" in line for line in second), second
    for pdf in (tmp_path / "a" / "posters").glob("*.pdf"):
        assert pdf.read_bytes() == (tmp_path / "b" / "posters" / pdf.name).read_bytes()


def test_a_poster_must_give_at_least_one_number_to_call(project, content, tmp_path):
    no_phone = next(c.key for c in content.contacts.values() if not c.phone)
    folder = tmp_path / "posters"
    folder.mkdir()
    (folder / "no-number.yml").write_text(
        "page: help.md\npictogram: material/phone\ntitle: {lo: ທົດລອງ, en: Test}\nmessages:\n"
        "  - lo: ກ\n    en: a\n  - lo: ຂ\n    en: b\n  - lo: ຄ\n    en: c\n"
        f"contacts: [{no_phone}]\n", encoding="utf-8")
    found, problems = load_posters(folder, content, project / "docs")
    assert not found
    assert re.search(r"no-number\.yml:11: none of the poster's contacts has a phone number — ",
                     "\n".join(map(str, problems)))
