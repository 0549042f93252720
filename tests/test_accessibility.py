"""Usable by everyone (issue 16): axe-core on every page, contrast, phones, the 404 pages, print.

axe-core is vendored (tests/vendor/axe.min.js, MPL-2.0, see axe-core-LICENSE.txt); nothing is
fetched while testing. Every built page, both languages, is checked at 1280x800 and 360x740, in
normal and in high-contrast mode (set as the toolbar does: sessionStorage "wic-reading-aids" before
the page loads); how, in axe_audit.py, which the accessibility benchmark uses too.
"""

from __future__ import annotations

import re
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from axe_audit import AXE, MODES, VIEWPORTS, audit_pages

DEEP = "work-rights/wages.html"

# WCAG contrast ratio of an element's text against the first opaque background behind it.
CONTRAST = """(el) => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  let bg = null;
  for (let e = el; e; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length >= 3 && (c.length < 4 || c[3] > 0.95)) { bg = c; break; }
  }
  bg = bg || [255, 255, 255];
  const fg = rgb(getComputedStyle(el).color);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def _site_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture(scope="module")
def audit(built_site) -> list[dict]:
    results = audit_pages(_site_pages(built_site))
    for r in results:
        r["rel"] = r["page"].relative_to(built_site).as_posix()
    return results


# ---- axe on every page --------------------------------------------------------------------------------

def test_axe_checked_every_page_in_both_languages_sizes_and_modes(audit, built_site):
    pages = _site_pages(built_site)
    assert len(audit) == len(pages) * len(VIEWPORTS) * len(MODES)
    assert {r["rel"] for r in audit} >= {"index.html", "en/index.html", "404.html", "en/404.html", DEEP, "en/" + DEEP}
    assert all(r["contrast"] == (r["mode"] == "contrast") for r in audit), "high-contrast mode was not switched on"


def test_no_critical_or_serious_axe_violation(audit):
    bad = [f"{r['rel']} [{r['viewport']}, {r['mode']}] {v['impact']} {v['id']} x{v['nodes']}: {v['where']} — {v['why']}"
           for r in audit for v in r["violations"] if v["impact"] in ("critical", "serious")]
    assert not bad, f"{len(bad)} critical/serious axe violations:\n" + "\n".join(bad[:25])


def test_no_page_scrolls_sideways_on_a_phone(audit):
    wide = sorted({f"{r['rel']} ({r['mode']}): {r['scroll_width']} px" for r in audit
                   if r["viewport"] == "phone" and r["scroll_width"] > VIEWPORTS["phone"]["width"]})
    assert not wide, "pages wider than a 360 px phone:\n" + "\n".join(wide[:25])


# ---- text and colours ---------------------------------------------------------------------------------

@pytest.mark.parametrize("rel", [DEEP, "en/" + DEEP])
def test_boxes_use_body_size_text(page, built_site, rel):
    page.goto((built_site / rel).as_uri())
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article > p')).fontSize)")
    for box in (".admonition.abstract li", ".wic-check-first p:not(.admonition-title)"):
        sizes = page.evaluate(f"[...document.querySelectorAll('article {box}')].map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert sizes, f"no {box} on {rel}"
        assert all(abs(s - body) < 0.5 for s in sizes), (box, sizes, body)


@pytest.mark.parametrize("contrast", [False, True], ids=["normal", "contrast"])
def test_links_phone_numbers_and_headers_reach_4_5_to_1(browser, built_site, contrast):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    if contrast:
        context.add_init_script("sessionStorage.setItem('wic-reading-aids', JSON.stringify({contrast: true}))")
    pg = context.new_page()
    try:
        for rel in ("help.html", DEEP, "en/" + DEEP, "glossary.html"):
            pg.goto((built_site / rel).as_uri())
            for sel in (".md-header__topic .md-ellipsis", "article a:not(.wic-tile):not(.wic-btn)", "article a.wic-phone",
                        "article h1", "article h2", ".wic-bar .wic-btn span", ".wic-guess, .wic-contact__warn"):
                for i, ratio in enumerate(pg.locator(sel).evaluate_all(f"els => els.slice(0, 12).map({CONTRAST})")):
                    assert ratio >= 4.5, f"{rel}: '{sel}' #{i} has contrast {ratio:.2f}:1"
    finally:
        context.close()


def test_the_site_fonts_are_preloaded_with_relative_addresses(page, served_site):
    page.goto(served_site + DEEP)
    links = page.evaluate("""[...document.querySelectorAll('link[rel=preload][as=font]')]
        .map(l => [l.getAttribute('href'), l.crossOrigin, l.href])""")
    hrefs = [h for h, _, _ in links]
    assert any("lao-400" in h for h in hrefs) and any("lao-700" in h for h in hrefs), hrefs
    assert all(h.startswith("../assets/wic/fonts/") for h in hrefs), hrefs
    assert all(c == "anonymous" for _, c, _ in links), "a font preload without crossorigin is fetched twice"
    # The preload is the very file the page uses: the browser fetched each font once.
    page.wait_for_function("document.fonts.status === 'loaded'")
    fetched = page.evaluate("performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.woff2'))")
    assert len(fetched) == len(set(fetched)), fetched
    assert page.evaluate("document.fonts.check('700 20px \"WIC Lao\"', 'ກ')")


# ---- phones ---------------------------------------------------------------------------------------------

@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport=VIEWPORTS["phone"], has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("home", ["index.html", "en/index.html"])
def test_the_first_phone_screen_shows_the_help_button_and_the_first_tiles(phone, built_site, home):
    phone.goto((built_site / home).as_uri())
    height = VIEWPORTS["phone"]["height"]
    help_box = phone.locator(".wic-bar .wic-btn--help").bounding_box()
    assert help_box and help_box["y"] + help_box["height"] <= height
    tiles = phone.locator(".wic-tiles .wic-tile").evaluate_all("els => els.slice(0, 2).map(e => e.getBoundingClientRect().bottom)")
    assert len(tiles) == 2 and max(tiles) <= height, f"first tiles end at {tiles} px, the screen at {height}"


def test_the_help_page_leads_with_the_numbers_to_call(phone, built_site):
    for rel in ("help.html", "en/help.html"):
        phone.goto((built_site / rel).as_uri())
        first = phone.locator("article a.wic-phone").first
        assert first.get_attribute("href") == "tel:1191", "the police number comes first"
        box = first.bounding_box()
        assert box["y"] + box["height"] <= VIEWPORTS["phone"]["height"], f"{rel}: the first number is below the first screen"


@pytest.mark.parametrize("rel", [DEEP, "en/" + DEEP])
def test_a_page_with_unconfirmed_figures_still_begins_its_key_points_on_the_first_phone_screen(phone, built_site, rel):
    # The "please check first" box comes first; it names whom to ask at once, and lists the
    # unconfirmed figures (each already marked ⚠ in the text) only when "which ones" is opened.
    phone.goto((built_site / rel).as_uri())
    box = phone.locator("article .wic-check-first")
    assert box.locator("a, strong").first.is_visible(), "whom to ask is shown without opening anything"
    which = box.locator("details")
    labels = which.locator("p")
    assert not labels.is_visible()
    which.locator("summary").click()
    assert labels.is_visible() and len(labels.inner_text()) > 10
    which.locator("summary").click()
    title = phone.locator("article .admonition.abstract > .admonition-title").bounding_box()
    assert title["y"] + title["height"] <= VIEWPORTS["phone"]["height"], f"{rel}: the key points start at {title['y']} px"


@pytest.mark.parametrize("rel", ["help.html", "en/work-rights/maternity.html", "centres/index.html"])
def test_call_links_are_at_least_48px(phone, built_site, rel):
    phone.goto((built_site / rel).as_uri())
    boxes = phone.locator("article a.wic-phone").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.textContent, r.width, r.height]; })")
    assert boxes
    small = [b for b in boxes if b[1] < 47.5 or b[2] < 47.5]
    assert not small, small


def test_the_sources_are_a_short_list_on_a_phone(phone, built_site):
    phone.goto((built_site / DEEP).as_uri())
    assert not phone.locator(".wic-sources table").is_visible()
    items = phone.locator(".wic-sources__list li")
    assert items.count() >= 1 and items.first.is_visible()
    labels = phone.locator(".wic-sources__table td:first-child").all_inner_texts()
    listed = phone.locator(".wic-sources__list li").all_text_contents()
    assert len(labels) == len(listed), "every fact of the table is in the list"


def test_the_menu_button_works_from_the_keyboard(page, built_site):
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto((built_site / DEEP).as_uri())
    button = page.locator('label.md-header__button[for="__drawer"]')
    assert button.get_attribute("tabindex") == "0" and button.get_attribute("aria-label")
    button.focus()
    assert page.evaluate("document.activeElement.getAttribute('for')") == "__drawer"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "true"


@pytest.mark.parametrize("rel", [DEEP, "en/index.html"])
def test_icon_only_buttons_keep_their_names_on_a_phone(phone, built_site, rel):
    phone.goto((built_site / rel).as_uri())
    for sel in ("[data-wic-lang-switch]", "[data-wic-print]"):
        if not phone.locator(sel).count() or not phone.locator(sel).is_visible():
            continue
        name = phone.locator(sel).evaluate("e => e.getAttribute('aria-label') || e.innerText || e.textContent")
        assert name.strip(), sel
        assert phone.locator(sel).evaluate("e => e.textContent.trim().length > 0")


# ---- 404 pages --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("rel,lang", [("404.html", "lo"), ("en/404.html", "en")])
def test_the_404_pages_work_from_file_urls(page, built_site, rel, lang):
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto((built_site / rel).as_uri())
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("article h1").inner_text().strip()
    assert page.locator(".wic-bar [data-wic-exit]").is_visible(), "the toolbar (with Quick exit) is there"
    assert page.evaluate("getComputedStyle(document.querySelector('.wic-bar .wic-btn--help')).backgroundColor") == "rgb(198, 40, 40)"
    html = (built_site / rel).read_text(encoding="utf-8")
    assert not re.search(r'(?:href|src)="/', html), "absolute paths break under file://"
    home = page.locator(".wic-404__home")
    assert (built_site / Path(rel).parent / home.get_attribute("href")).resolve() == (built_site / "index.html").resolve()
    assert not failed, failed
    assert not page.console_errors, page.console_errors


@pytest.mark.parametrize("missing,lang", [("work-rights/no-such-page.html", "lo"), ("en/farm-safety/gone.html", "en")])
def test_wic_serve_sends_the_404_page_of_the_language(page, served_site, missing, lang):
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(served_site + missing)
    assert err.value.code == 404
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    response = page.goto(served_site + missing)
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    page.wait_for_function("document.fonts.status === 'loaded'")
    # The site's stylesheet arrived (a missing page deep in the site: its <base> leads the links home).
    assert page.evaluate("getComputedStyle(document.querySelector('.wic-bar .wic-btn--help')).backgroundColor") == "rgb(198, 40, 40)"
    assert not failed, failed
    page.locator(".wic-404__home").click()
    page.wait_for_url(served_site + "index.html")


# ---- print ------------------------------------------------------------------------------------------------

def test_printed_pages_carry_no_loopback_address_and_end_with_a_short_source_list(page, served_site, tmp_path):
    page.goto(served_site + "en/" + DEEP)
    page.emulate_media(media="print")
    assert not page.locator(".wic-sources table").is_visible()
    assert page.locator(".wic-sources__list li").first.is_visible()
    last = page.evaluate("[...document.querySelectorAll('article > *')].filter(e => getComputedStyle(e).display !== 'none').pop().className")
    assert "wic-sources" in last, "the sources come at the end"
    pdf = tmp_path / "handout.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "127.0.0.1" not in text and "localhost" not in text
    assert "work-rights/" in text or "social-security/" in text, "internal links still say which page they lead to"


def test_the_axe_file_is_the_vendored_release():
    head = AXE.read_text(encoding="utf-8")[:200]
    assert re.search(r"axe v\d+\.\d+\.\d+", head)
    assert (AXE.parent / "axe-core-LICENSE.txt").is_file()
