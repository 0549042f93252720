"""Shared fixtures: the site is built once per test session into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from wic.pipeline.build import build_site
from wic.serve.server import serve_in_thread
from wic.settings import load_settings

PROJECT = Path(__file__).resolve().parents[1]


def _build(dest: Path, **overrides) -> Path:
    # Posters are rendered and tested on their own (test_posters.py); the pages do not need them.
    return build_site(load_settings(PROJECT, site_dir=dest, **overrides), posters=False, zim=False)


@pytest.fixture(scope="session")
def project() -> Path:
    return PROJECT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site as `wic build` makes it (no kiosk behaviour)."""
    return _build(tmp_path_factory.mktemp("build") / "site", profile="site")


@pytest.fixture(scope="session")
def kiosk_site(tmp_path_factory) -> Path:
    """The kiosk build, with a short idle time so tests do not wait minutes."""
    return _build(tmp_path_factory.mktemp("kiosk") / "site", profile="kiosk", idle_seconds=3)


@pytest.fixture(scope="session")
def served_site(built_site):
    server, url = serve_in_thread(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from wic.print.browser import launched_browser

    with launched_browser() as b:
        yield b


@pytest.fixture()
def page(browser):
    """A fresh browser context per test; console errors and off-machine requests are recorded."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    pg = context.new_page()
    pg.console_errors = []
    pg.external_requests = []
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    pg.on("request", lambda r: pg.external_requests.append(r.url)
          if not r.url.startswith(("file:", "data:", "blob:", "about:", "http://127.0.0.1")) else None)
    yield pg
    context.close()
