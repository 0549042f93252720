"""`wic kit DEST`: a trainer's folder for a USB stick that opens by double-click, with no network.

    DEST/START-HERE.html   start page in Lao and English: the modules, their slides and PDFs
    DEST/site/             the whole built site (posters and handouts included)

The site is copied from the release on show (site/ is a symlink to it): a USB stick's file
system (FAT, exFAT) has no symbolic links, so files are copied, never linked. The new copy is
written beside the old one and swapped in at the end, so a stick pulled out early keeps its
previous kit.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..content import Content
from ..errors import BuildError, WicError
from ..render.templates import add_folder, render
from ..settings import Settings
from ..text.formatting import LANGS, format_date, format_value
from ..words import section
from .files import HANDOUTS_DIR, KINDS, pdf_name
from .handouts import render_handouts

log = logging.getLogger("mkdocs.plugins.wic")

add_folder(Path(__file__).resolve().parent / "templates")
START = "START-HERE.html"
SITE = "site"


@dataclass
class Kit:
    folder: Path
    start: Path
    pdfs: list[str]
    bytes: int


def _links(content: Content, lang: str) -> dict:
    """Everything the start page shows in one language, as paths relative to the kit folder."""
    root = f"{SITE}/" if lang == "lo" else f"{SITE}/en/"
    training = content.extras["training"]
    words = section("training", lang)
    modules = []
    for m in training.modules:
        modules.append({
            "title": m.title[lang], "href": f"{root}training/{m.key}.html", "slides": f"{root}training/{m.key}.html#workshop",
            "minutes": format_value(m.minutes, "minutes", lang),
            "pdfs": [{"name": words[f"pdf_{k.replace('-', '_')}"], "href": f"{SITE}/{HANDOUTS_DIR}/{pdf_name(m.key, k, lang)}"}
                     for k in KINDS],
        })
    guide = training.guides[0].key if training.guides else None
    return {"lang": lang, "w": words, "modules": modules, "home": f"{root}index.html",
            "trainers": f"{root}training/index.html", "guide": f"{root}training/{guide}.html" if guide else None}


def expected_pdfs(content: Content) -> list[str]:
    training = content.extras.get("training")
    return [pdf_name(m.key, k, lang) for m in (training.modules if training else []) for k in KINDS for lang in LANGS]


def write_kit(settings: Settings, dest: Path, content: Content, browser=None, today: dt.date | None = None) -> Kit:
    site = settings.site_dir.resolve()
    if not (site / "index.html").is_file():
        raise BuildError(f"{settings.site_dir} has no built site — run 'wic build' first")
    if '"kiosk": true' in (site / "index.html").read_text(encoding="utf-8"):
        raise WicError("the built site is the kiosk build (it wipes itself when idle) — run 'wic build' "
                       "without --kiosk, then 'wic kit' again")
    dest = Path(dest)
    if dest.resolve() == site or site in dest.resolve().parents:
        raise WicError(f"{dest} is inside the built site — write the kit somewhere else, e.g. on the USB stick")
    if dest.exists() and any(dest.iterdir()) and not (dest / START).is_file():
        raise WicError(f"{dest} is not empty and holds no trainer kit — choose an empty folder (or an earlier kit)")
    dest.mkdir(parents=True, exist_ok=True)
    new, old = dest / f".{SITE}-new", dest / f".{SITE}-old"
    for tmp in (new, old):
        shutil.rmtree(tmp, ignore_errors=True)
    log.info(f"Copying the site from {site} to {dest / SITE}")
    shutil.copytree(site, new, symlinks=False)
    wanted = expected_pdfs(content)
    if any(not (new / HANDOUTS_DIR / name).is_file() for name in wanted):
        # The site was built with --no-posters: print the handouts into the kit's copy.
        render_handouts(settings, new, content=content, browser=browser)
    if (dest / SITE).exists():
        (dest / SITE).rename(old)
    new.rename(dest / SITE)
    shutil.rmtree(old, ignore_errors=True)

    today = today or dt.date.today()
    page = render("kit_start.html", langs=[_links(content, lang) for lang in LANGS],
                  made={lang: format_date(today, lang) for lang in LANGS}, fonts=f"{SITE}/assets/wic/fonts/")
    start = dest / START
    start.write_text("<!doctype html>\n" + page + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in dest.rglob("*") if p.is_file())
    return Kit(dest, start, wanted, size)
