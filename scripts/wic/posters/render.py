"""Render every poster to PDF (A4 and A3; Lao, English, bilingual) and a PNG thumbnail, through
the print engine, into <site>/posters/.

Each poster is rendered on its own: one that fails (bad definition, text that cannot fit at a
readable size, a browser error) is named with its reason, the others still render, and the run
ends with a PosterError listing the failures (so `wic build` keeps the previous site).
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..content import Content, load_content
from ..errors import ERROR, ContentError, PosterError
from ..print.cache import PrintCache
from ..print.engine import SIZES, LazyPrinter, page_css, shell_html
from ..settings import Settings
from ..text.formatting import format_value
from .files import POSTERS_DIR, THUMB_LAYOUTS, pdf_name, thumb_name
from .gallery import insert_thumbnails
from .layout import HERE, LAYOUTS, poster_page
from .model import Poster, contacts_used, facts_used, load_posters

log = logging.getLogger("mkdocs.plugins.wic")

# Message text at fit 1 is 1.9rem = 7.6 mm (21.5 pt) on A4. Below 13 pt on A4 (18 pt on A3, which is
# read from further away) a poster is not readable from a step back: fail instead of printing it.
MESSAGE_PT_AT_FIT_1 = 1.9 * 4.0 / 25.4 * 72
MIN_MESSAGE_PT = 13.0
MIN_FIT = round(MIN_MESSAGE_PT / MESSAGE_PT_AT_FIT_1, 3)
MAX_FIT = 1.3


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


def poster_shell(settings: Settings) -> str:
    """The print engine's page, with the vendored fonts from the project's theme folder."""
    fonts = (settings.theme_dir or settings.project / "overrides") / "assets" / "wic" / "fonts"
    return shell_html(fonts, (HERE / "poster.css").read_text(encoding="utf-8"))


def render_one(printer, poster: Poster, content, base_url: str, out_dir: Path,
               layouts=LAYOUTS, sizes=tuple(SIZES), thumbnails: bool = True, lao_digits: bool = False,
               progress=None, cache: PrintCache | None = None) -> PosterResult:
    result = PosterResult(poster.key)
    start = time.perf_counter()
    cache = cache or PrintCache(None, "")
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
                fit = printer.show(page.body, size, page.title, MIN_FIT, MAX_FIT, hint)
                if not fit["ok"]:
                    why = "; ".join(fit["problems"]) or "does not fit"
                    raise PosterFitError(
                        f"{layout} {size.upper()}: the text does not fit on one page even at the smallest readable "
                        f"size ({MIN_MESSAGE_PT:g} pt messages on A4): {why} — shorten the title or the messages "
                        f"in {poster.path}, or use fewer messages or contacts")
                hint = {"fit": fit["fit"]}
                result.fits[f"{layout}-{size}"] = fit["fit"]
                name = pdf_name(poster.key, layout, size)
                printer.pdf(out_dir / name)
                result.files.append(name)
                if "png" in names:
                    printer.png(out_dir / names["png"], size)
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


def render_posters(settings: Settings, site_dir: Path, content: Content | None = None, only: list[str] | None = None,
                   browser=None, out=None, thumbnails: bool = True, posters_dir: Path | None = None,
                   use_cache: bool = True) -> list[PosterResult]:
    """Render all posters (or `only` these keys) into site_dir/posters/. Raises PosterError if any failed.

    The posters come from the content as loaded for the build (content.extras["posters"]), so a
    build reads them once; `posters_dir` loads another folder instead (tests, previews).
    """
    out = out or log.info
    site_dir = Path(site_dir)
    content = content or load_content(settings.content_dir, settings.docs_dir)
    if content.errors:
        raise ContentError(content.errors)
    base_url = settings.base_url
    lao_digits = settings.lao_digits
    if posters_dir is not None:
        posters, problems = load_posters(posters_dir, content, settings.docs_dir)
    else:
        # Loaded with the content; its definition problems were reported with the content's.
        posters, problems = content.extras.get("posters") or [], []

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

    # The site folder is a release being written (see wic.release), never the one on show:
    # a full run starts the posters folder afresh, a partial run (--only) updates it.
    target = site_dir / POSTERS_DIR
    if not only:
        shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True, exist_ok=True)

    n_pdfs = len(posters) * len(LAYOUTS) * len(SIZES)
    out(f"Rendering {len(posters)} poster(s) × {len(LAYOUTS)} layouts × {len(SIZES)} sizes = {n_pdfs} PDFs "
        f"into {target} (QR codes to {base_url})")
    results: dict[str, PosterResult] = {}
    start = time.perf_counter()

    shell = poster_shell(settings)
    cache = PrintCache(settings.cache_dir / "posters" if use_cache else None, shell)

    def run(b) -> None:
        renderer = LazyPrinter(shell, b, settings.chromium)
        try:
            width = max((len(p.key) for p in posters), default=0)
            for i, poster in enumerate(posters, start=1):
                prefix = f"[{i:>2}/{len(posters)}] {poster.key:<{width}}"
                res = render_one(renderer, poster, content, base_url, target, thumbnails=thumbnails,
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

    if posters:
        run(browser)
    manifest = _manifest(posters, results, content, base_url, lao_digits)
    if only and (target / "posters.json").is_file():
        old = json.loads((target / "posters.json").read_text(encoding="utf-8"))
        keep = [p for p in old.get("posters", []) if p["key"] not in {x["key"] for x in manifest["posters"]}]
        manifest["posters"] = sorted(keep + manifest["posters"], key=lambda p: p["key"])
    (target / "posters.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    insert_thumbnails(site_dir, kiosk=settings.kiosk)

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
