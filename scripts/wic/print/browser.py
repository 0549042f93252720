"""Start Debian's Chromium through Playwright (never a downloaded browser).

Used by poster rendering, the kiosk launcher's tests, the test suite and the benchmarks.
The flags keep Chromium from calling home, which on an offline kiosk only produces errors.
"""

from __future__ import annotations

import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
QUIET_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-features=Translate,MediaRouter,OptimizationHints",
    "--no-default-browser-check", "--password-store=basic",
]


def chromium_path(override: str = "") -> str:
    """The Chromium to drive: the `chromium` setting of the wic plugin if given, else Debian's."""
    for candidate in ([override] if override else []) + list(CHROMIUM_CANDIDATES):
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium")
    if found:
        return found
    raise RuntimeError("Debian's Chromium was not found. Install it with 'sudo apt-get install chromium' "
                       "(the README's setup command does this), or set 'chromium:' under the wic plugin in mkdocs.yml.")


# Playwright's sync API cannot start inside itself: a second sync_playwright() in a thread that
# already drives a browser fails with "using Playwright Sync API inside the asyncio loop". A print
# run started while a browser is open (a test session's, a benchmark's) borrows that browser
# instead of starting its own.
_open = threading.local()


@contextmanager
def launched_browser(headless: bool = True, chromium: str = ""):
    """Yield a Playwright Browser on Debian's Chromium, with a throw-away profile; the browser this
    thread already has open when there is one (each caller still gets its own contexts)."""
    outer = getattr(_open, "browser", None)
    if outer is not None and outer.is_connected():
        yield outer
        return
    from playwright.sync_api import sync_playwright

    # launch() gives every run a fresh temporary profile of its own.
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(chromium), headless=headless, args=QUIET_FLAGS)
        _open.browser = browser
        try:
            yield browser
        finally:
            _open.browser = None
            browser.close()
