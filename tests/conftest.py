"""Shared fixtures: the site is built once per test session into a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wic.build import build_site
from wic.serve import serve_in_thread

PROJECT = Path(__file__).resolve().parents[1]


def _build(dest: Path, env: dict[str, str]) -> Path:
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        return build_site(PROJECT, dest)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture(scope="session")
def project() -> Path:
    return PROJECT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site as `wic build` makes it (no kiosk behaviour)."""
    return _build(tmp_path_factory.mktemp("build") / "site", {"WIC_KIOSK": "false"})


@pytest.fixture(scope="session")
def kiosk_site(tmp_path_factory) -> Path:
    """The kiosk build, with a short idle time so tests do not wait minutes."""
    return _build(tmp_path_factory.mktemp("kiosk") / "site", {"WIC_KIOSK": "true", "WIC_IDLE_SECONDS": "3"})


@pytest.fixture(scope="session")
def served_site(built_site):
    server, url = serve_in_thread(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from wic.browser import launched_browser

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
