"""The print engine: Debian's Chromium (through Playwright) lays out a page of our HTML on paper,
fits its text to the sheet, and writes PDF and PNG. Posters use it; handouts can use it next.

One browser page is loaded once with the fonts, the caller's stylesheet and the fitting script;
each document is then swapped in, which keeps a print at about a tenth of a second.
"""

from __future__ import annotations

import base64
import logging
import time
from contextlib import ExitStack
from pathlib import Path

from .browser import launched_browser

log = logging.getLogger("mkdocs.plugins.wic")

HERE = Path(__file__).resolve().parent
# Paper sizes in millimetres (portrait). Designs are in rem and the root font size follows the
# page width, so A3 is A4 scaled up by sqrt(2): one layout, checked again at each size.
SIZES = {"a4": (210.0, 297.0), "a3": (297.0, 420.0)}
ROOT_MM_PER_WIDTH = 4.0 / 210.0     # A4: 1rem = 4 mm
MM_TO_PX = 96 / 25.4
FONT_FILES = "noto-sans-lao-looped-{subset}-{weight}-normal.woff2"


def font_faces(fonts_dir: Path) -> str:
    """The vendored fonts as data: URLs, so a printed page loads nothing from anywhere."""
    rules = []
    for weight in (400, 700):
        for subset, rng in (("lao", "U+0E80-0EFF, U+200B-200D, U+25CC"), ("latin", None)):
            path = fonts_dir / FONT_FILES.format(subset=subset, weight=weight)
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            rng_rule = f" unicode-range: {rng};" if rng else ""
            rules.append(f'@font-face {{ font-family: "WIC Lao"; font-style: normal; font-weight: {weight};'
                         f' font-display: block; src: url(data:font/woff2;base64,{data}) format("woff2");{rng_rule} }}')
    return "\n".join(rules)


def shell_html(fonts_dir: Path, css: str) -> str:
    js = (HERE / "fit.js").read_text(encoding="utf-8")
    return ("<!doctype html><html><head><meta charset=\"utf-8\"><title>print</title>"
            f"<style>{font_faces(fonts_dir)}</style><style>{css}</style><style id=\"page-size\"></style>"
            f"<script>{js}</script></head><body></body></html>")


def page_css(size: str) -> str:
    w, h = SIZES[size]
    root = w * ROOT_MM_PER_WIDTH
    return (f"@page {{ size: {w}mm {h}mm; margin: 0; }}\n"
            f"html {{ font-size: {root:.4f}mm; }}\n"
            f"body > * {{ width: {w}mm; height: {h}mm; }}")


class PrintPage:
    """One browser page holding the shell; documents are shown, fitted, then printed."""

    def __init__(self, browser, shell: str, thumb_width: int = 400):
        a4_w = SIZES["a4"][0] * MM_TO_PX
        a3_w, a3_h = (v * MM_TO_PX for v in SIZES["a3"])
        self.context = browser.new_context(viewport={"width": int(a3_w) + 1, "height": int(a3_h) + 1},
                                           device_scale_factor=thumb_width / a4_w)
        # Block anything that is not the page itself: a print must not depend on the network.
        self.context.route("**/*", lambda route: route.abort()
                           if not route.request.url.startswith(("data:", "about:")) else route.continue_())
        self.page = self.context.new_page()
        self.page.emulate_media(media="print")
        self.page.set_content(shell, wait_until="load")
        self.page.evaluate("Promise.all([document.fonts.load('400 20px \"WIC Lao\"', 'ກa'),"
                           " document.fonts.load('700 20px \"WIC Lao\"', 'ກa')])")

    def close(self) -> None:
        self.context.close()

    def show(self, body: str, size: str, title: str, min_fit: float, max_fit: float, hint: dict | None = None) -> dict:
        """Lay the document out on the paper; {'ok', 'fit', 'problems'} from the fitting script."""
        return self.page.evaluate("([b, css, t, lo, hi, h]) => window.wicPrint.show(b, css, t, lo, hi, h)",
                                  [body, page_css(size), title, min_fit, max_fit, hint])

    def pdf(self, path: Path) -> None:
        # Chromium now and then answers "Printing failed" under load; the same call then works.
        for attempt in range(3):
            try:
                self.page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
                return
            except Exception as exc:  # noqa: BLE001 - playwright's Error; anything else is re-raised
                if "Printing failed" not in str(exc) or attempt == 2:
                    raise
                log.debug("Chromium: printing failed, trying again (%s)", exc)
                time.sleep(0.2 * (attempt + 1))

    def png(self, path: Path, size: str) -> None:
        w, h = (v * MM_TO_PX for v in SIZES[size])
        self.page.screenshot(path=str(path), type="png", clip={"x": 0, "y": 0, "width": w, "height": h})


def print_document(html: str, path: Path, chromium: str = "", browser=None) -> None:
    """A document that flows over as many pages as it needs (its own @page rule sets the paper)."""
    with ExitStack() as stack:
        if browser is None:
            browser = stack.enter_context(launched_browser(chromium=chromium))
        context = browser.new_context()
        stack.callback(context.close)
        context.route("**/*", lambda route: route.abort()
                      if not route.request.url.startswith(("data:", "about:")) else route.continue_())
        page = context.new_page()
        page.set_content(html, wait_until="load")
        page.evaluate("document.fonts.ready")
        page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)


class LazyPrinter:
    """Starts Chromium and the print page only when something actually has to be printed."""

    def __init__(self, shell: str, browser=None, chromium: str = ""):
        self.shell, self.browser, self.chromium = shell, browser, chromium
        self._stack: ExitStack | None = None
        self._page: PrintPage | None = None

    def __getattr__(self, name):
        if self._page is None:
            if self.browser is None:
                self._stack = ExitStack()
                self.browser = self._stack.enter_context(launched_browser(chromium=self.chromium))
            self._page = PrintPage(self.browser, self.shell)
        return getattr(self._page, name)

    def close(self) -> None:
        if self._page is not None:
            self._page.close()
        if self._stack is not None:
            self._stack.close()
