"""Render every poster to PDF (A4 and A3; Lao, English, bilingual) and a PNG thumbnail, in one warm
Chromium (Debian's, through Playwright), into <site>/posters/.

Each poster is rendered on its own: one that fails (bad definition, text that cannot fit at a
readable size, a browser error) is named with its reason, the others still render, and the run
ends with a PosterError listing the failures (so `wic build` keeps the previous site).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..build import BuildError
from ..content import load_content
from ..formatting import format_value
from ..problems import ERROR, ContentError
from .cache import PosterCache
from .layout import LAYOUTS, SIZES, page_css, poster_page, shell_html
from .model import Poster, load_posters

POSTERS_DIR = "posters"
# Message text at fit 1 is 1.9rem = 7.6 mm (21.5 pt) on A4. Below 13 pt on A4 (18 pt on A3, which is
# read from further away) a poster is not readable from a step back: fail instead of printing it.
MESSAGE_PT_AT_FIT_1 = 1.9 * 4.0 / 25.4 * 72
MIN_MESSAGE_PT = 13.0
MIN_FIT = round(MIN_MESSAGE_PT / MESSAGE_PT_AT_FIT_1, 3)
MAX_FIT = 1.3
THUMB_WIDTH = 400                     # px of the gallery thumbnails
THUMB_LAYOUTS = ("lo", "en")          # the gallery shows each language's own poster
MM_TO_PX = 96 / 25.4


class PosterError(BuildError):
    """One or more posters could not be rendered; the message names each one and why."""

    def __init__(self, failures: dict[str, str]):
        self.failures = failures
        lines = [f"poster '{key}': {why}" for key, why in failures.items()]
        super().__init__(f"{len(failures)} poster(s) failed:\n" + "\n".join(lines))


class PosterFitError(Exception):
    """The text does not fit the page at a readable size."""


@dataclass
class PosterResult:
    key: str
    files: list[str] = field(default_factory=list)
    fits: dict[str, float] = field(default_factory=dict)     # "lo-a4": text scale
    seconds: float = 0.0
    error: str | None = None
    reused: int = 0                                           # PDFs copied from the render cache


def _mkdocs_config(project: Path) -> dict:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !ENV and !!python tags: read past them (we only need plain values).
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    try:
        return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader) or {}
    except (OSError, yaml.YAMLError):
        return {}


def _plugin_config(config: dict) -> dict:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "wic" in plugin:
            return plugin["wic"] or {}
    return {}


def resolve_base_url(project: Path, base_url: str | None = None) -> str:
    """--base-url, else $WIC_POSTER_BASE_URL, else the wic plugin's poster_base_url, else site_url."""
    config = _mkdocs_config(project)
    for candidate in (base_url, os.environ.get("WIC_POSTER_BASE_URL"), _plugin_config(config).get("poster_base_url"),
                      config.get("site_url"), "http://127.0.0.1:8000/"):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip().rstrip("/") + "/"
    raise AssertionError("unreachable")


def lao_digits_setting(project: Path) -> bool:
    return bool(_plugin_config(_mkdocs_config(project)).get("lao_digits", False))


def pdf_name(key: str, layout: str, size: str) -> str:
    return f"{key}-{layout}-{size}.pdf"


def thumb_name(key: str, layout: str) -> str:
    return f"{key}-{layout}.png"


class PosterRenderer:
    """One browser page, loaded once with fonts, styles and the fitting script; posters are swapped in."""

    def __init__(self, browser):
        a4_w = SIZES["a4"][0] * MM_TO_PX
        a3_w, a3_h = (v * MM_TO_PX for v in SIZES["a3"])
        self.context = browser.new_context(viewport={"width": int(a3_w) + 1, "height": int(a3_h) + 1},
                                           device_scale_factor=THUMB_WIDTH / a4_w)
        # Block anything that is not the page itself: a poster must not depend on the network.
        self.context.route("**/*", lambda route: route.abort()
                           if not route.request.url.startswith(("data:", "about:")) else route.continue_())
        self.page = self.context.new_page()
        self.page.emulate_media(media="print")
        self.page.set_content(shell_html(), wait_until="load")
        self.page.evaluate("Promise.all([document.fonts.load('400 20px \"WIC Lao\"', 'ກa'),"
                           " document.fonts.load('700 20px \"WIC Lao\"', 'ກa')])")

    def close(self) -> None:
        self.context.close()

    def show(self, body: str, size: str, title: str, hint: dict | None = None) -> dict:
        return self.page.evaluate("([b, css, t, lo, hi, h]) => window.wicPoster.show(b, css, t, lo, hi, h)",
                                  [body, page_css(size), title, MIN_FIT, MAX_FIT, hint])

    def pdf(self, path: Path) -> None:
        # Chromium now and then answers "Printing failed" under load; the same call then works.
        for attempt in range(3):
            try:
                self.page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
                return
            except Exception as exc:  # noqa: BLE001 - playwright's Error; anything else is re-raised
                if "Printing failed" not in str(exc) or attempt == 2:
                    raise
                time.sleep(0.2 * (attempt + 1))

    def thumbnail(self, path: Path, size: str) -> None:
        w, h = (v * MM_TO_PX for v in SIZES[size])
        self.page.screenshot(path=str(path), type="png", clip={"x": 0, "y": 0, "width": w, "height": h})


class LazyRenderer:
    """Starts Chromium and the poster page only when a poster actually has to be printed."""

    def __init__(self, browser=None):
        self.browser = browser
        self._stack = None
        self._renderer: PosterRenderer | None = None

    def __getattr__(self, name):
        if self._renderer is None:
            if self.browser is None:
                from contextlib import ExitStack

                from ..browser import launched_browser
                self._stack = ExitStack()
                self.browser = self._stack.enter_context(launched_browser())
            self._renderer = PosterRenderer(self.browser)
        return getattr(self._renderer, name)

    def close(self) -> None:
        if self._renderer is not None:
            self._renderer.close()
        if self._stack is not None:
            self._stack.close()


def render_one(renderer, poster: Poster, content, base_url: str, out_dir: Path,
               layouts=LAYOUTS, sizes=tuple(SIZES), thumbnails: bool = True, lao_digits: bool = False,
               progress=None, cache: PosterCache | None = None) -> PosterResult:
    result = PosterResult(poster.key)
    start = time.perf_counter()
    cache = cache or PosterCache(None, "")
    try:
        for layout in layouts:
            page = poster_page(poster, layout, content, base_url, lao_digits)
            hint = None
            for size in sizes:
                names = {"pdf": pdf_name(poster.key, layout, size)}
                if thumbnails and size == "a4" and layout in THUMB_LAYOUTS:
                    names["png"] = thumb_name(poster.key, layout)
                key = cache.key(page.body, page.title, page_css(size), hint, MIN_FIT, MAX_FIT, sorted(names))
                fit = cache.get(key, names, out_dir)
                if fit is not None:
                    hint = {"fit": fit["fit"]}
                    result.fits[f"{layout}-{size}"] = fit["fit"]
                    result.files.extend(names.values())
                    result.reused += 1
                    continue
                fit = renderer.show(page.body, size, page.title, hint)
                if not fit["ok"]:
                    why = "; ".join(fit["problems"]) or "does not fit"
                    raise PosterFitError(
                        f"{layout} {size.upper()}: the text does not fit on one page even at the smallest readable "
                        f"size ({MIN_MESSAGE_PT:g} pt messages on A4): {why} — shorten the title or the messages "
                        f"in {poster.path}, or use fewer messages or contacts")
                hint = {"fit": fit["fit"]}
                result.fits[f"{layout}-{size}"] = fit["fit"]
                name = pdf_name(poster.key, layout, size)
                renderer.pdf(out_dir / name)
                result.files.append(name)
                if "png" in names:
                    renderer.thumbnail(out_dir / names["png"], size)
                    result.files.append(names["png"])
                cache.put(key, names, out_dir, {"fit": fit["fit"]})
                if progress:
                    progress(f"{layout}-{size}")
    except PosterFitError as exc:
        result.error = str(exc)
    except Exception as exc:  # noqa: BLE001 - one poster's failure must not stop the others
        result.error = f"{type(exc).__name__}: {exc}".strip()
    if result.error:
        for name in result.files:
            (out_dir / name).unlink(missing_ok=True)
        result.files = []
    result.seconds = time.perf_counter() - start
    return result


def _manifest(posters: list[Poster], results: dict[str, PosterResult], content, base_url: str,
              lao_digits: bool) -> dict:
    from .model import contacts_used, facts_used

    items = []
    for poster in posters:
        res = results.get(poster.key)
        if res is None or res.error:
            continue
        facts = {}
        for key in facts_used(poster, content):
            f = content.facts[key]
            facts[key] = {lang: format_value(f.value, f.unit, lang, lao_digits) for lang in ("lo", "en")}
        contacts = {k: content.contacts[k].phone for k in contacts_used(poster, content)}
        dates = [content.facts[k].checked for k in facts] + [content.contacts[k].checked for k in contacts]
        items.append({
            "key": poster.key, "source": poster.path, "title": poster.title, "page": poster.page,
            "url": {lang: poster.page_url(base_url, lang) for lang in ("lo", "en")},
            "checked": min(dates).isoformat() if dates else None,
            "facts": facts, "contacts": contacts, "files": res.files, "fit": res.fits,
        })
    return {"base_url": base_url, "layouts": list(LAYOUTS), "sizes": list(SIZES), "posters": items}


def render_posters(project: Path, site_dir: Path, base_url: str | None = None, only: list[str] | None = None,
                   browser=None, out=None, thumbnails: bool = True, posters_dir: Path | None = None,
                   use_cache: bool = True) -> list[PosterResult]:
    """Render all posters (or `only` these keys) into site_dir/posters/. Raises PosterError if any failed."""
    out = out or (lambda line: print(line, flush=True))
    project = Path(project).resolve()
    site_dir = Path(site_dir).resolve()
    content = load_content(project / "content-src")
    if content.errors:
        raise ContentError(content.errors)
    base_url = resolve_base_url(project, base_url)
    lao_digits = lao_digits_setting(project)
    posters, problems = load_posters(posters_dir or project / "content-src" / "posters", content, project / "docs")

    failures: dict[str, str] = {}
    for p in problems:
        if p.level == ERROR:
            key = Path(p.path).stem
            failures.setdefault(key, str(p))
        else:
            out(f"  {p}")
    if only:
        unknown = [k for k in only if k not in {p.key for p in posters} and k not in failures]
        for k in unknown:
            failures[k] = "no such poster in content-src/posters/"
        posters = [p for p in posters if p.key in only]
        failures = {k: v for k, v in failures.items() if k in only}

    target = site_dir / POSTERS_DIR
    # A full run writes into a fresh folder and swaps it in at the end, so the site never holds
    # posters from two runs; a partial run (--only) updates the existing folder.
    work = target if only else site_dir / f".posters-new-{os.getpid()}"
    if not only:
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)

    n_pdfs = len(posters) * len(LAYOUTS) * len(SIZES)
    out(f"Rendering {len(posters)} poster(s) × {len(LAYOUTS)} layouts × {len(SIZES)} sizes = {n_pdfs} PDFs "
        f"into {target} (QR codes to {base_url})")
    results: dict[str, PosterResult] = {}
    start = time.perf_counter()

    cache = PosterCache(project / ".cache" / "posters" if use_cache else None, shell_html())

    def run(b) -> None:
        renderer = LazyRenderer(b)
        try:
            width = max((len(p.key) for p in posters), default=0)
            for i, poster in enumerate(posters, start=1):
                prefix = f"[{i:>2}/{len(posters)}] {poster.key:<{width}}"
                res = render_one(renderer, poster, content, base_url, work, thumbnails=thumbnails,
                                 lao_digits=lao_digits, cache=cache)
                results[poster.key] = res
                if res.error:
                    failures[poster.key] = res.error
                    out(f"{prefix}  FAILED: {res.error}")
                else:
                    low = min(res.fits.values()) if res.fits else 1
                    out(f"{prefix}  {len(res.files)} files  text scale {low:.2f}  {res.seconds:.2f} s")
        finally:
            renderer.close()

    try:
        if posters:
            run(browser)
        manifest = _manifest(posters, results, content, base_url, lao_digits)
        if only and (work / "posters.json").is_file():
            old = json.loads((work / "posters.json").read_text(encoding="utf-8"))
            keep = [p for p in old.get("posters", []) if p["key"] not in {x["key"] for x in manifest["posters"]}]
            manifest["posters"] = sorted(keep + manifest["posters"], key=lambda p: p["key"])
        (work / "posters.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    except BaseException:
        if work != target:
            shutil.rmtree(work, ignore_errors=True)
        raise
    if work != target:
        shutil.rmtree(target, ignore_errors=True)
        os.replace(work, target)
    from .gallery import insert_thumbnails

    insert_thumbnails(site_dir)

    done = [r for r in results.values() if not r.error]
    total = time.perf_counter() - start
    n_files = sum(len(r.files) for r in done)
    per = (sum(r.seconds for r in done) / len(done)) if done else 0
    reused = sum(r.reused for r in done)
    out(f"Posters: {len(done)} of {len(done) + len(failures)} rendered ({n_files} files) in {total:.1f} s "
        f"({per:.2f} s a poster, {per / (len(LAYOUTS) * len(SIZES)):.2f} s a PDF)"
        + (f"; {reused} unchanged PDFs reused from {cache.folder}" if reused else ""))
    if failures:
        raise PosterError(failures)
    return list(results.values())


def poster_step(project: Path, base_url: str | None = None, out=None):
    """A build step for build_site(..., extra_steps=[poster_step(project, base_url)])."""

    def step(site_dir: Path) -> None:
        render_posters(project, site_dir, base_url=base_url, out=out)

    return step

