"""axe-core on every page of a built site: each page loaded once per mode (normal and the
toolbar's high contrast) and checked at both window sizes, in four browser contexts at work at
once (two per mode), which keeps the audit to a few minutes on a 2-core machine.

Shared by tests/test_accessibility.py (no critical or serious violation) and
benchmarks/bench_accessibility.py (counts by impact), so both measure the same way. axe-core is
vendored next to this file (vendor/axe.min.js, MPL-2.0); nothing is fetched.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from wic.print.browser import QUIET_FLAGS, chromium_path

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 740}}
MODES = {"normal": False, "contrast": True}
WORKERS_PER_MODE = 2

RUN_AXE = """async () => {
  const r = await axe.run(document, {resultTypes: ["violations"], preload: false});
  return {
    violations: r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
      where: v.nodes[0].target.join(" "), why: (v.nodes[0].failureSummary || "").split("\\n").slice(0, 2).join(" ")})),
    scroll_width: document.documentElement.scrollWidth,
    contrast: document.documentElement.classList.contains("wic-contrast"),
  };
}"""


async def _audit_mode(browser, pages: list[Path], contrast: bool) -> list[dict]:
    context = await browser.new_context(viewport=VIEWPORTS["desktop"])
    if contrast:
        await context.add_init_script(
            "try { sessionStorage.setItem('wic-reading-aids', JSON.stringify({contrast: true})); } catch (e) {}")
    await context.add_init_script(path=str(AXE))
    await context.route("**/*", lambda route: route.abort() if not route.request.url.startswith(("file:", "data:"))
                        else route.continue_())
    page = await context.new_page()
    results = []
    for path in pages:
        await page.set_viewport_size(VIEWPORTS["desktop"])
        await page.goto(path.as_uri())
        for name, size in VIEWPORTS.items():
            await page.set_viewport_size(size)
            found = await page.evaluate(RUN_AXE)
            results.append({"page": path, "viewport": name, "mode": "contrast" if contrast else "normal", **found})
    await context.close()
    return results


async def _audit(pages: list[Path]) -> list[dict]:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium_path(), headless=True, args=QUIET_FLAGS)
        try:
            # Per mode, two contexts share the pages: four pages at work at once keep both cores busy.
            runs = await asyncio.gather(*(_audit_mode(browser, pages[half::WORKERS_PER_MODE], c)
                                          for c in MODES.values() for half in range(WORKERS_PER_MODE)))
        finally:
            await browser.close()
    return [r for run in runs for r in run]


def audit_pages(pages: list[Path]) -> list[dict]:
    """One result per page, size and mode: {page, viewport, mode, violations, scroll_width, contrast}."""
    # A sync Playwright (a test session's browser) may own this thread's event loop: the audit
    # runs its own loop in a thread of its own.
    box: dict = {}

    def work():
        try:
            box["results"] = asyncio.run(_audit(pages))
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
            box["error"] = exc

    t = threading.Thread(target=work)
    t.start()
    t.join()
    if "error" in box:
        raise box["error"]
    return box["results"]
