"""On the kiosk, posters open in our own viewer, never in Chromium's PDF viewer.

In the browser's PDF viewer there is no idle reset, no countdown and no quick exit, and Escape does
nothing: a touch-only visitor was stuck, and the next one saw the harassment poster the last one had
opened. The kiosk build (profile kiosk, 3 s idle time) here has the harassment poster rendered.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wic.pipeline.build import build_site
from wic.posters import render_posters
from wic.serve.server import serve_in_thread
from wic.settings import load_settings
from wic.words import t

PROJECT = Path(__file__).resolve().parents[1]
POSTER = "sexual-harassment"
IDLE = 3


@pytest.fixture(scope="module")
def kiosk_poster_site(tmp_path_factory, browser) -> Path:
    settings = load_settings(PROJECT, site_dir=tmp_path_factory.mktemp("kiosk-posters") / "site",
                             profile="kiosk", idle_seconds=IDLE)
    site = build_site(settings, posters=False).resolve()
    render_posters(settings, site, only=[POSTER], browser=browser)
    return site


@pytest.fixture(scope="module")
def kiosk_poster_url(kiosk_poster_site):
    server, url = serve_in_thread(kiosk_poster_site)
    yield url
    server.shutdown()


def _pdf_requests(page) -> list[str]:
    page.pdf_requests = []
    page.on("request", lambda r: page.pdf_requests.append(r.url) if ".pdf" in r.url.split("?")[0] else None)
    return page.pdf_requests


def _home_h1(site: Path) -> str:
    html = (site / "index.html").read_text(encoding="utf-8")
    return re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).strip()


def _open_the_poster(page, url: str) -> None:
    # The kiosk's clock stands still unless a test moves it: the 3 s idle reset must not cut in.
    page.clock.install()
    page.goto(url + "posters.html")
    page.locator(f"#poster-{POSTER} .wic-poster__thumb").click()
    page.locator("[data-wic-viewer]").wait_for(state="visible")


def test_the_kiosk_gallery_offers_viewers_not_downloads(kiosk_poster_site):
    for rel, lang in (("posters.html", "lo"), ("en/posters.html", "en")):
        html = (kiosk_poster_site / rel).read_text(encoding="utf-8")
        assert not re.findall(r'href="[^"]*\.pdf"', html), f"{rel}: a PDF link on the kiosk"
        assert " download " not in html and " download>" not in html, f"{rel}: a download link on the kiosk"
        assert f'href="#wic-view={POSTER}-{lang}"' in html and f'data-wic-view="{POSTER}-lo"' in html
        assert f'data-wic-view="{POSTER}-en"' in html
        assert re.search(rf'<img src="(\.\./)?posters/{POSTER}-{lang}\.png"', html), f"{rel}: no thumbnail"


def test_the_posters_page_tells_each_reader_what_they_can_do_there(kiosk_poster_site, built_site):
    # A kiosk visitor can look but not download or pick a paper size; centre staff at the site build can.
    for rel, lang in (("posters.html", "lo"), ("en/posters.html", "en")):
        kiosk = (kiosk_poster_site / rel).read_text(encoding="utf-8")
        site = (built_site / rel).read_text(encoding="utf-8")
        assert t("lead_kiosk", lang, "gallery") in kiosk and t("lead", lang, "gallery") not in kiosk, rel
        assert t("lead", lang, "gallery") in site and t("lead_kiosk", lang, "gallery") not in site, rel


def test_a_site_build_keeps_its_downloads_and_has_no_viewer(built_site):
    html = (built_site / "posters.html").read_text(encoding="utf-8")
    assert re.search(r'href="posters/[a-z-]+-lo-a4\.pdf" download', html)
    assert "viewer.js" not in html


def test_a_poster_opens_in_the_viewer_with_back_language_and_quick_exit(page, kiosk_poster_url):
    pdfs = _pdf_requests(page)
    _open_the_poster(page, kiosk_poster_url)
    viewer = page.locator("[data-wic-viewer]")
    assert page.url == kiosk_poster_url + f"posters.html#wic-view={POSTER}-lo"
    img = viewer.locator("img")
    img.evaluate("i => i.decode()")
    size = img.evaluate("i => [i.naturalWidth, i.getBoundingClientRect().height]")
    assert size[0] >= 400 and size[1] > 400, size
    for control in ("[data-wic-viewer-back]", "[data-wic-exit]", ".wic-viewer__lang[lang=en]"):
        box = viewer.locator(control).bounding_box()
        assert box and box["width"] >= 48 and box["height"] >= 48, control
    assert viewer.locator(".wic-viewer__title").inner_text().strip()

    viewer.locator(".wic-viewer__lang[lang=en]").click()
    page.wait_for_function("document.querySelector('[data-wic-viewer]').dataset.wicViewer.endsWith('-en')")
    assert page.locator("[data-wic-viewer] img").get_attribute("src").endswith(f"posters/{POSTER}-en.png")

    page.locator("[data-wic-viewer-back]").click()
    page.wait_for_function("!document.querySelector('[data-wic-viewer]')")
    assert page.locator(f"#poster-{POSTER}").is_visible()
    assert not pdfs, f"a PDF was requested: {pdfs}"


def test_escape_closes_the_viewer_and_twice_is_still_the_quick_exit(page, kiosk_poster_site, kiosk_poster_url):
    _open_the_poster(page, kiosk_poster_url)
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('[data-wic-viewer]')")
    assert page.url.startswith(kiosk_poster_url + "posters.html")
    _open_the_poster(page, kiosk_poster_url)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(kiosk_poster_url + "index.html")
    assert page.locator("article h1").first.inner_text().strip() == _home_h1(kiosk_poster_site)


def test_quick_exit_from_the_viewer_leaves_nothing_behind(page, kiosk_poster_site, kiosk_poster_url):
    _open_the_poster(page, kiosk_poster_url)
    page.locator("[data-wic-viewer] [data-wic-exit]").click()
    page.wait_for_url(kiosk_poster_url + "index.html")
    page.evaluate("setTimeout(() => history.back(), 0)")
    page.wait_for_timeout(300)
    page.wait_for_load_state()
    page.wait_for_function("document.documentElement.style.visibility !== 'hidden' && location.pathname.endsWith('/index.html')")
    assert not page.locator("[data-wic-viewer]").count()


def test_the_idle_reset_works_from_the_viewer(page, kiosk_poster_site, kiosk_poster_url):
    _open_the_poster(page, kiosk_poster_url)
    page.clock.run_for(IDLE * 1000 + 500)
    countdown = page.locator("[data-wic-countdown]")
    countdown.wait_for(state="visible")
    # The countdown is drawn over the poster, so the visitor sees it.
    top = page.evaluate("(() => { const b = document.querySelector('.wic-countdown__stay').getBoundingClientRect();"
                        " return document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2).className; })()")
    assert "wic-countdown__stay" in top
    with page.expect_navigation(url=kiosk_poster_url + "index.html"):
        page.clock.run_for(20_000)
    page.wait_for_load_state()
    assert page.locator("article h1").first.inner_text().strip() == _home_h1(kiosk_poster_site)
    assert not page.locator("[data-wic-viewer]").count()


def test_a_pdf_link_anywhere_leads_to_the_viewer(page, kiosk_poster_url):
    pdfs = _pdf_requests(page)
    page.clock.install()
    page.goto(kiosk_poster_url + "en/women/index.html")
    # A handout or poster link written into any page of the kiosk.
    page.evaluate(f"""(() => {{ const a = document.createElement('a'); a.id = 'pdf-link';
        a.href = '../posters/{POSTER}-bi-a3.pdf'; a.textContent = 'poster';
        document.querySelector('article').prepend(a); }})()""")
    page.locator("#pdf-link").click()
    page.wait_for_url(kiosk_poster_url + f"en/posters.html#wic-view={POSTER}-en")
    page.locator("[data-wic-viewer]").wait_for(state="visible")
    assert not pdfs, f"a PDF was requested: {pdfs}"


def test_the_viewer_works_from_file_urls(page, kiosk_poster_site):
    page.clock.install()
    page.goto((kiosk_poster_site / "posters.html").as_uri())
    page.locator(f"#poster-{POSTER} .wic-poster__thumb").click()
    page.locator("[data-wic-viewer] img").evaluate("i => i.decode()")
    assert page.locator("[data-wic-viewer] img").evaluate("i => i.naturalWidth") >= 400
    assert not page.console_errors, page.console_errors
