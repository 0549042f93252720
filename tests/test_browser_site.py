"""The built site in Debian's Chromium, from file:// and from `wic serve`."""

from __future__ import annotations

import pytest

LAO_FONT_LOADED = """() => [...document.fonts].some(f =>
    f.family.replace(/"/g, '') === 'WIC Lao' && f.status === 'loaded' && /E80/i.test(f.unicodeRange))"""


def _open(page, base: str, path: str) -> None:
    page.goto(base + path)
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")


@pytest.fixture(params=["file", "served"])
def base(request, built_site):
    if request.param == "file":
        return built_site.as_uri() + "/"
    return request.getfixturevalue("served_site")


def test_home_shows_lao_in_the_vendored_lao_font(page, base):
    _open(page, base, "index.html")
    assert page.evaluate("document.documentElement.lang") == "lo"
    h1 = page.locator("article h1")
    assert any("\u0e80" <= ch <= "\u0eff" for ch in h1.inner_text())
    assert page.evaluate(LAO_FONT_LOADED), "the vendored Lao font face was not loaded"
    assert "WIC Lao" in page.evaluate("getComputedStyle(document.querySelector('article h1')).fontFamily")
    assert page.locator(".wic-tile").count() >= 7
    assert page.locator(".wic-tile--help").is_visible()
    assert not page.external_requests
    assert not page.console_errors, page.console_errors


def test_language_switch_reaches_the_english_twin_and_back(page, base):
    for path in ("index.html", "help.html"):
        _open(page, base, path)
        page.click("[data-wic-lang-switch]")
        page.wait_for_load_state("load")
        assert page.url.endswith("en/" + path)
        assert page.evaluate("document.documentElement.lang") == "en"
        page.click("[data-wic-lang-switch]")
        page.wait_for_load_state("load")
        assert page.url.endswith(path) and "/en/" not in page.url
        assert page.evaluate("document.documentElement.lang") == "lo"
    assert not page.console_errors, page.console_errors


def test_search_box_opens_with_results(page, base):
    _open(page, base, "index.html")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "wic-search-input"
    page.fill("#wic-search-input", "ປະກັນສັງຄົມ")
    page.press("#wic-search-input", "End")
    results = page.locator("[data-wic-search-results]")
    results.wait_for(state="visible")
    # The index loads on first use; wait for the results of exactly this query.
    page.wait_for_function("document.querySelector('[data-wic-search-results]')"
                           ".getAttribute('data-wic-query') === 'ປະກັນສັງຄົມ'")
    assert page.locator(".wic-result").count() >= 1
    assert not page.external_requests
    assert not page.console_errors, page.console_errors


@pytest.mark.parametrize("width,height", [(1366, 768), (360, 740)])
def test_home_fits_kiosk_and_phone_screens(browser, built_site, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    pg = context.new_page()
    pg.goto(built_site.as_uri() + "/index.html")
    # Nothing wider than the screen (no sideways scrolling), and "Get help" is on the first screen.
    assert pg.evaluate("document.documentElement.scrollWidth") <= width
    boxes = [pg.locator(sel).bounding_box() for sel in (".wic-tile--help", ".wic-btn--help")]
    assert any(b and b["y"] + b["height"] <= height for b in boxes), boxes
    base_size = float(pg.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)"))
    assert base_size >= 17, f"body text is {base_size}px; older readers need larger text"
    context.close()
