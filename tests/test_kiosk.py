"""Kiosk mode: quick exit, reading aids, idle reset (kiosk builds only) and the kiosk launcher.

The browser tests drive Debian's Chromium (headless, through Playwright) against the built site.
The kiosk build (`kiosk_site`) has a 3 s idle time, so a reset takes about 5 s.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from wic.serve import kiosk
from wic.print.browser import QUIET_FLAGS
from wic.serve.server import serve_in_thread

PROJECT = Path(__file__).resolve().parents[1]
DEPLOY = PROJECT / "deploy"

# Logs, at DOMContentLoaded of every document, its address and whether it is visible, so a test
# can tell whether a page of the previous visitor was ever shown.
DCL_LOG = """
document.addEventListener("DOMContentLoaded", function () {
  console.log("wic-dcl " + location.href + " " + getComputedStyle(document.documentElement).visibility);
});
"""


# ---- helpers ------------------------------------------------------------------------------------

def _sensitive(site: Path, lang: str = "lo") -> str:
    """The harassment page if it is written yet, else the help page (both get the prominent exit)."""
    prefix = "" if lang == "lo" else "en/"
    for rel in ("women/sexual-harassment.html", "help.html"):
        if (site / prefix / rel).is_file():
            return prefix + rel
    raise AssertionError("no help page in the built site")


def _settle(page, timeout: float = 8.0) -> str:
    """Wait until navigation and redirects stop; return the final URL."""
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            state = page.evaluate("[location.href, document.readyState, document.documentElement.style.visibility]")
        except Exception:  # the document went away under us: a redirect is running
            page.wait_for_timeout(100)
            continue
        if state[1] == "complete" and state[2] != "hidden" and state == last:
            return state[0]
        last = state
        page.wait_for_timeout(250)
    raise AssertionError(f"page did not settle: {last}")


def _h1(page) -> str:
    return page.locator("article h1").first.inner_text().strip()


def _home_h1(site: Path) -> str:
    html = (site / "index.html").read_text(encoding="utf-8")
    return re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).strip()


def _dcl(page) -> list[tuple[str, str]]:
    return [tuple(m.split(" ")[1:3]) for m in page.dcl_log]


def _read_a_sensitive_page(page, base_url: str, site: Path) -> tuple[str, str]:
    """A visitor's path: home, another page, then the harassment (or help) page. Returns (home, sensitive)."""
    _watch(page)
    home = base_url + "index.html"
    sensitive = base_url + _sensitive(site)
    page.goto(home)
    page.goto(base_url + "glossary.html")
    page.goto(sensitive)
    return home, sensitive


def _watch(page):
    page.dcl_log = []
    page.on("console", lambda m: page.dcl_log.append(m.text) if m.text.startswith("wic-dcl ") else None)
    page.add_init_script(DCL_LOG)
    return page


def _back_reveals_nothing(page, home_url: str, home_h1: str, old_urls: list[str], since: int) -> None:
    """history.back(), once for each page visited before, lands on the home page every time, and no
    old page was ever visible on the way."""
    for _ in range(len(old_urls)):
        page.evaluate("setTimeout(() => history.back(), 0)")  # not awaited: the page goes away
        page.wait_for_timeout(300)
        assert _settle(page) == home_url
        assert _h1(page) == home_h1
    for url, visibility in _dcl(page)[since:]:
        if url in old_urls:
            assert visibility == "hidden", f"{url} was shown after the reset"


@pytest.fixture(scope="module")
def kiosk_url(kiosk_site):
    server, url = serve_in_thread(kiosk_site)
    yield url
    server.shutdown()


# ---- the idle reset (kiosk build) --------------------------------------------------------------

def test_idle_reset_returns_home_wipes_storage_and_back_shows_nothing(page, kiosk_site, kiosk_url):
    home, sensitive = _read_a_sensitive_page(page, kiosk_url, kiosk_site)
    page.click("button[data-wic-size=larger]")
    page.evaluate("localStorage.setItem('visitor', 'secret'); sessionStorage.setItem('visitor', 'secret')")
    box = page.locator("[data-wic-search-input]")
    box.fill("ຂົ່ມເຫັງ")
    box.press("End")

    countdown = page.locator("[data-wic-countdown]")
    countdown.wait_for(state="visible", timeout=10_000)
    text = countdown.inner_text()
    assert "ວິນາທີ" in text and "ທ່ານຍັງອ່ານຢູ່ບໍ່?" in text
    assert "seconds" not in text  # a Lao page: Lao only

    page.wait_for_url(home, timeout=15_000)
    assert _settle(page) == home
    before_back = len(page.dcl_log)
    assert page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]
    assert box.input_value() == ""
    assert page.evaluate("document.documentElement.hasAttribute('data-wic-size')") is False
    assert _h1(page) == _home_h1(kiosk_site)

    _back_reveals_nothing(page, home, _home_h1(kiosk_site), [sensitive, kiosk_url + "glossary.html"], before_back)
    assert page.console_errors == []
    assert page.external_requests == []


def test_idle_reset_from_an_english_page_under_file_url(page, kiosk_site):
    _watch(page)
    home = (kiosk_site / "index.html").as_uri()
    en = kiosk_site / _sensitive(kiosk_site, "en")
    page.goto((kiosk_site / "en" / "index.html").as_uri())
    page.goto((kiosk_site / "en" / "glossary.html").as_uri())
    page.goto(en.as_uri())
    page.evaluate("sessionStorage.setItem('visitor', 'secret')")
    countdown = page.locator("[data-wic-countdown]")
    countdown.wait_for(state="visible", timeout=10_000)
    text = countdown.inner_text()
    assert "ທ່ານຍັງອ່ານຢູ່ບໍ່?" in text and "Are you still reading?" in text  # Lao first, then English
    assert text.index("ທ່ານຍັງອ່ານຢູ່ບໍ່?") < text.index("Are you still reading?")
    page.wait_for_url(home, timeout=15_000)
    assert _settle(page) == home  # the Lao home page
    before_back = len(page.dcl_log)
    assert page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]
    _back_reveals_nothing(page, home, _home_h1(kiosk_site), [en.as_uri(), (kiosk_site / "en" / "glossary.html").as_uri()],
                          before_back)
    assert page.console_errors == []


def test_touching_the_countdown_keeps_the_page(page, kiosk_site, kiosk_url):
    url = kiosk_url + _sensitive(kiosk_site)
    page.goto(url)
    page.locator("[data-wic-countdown]").wait_for(state="visible", timeout=10_000)
    stay = page.locator(".wic-countdown__stay")
    box = stay.bounding_box()
    assert box["height"] >= 48 and box["width"] >= 48
    stay.click()
    page.locator("[data-wic-countdown]").wait_for(state="detached", timeout=3000)
    page.wait_for_timeout(2500)  # longer than the countdown: it was stopped
    assert page.url == url
    assert page.console_errors == []


def test_an_untouched_home_page_is_not_reset_again(page, kiosk_url):
    # A kiosk left alone on a fresh home page must not show the countdown every few minutes.
    page.goto(kiosk_url + "index.html")
    page.wait_for_timeout(6000)  # idle 3 s + countdown 2 s + margin
    assert page.locator("[data-wic-countdown]").count() == 0
    assert page.console_errors == []


def test_no_idle_reset_without_kiosk(page, served_site):
    # The normal build, with a 1 s idle time slipped in: nothing happens, as kiosk is false.
    def shorten(route):
        response = route.fetch()
        body = response.text()
        assert '"kiosk": false' in body
        route.fulfill(response=response, body=body.replace('"idle_seconds": 180', '"idle_seconds": 1'))

    page.route("**/help.html", shorten)
    page.goto(served_site + "help.html")
    page.wait_for_timeout(4000)
    assert page.locator("[data-wic-countdown]").count() == 0
    assert page.url == served_site + "help.html"
    assert page.console_errors == []


# ---- quick exit (every build) -------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["lo", "en"])
def test_quick_exit_button_on_every_page_most_prominent_on_sensitive_pages(built_site, lang):
    prefix = built_site if lang == "lo" else built_site / "en"
    pages = [p for p in prefix.rglob("*.html") if lang == "en" or "en" not in p.relative_to(built_site).parts]
    assert pages
    for p in pages:
        html = p.read_text(encoding="utf-8")
        assert 'class="wic-btn wic-exit' in html, f"{p}: no quick exit"
        if p.name != "404.html":  # Material renders the one 404 page in English
            assert ("ອອກດ່ວນ" if lang == "lo" else "Quick exit") in html, p
    rel = _sensitive(built_site, lang)
    assert "wic-exit-float" in (built_site / rel).read_text(encoding="utf-8")
    assert "wic-exit-float" not in (prefix / "index.html").read_text(encoding="utf-8")
    for name in ("sexual-harassment.html", "violence.html", "if-it-happens.html"):
        f = prefix / "women" / name
        if f.is_file():
            assert "wic-exit-float" in f.read_text(encoding="utf-8"), f


def test_quick_exit_by_button(page, built_site):
    _watch(page)
    home = (built_site / "index.html").as_uri()
    glossary = (built_site / "glossary.html").as_uri()
    sensitive = (built_site / _sensitive(built_site)).as_uri()
    page.goto(home)
    page.goto(glossary)
    page.goto(sensitive)
    page.evaluate("sessionStorage.setItem('visitor', 'secret')")
    page.click("button[data-wic-size=large]")
    page.locator(".wic-exit-float").click()
    page.wait_for_url(home, timeout=5000)
    assert _settle(page) == home
    before_back = len(page.dcl_log)
    assert page.evaluate("sessionStorage.getItem('visitor')") is None
    # The same visitor: the chosen text size stays until the idle reset.
    assert page.evaluate("document.documentElement.getAttribute('data-wic-size')") == "large"
    _back_reveals_nothing(page, home, _home_h1(built_site), [sensitive, glossary], before_back)
    # Browsing goes on normally afterwards: Back works between the new visitor's own pages.
    page.goto(glossary)
    page.go_back()
    assert _settle(page) == home
    page.go_forward()
    assert _settle(page) == glossary
    assert page.console_errors == []


def test_quick_exit_toolbar_button_from_english(page, built_site, served_site):
    page.goto(served_site + "en/index.html")
    page.goto(served_site + "en/glossary.html")
    page.locator(".wic-bar .wic-exit").click()
    page.wait_for_url(served_site + "index.html", timeout=5000)
    page.evaluate("setTimeout(() => history.back(), 0)")
    page.wait_for_timeout(300)
    assert _settle(page) == served_site + "index.html"
    assert page.console_errors == []


def test_quick_exit_by_escape_twice(page, built_site, served_site):
    home, sensitive = _read_a_sensitive_page(page, served_site, built_site)
    page.keyboard.press("Escape")
    page.wait_for_timeout(1500)  # one press, then a pause: nothing happens
    assert page.url == sensitive
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(home, timeout=5000)
    assert _settle(page) == home
    before_back = len(page.dcl_log)
    _back_reveals_nothing(page, home, _home_h1(built_site), [sensitive, served_site + "glossary.html"], before_back)
    assert page.console_errors == []


def test_a_phone_tab_reloaded_without_window_name_keeps_its_page(page, served_site):
    # Phones may drop window.name when they reload a tab they put to sleep; sessionStorage keeps the visit.
    page.goto(served_site + "glossary.html")
    page.goto(served_site + "help.html")
    page.evaluate("window.name = ''")
    page.reload()
    assert _settle(page) == served_site + "help.html"
    page.go_back()
    assert _settle(page) == served_site + "glossary.html"
    assert page.console_errors == []


# ---- reading aids and touch ---------------------------------------------------------------------

def test_text_size_and_contrast(page, built_site, served_site):
    page.goto(served_site + "help.html")

    def size():
        return page.evaluate("parseFloat(getComputedStyle(document.querySelector('article > p')).fontSize)")

    def key_points():  # Material sizes admonitions in rem: they must grow too
        return page.evaluate("parseFloat(getComputedStyle(document.querySelector('article .admonition')).fontSize)")

    normal, normal_box = size(), key_points()
    page.click("button[data-wic-size=large]")
    assert size() == pytest.approx(normal * 1.25, rel=0.02)
    assert key_points() == pytest.approx(normal_box * 1.25, rel=0.02)
    page.click("button[data-wic-size=larger]")
    assert size() == pytest.approx(normal * 1.5, rel=0.02)
    assert page.get_attribute("button[data-wic-size=larger]", "aria-pressed") == "true"
    page.click("button[data-wic-contrast]")
    page.wait_for_timeout(300)  # colour transitions
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    # Kept while this visitor moves between pages (sessionStorage) ...
    page.goto(served_site + "glossary.html")
    assert size() == pytest.approx(normal * 1.5, rel=0.02)
    assert page.evaluate("document.documentElement.classList.contains('wic-contrast')")
    # ... and back to normal leaves nothing stored.
    page.click("button[data-wic-size=normal]")
    page.click("button[data-wic-contrast]")
    assert size() == pytest.approx(normal, rel=0.02)
    assert page.evaluate("sessionStorage.getItem('wic-reading-aids')") is None
    assert page.console_errors == []


@pytest.mark.parametrize("viewport", [(1366, 768), (360, 740)])
def test_tap_targets_are_at_least_48px(browser, built_site, served_site, viewport):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, has_touch=True)
    page = context.new_page()
    try:
        for rel in ("index.html", _sensitive(built_site), "en/" + _sensitive(built_site, "en").removeprefix("en/")):
            page.goto(served_site + rel)
            small = page.evaluate("""() => [...document.querySelectorAll(
                  '.wic-bar a, .wic-bar button, .md-header a, .md-header label, .md-header button, .wic-exit-float')]
                .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
                .map(e => [e.className || e.tagName, e.getBoundingClientRect()])
                .filter(([, r]) => r.width < 47.5 || r.height < 47.5)
                .map(([c, r]) => c + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))""")
            assert small == [], f"{rel} at {viewport}: {small}"
            # Material's hover-only menus (language/version select) are not used.
            assert page.locator(".md-select").count() == 0
        if viewport[0] < 500:  # the navigation drawer on a phone
            page.click("label.md-header__button[for=__drawer]")
            page.wait_for_timeout(400)
            small = page.evaluate("""() => [...document.querySelectorAll('.md-sidebar--primary :is(a, label)')]
                .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
                .map(e => [e.className || e.tagName, e.getBoundingClientRect()])
                .filter(([, r]) => r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight)
                .filter(([, r]) => r.width < 47.5 || r.height < 47.5)
                .map(([c, r]) => c + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))""")
            assert small == [], f"drawer: {small}"
    finally:
        context.close()


def test_no_page_logs_a_console_error(page, built_site, kiosk_site, kiosk_url):
    failed = []  # the files that did not load, to say which are missing
    page.on("requestfailed", lambda r: failed.append(r.url.rsplit("/site/", 1)[-1]))
    visits = [(p.as_uri(), p.relative_to(built_site).as_posix()) for p in sorted(built_site.rglob("*.html"))
              # Material links the 404 page's assets from "/", so it only works from a server (below).
              if not (p.name == "404.html" and p.parent == built_site)]
    visits += [(kiosk_url + p.relative_to(kiosk_site).as_posix(), "kiosk " + p.relative_to(kiosk_site).as_posix())
               for p in sorted(kiosk_site.rglob("*.html"))]
    assert len(visits) > 4
    problems = []
    for url, name in visits:
        page.console_errors.clear()
        failed.clear()
        page.goto(url)
        if page.console_errors:
            problems.append(f"{name}: {page.console_errors[:2]} missing: {failed[:4]}")
    assert problems == []
    assert page.external_requests == []


# ---- the kiosk launcher -------------------------------------------------------------------------

def test_kiosk_command_line():
    cmd = kiosk.kiosk_command("http://127.0.0.1:8000/index.html", "/tmp/wic-profile-x", chromium="/usr/bin/chromium",
                              env={"DISPLAY": ":0"}, as_root=False)
    assert cmd[0] == "/usr/bin/chromium" and cmd[-1] == "http://127.0.0.1:8000/index.html"
    for flag in ("--kiosk", "--no-first-run", "--incognito", "--disable-translate", "--noerrdialogs",
                 "--disable-session-crashed-bubble", "--disable-infobars", "--user-data-dir=/tmp/wic-profile-x"):
        assert flag in cmd, flag
    assert not any("headless" in f for f in cmd)
    assert "--no-sandbox" not in cmd  # it would show a warning bar on the laptop
    features = [f for f in cmd if f.startswith("--disable-features=")]
    assert len(features) == 1  # Chromium honours only the last one
    assert {"Translate", "MediaRouter"} <= set(features[0].split("=", 1)[1].split(","))
    for flag in QUIET_FLAGS:
        if flag != "--no-sandbox" and not flag.startswith("--disable-features="):
            assert flag in cmd, flag
    assert len(cmd) == len(set(cmd))
    assert "--ozone-platform=wayland" not in cmd

    as_root = kiosk.kiosk_command("http://x/", "/p", chromium="c", env={"DISPLAY": ":0"}, as_root=True)
    assert "--no-sandbox" in as_root
    wayland = kiosk.kiosk_command("http://x/", "/p", chromium="c", env={"WAYLAND_DISPLAY": "wayland-0"}, as_root=False)
    assert "--ozone-platform=wayland" in wayland


def test_have_display():
    assert kiosk.have_display({"DISPLAY": ":0"})
    assert kiosk.have_display({"WAYLAND_DISPLAY": "wayland-0"})
    assert not kiosk.have_display({})
    assert not kiosk.have_display({"DISPLAY": ""})


def _fake_browser(tmp_path: Path, body: str) -> Path:
    """An executable that stands in for Chromium: logs its profile folder, then runs `body`."""
    script = tmp_path / "fake-chromium"
    log = tmp_path / "starts.log"
    script.write_text(f"""#!{sys.executable}
import os, sys, time
profile = [a.split('=', 1)[1] for a in sys.argv if a.startswith('--user-data-dir=')][0]
with open({str(log)!r}, 'a') as f:
    f.write(profile + ' ' + str(os.path.isdir(profile)) + ' ' + str(len(os.listdir(profile))) + ' ' + sys.argv[-1] + '\\n')
{body}
""")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def _wait(cond, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.05)
    return False


def test_restart_loop_starts_the_browser_again_with_a_fresh_profile(tmp_path):
    fake = _fake_browser(tmp_path, "sys.exit(0)")  # a visitor closes the browser at once, again and again
    messages = []
    k = kiosk.KioskBrowser("http://127.0.0.1:1/index.html", str(fake), restart_delay=0.05, fast_exit_seconds=0,
                           log=messages.append).start()
    log = tmp_path / "starts.log"
    try:
        assert _wait(lambda: log.is_file() and len(log.read_text().splitlines()) >= 3)
    finally:
        k.stop()
    lines = [line for line in log.read_text().splitlines() if line.endswith("/index.html")]
    profiles = [line.split()[0] for line in lines]
    assert len(set(profiles)) == len(profiles) >= 3          # a new profile at each start ...
    assert all(line.split()[1:3] == ["True", "1"] for line in lines)  # ... that exists, holding only "Default"
    assert all(line.split()[3] == "http://127.0.0.1:1/index.html" for line in lines)
    assert not any(Path(p).exists() for p in profiles)       # ... and is thrown away afterwards
    starts = k.starts
    time.sleep(0.3)
    assert k.starts == starts  # stopped: no more restarts


def test_a_fresh_profile_switches_off_translation():
    profile = Path(kiosk.make_profile())
    try:
        assert [p.name for p in profile.iterdir()] == ["Default"]
        prefs = json.loads((profile / "Default" / "Preferences").read_text(encoding="utf-8"))
        assert prefs["translate"]["enabled"] is False
    finally:
        shutil.rmtree(profile)


def test_a_browser_that_fails_to_start_is_retried_more_slowly(tmp_path):
    fake = _fake_browser(tmp_path, "sys.exit(1)")
    messages = []
    k = kiosk.KioskBrowser("http://127.0.0.1:1/", str(fake), restart_delay=0.05, fast_exit_seconds=60,
                           max_restart_delay=0.2, log=messages.append).start()
    try:
        assert _wait(lambda: len(k.waits) >= 4)
    finally:
        k.stop()
    assert messages and "exit code 1" in messages[0]
    assert k.waits[:4] == [0.05, 0.1, 0.2, 0.2]  # waits longer each time, up to the limit


def test_stop_closes_a_running_browser(tmp_path):
    fake = _fake_browser(tmp_path, "time.sleep(60)")
    k = kiosk.KioskBrowser("http://127.0.0.1:1/", str(fake), restart_delay=0.05).start()
    try:
        assert _wait(lambda: k.running)
        proc = k._proc
    finally:
        started = time.monotonic()
        k.stop()
    assert time.monotonic() - started < 5
    assert proc.poll() is not None
    assert k.starts == 1 and not k.running


def test_without_a_screen_it_only_serves(caplog, tmp_path):
    assert kiosk.start_kiosk_browser("http://127.0.0.1:8000/", None, env={}) is None
    assert "no screen" in caplog.text


def test_it_tells_whether_the_site_is_a_kiosk_build(built_site, kiosk_site, tmp_path):
    assert kiosk.site_is_kiosk_build(kiosk_site) is True
    assert kiosk.site_is_kiosk_build(built_site) is False
    assert kiosk.site_is_kiosk_build(tmp_path) is None


def test_kiosk_build_config(built_site, kiosk_site):
    def cfg(site):
        html = (site / "en" / "help.html").read_text(encoding="utf-8")
        return re.search(r'<script id="wic-config" type="application/json">(.*?)</script>', html).group(1)
    assert '"kiosk": true' in cfg(kiosk_site) and '"idle_seconds": 3' in cfg(kiosk_site)
    assert '"kiosk": false' in cfg(built_site)


# ---- autostart files ----------------------------------------------------------------------------

@pytest.fixture()
def installed(tmp_path):
    """Run deploy/install-autostart.sh into a throw-away home folder; return the config folder."""
    wic = shutil.which("wic") or str(Path(sys.executable).parent / "wic")
    assert Path(wic).is_file()
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / ".config"), "WIC": wic,
           "WIC_NO_SYSTEMCTL": "1"}
    for mode in ("--desktop", "--systemd"):
        subprocess.run(["sh", str(DEPLOY / "install-autostart.sh"), mode], env=env, check=True, capture_output=True)
    return SimpleNamespace(config=tmp_path / ".config", wic=wic, env=env)


def _read_ini(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def test_autostart_desktop_entry(installed):
    path = installed.config / "autostart" / "wic-kiosk.desktop"
    entry = _read_ini(path)["Desktop Entry"]
    for key in ("Type", "Name", "Exec"):
        assert entry.get(key), key
    assert entry["Type"] == "Application"
    exec_ = entry["Exec"].split()
    assert exec_[0] == installed.wic and Path(exec_[0]).is_file()
    assert exec_[1:] == ["--project", str(PROJECT), "serve", "--kiosk"]
    assert entry["Path"] == str(PROJECT)
    assert "@" not in path.read_text(encoding="utf-8")
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_systemd_user_unit(installed):
    path = installed.config / "systemd" / "user" / "wic-kiosk.service"
    unit = _read_ini(path)
    assert unit["Unit"]["Description"]
    assert unit["Service"]["ExecStart"].split() == [installed.wic, "--project", str(PROJECT), "serve", "--kiosk"]
    assert unit["Service"]["Restart"] == "on-failure"
    assert unit["Install"]["WantedBy"] == "graphical-session.target"
    assert "@" not in path.read_text(encoding="utf-8")
    if shutil.which("systemd-analyze"):
        result = subprocess.run(["systemd-analyze", "verify", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert str(path) not in result.stderr, result.stderr  # no warnings about our file


def test_autostart_remove(installed):
    subprocess.run(["sh", str(DEPLOY / "install-autostart.sh"), "--remove"], env=installed.env, check=True,
                   capture_output=True)
    assert not (installed.config / "autostart" / "wic-kiosk.desktop").exists()
    assert not (installed.config / "systemd" / "user" / "wic-kiosk.service").exists()
