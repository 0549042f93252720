"""The poster gallery ({{ posters }} on docs/<lang>/posters.md): a thumbnail and the PDF downloads
of every poster, in the page's language first."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..content import Content
from ..problems import ERROR, Problem
from ..icons import icon_svg
from .layout import LAYOUT_NAMES, SIZES
from .model import COLOURS, load_posters
from .render import POSTERS_DIR, pdf_name, thumb_name

T = {
    "download": {"lo": "ດາວໂຫຼດ PDF", "en": "Download PDF"},
    "thumb_alt": {"lo": "ໂປສເຕີ", "en": "Poster"},
}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def gallery_html(content: Content, lang: str) -> tuple[str, list[Problem]]:
    """The gallery block, and the errors in poster definitions (reported once, on the Lao page)."""
    project = content.root.parent
    posters, problems = load_posters(content.root / "posters", content, project / "docs")
    errors = [p for p in problems if p.level == ERROR] if lang == "lo" else []
    # Lao pages sit at the site root, English ones under en/.
    prefix = ("" if lang == "lo" else "../") + POSTERS_DIR + "/"
    other = "en" if lang == "lo" else "lo"
    cards = []
    for poster in posters:
        thumb = prefix + thumb_name(poster.key, lang)
        main_pdf = prefix + pdf_name(poster.key, lang, "a4")
        rows = []
        for layout in (lang, other, "bi"):
            links = " · ".join(
                f'<a href="{prefix + pdf_name(poster.key, layout, size)}" download type="application/pdf">{size.upper()}</a>'
                for size in SIZES)
            rows.append(f'<li><span lang="{lang}">{_e(LAYOUT_NAMES[layout][lang])}</span>: {links}</li>')
        title = poster.title[lang]
        # Until the posters are rendered the card shows the pictogram; the poster step swaps in
        # the thumbnail (insert_thumbnails), so a site built without posters requests no missing file.
        picto = icon_svg(poster.pictogram).replace("<svg", '<svg style="width:40%;height:auto;fill:#fff" aria-hidden="true"', 1)
        cards.append(
            f'<div class="card wic-poster" id="poster-{poster.key}">'
            f'<a class="wic-poster__thumb" href="{main_pdf}" data-wic-thumb="{thumb}" '
            f'data-wic-thumb-alt="{_e(T["thumb_alt"][lang])}: {_e(title)}" '
            f'style="display:flex;align-items:center;justify-content:center;aspect-ratio:210/297;'
            f'background:{COLOURS[poster.colour][0]};border:1px solid #ccc">{picto}</a>'
            f'<p class="wic-poster__title"><strong>{_e(title)}</strong></p>'
            f'<p class="wic-poster__dl">{_e(T["download"][lang])}:</p><ul class="wic-poster__files">{"".join(rows)}</ul></div>')
    block = '\n<div class="grid wic-posters">' + "".join(cards) + "</div>\n"
    return block, errors


_PENDING = re.compile(r'<a class="wic-poster__thumb" href="([^"]*)" data-wic-thumb="([^"]*)" '
                      r'data-wic-thumb-alt="([^"]*)" style="[^"]*">.*?</a>', re.S)


def insert_thumbnails(site_dir: Path) -> int:
    """Put the rendered thumbnails into every built gallery page; returns how many were placed."""
    placed = 0
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "data-wic-thumb=" not in text:
            continue

        def swap(m: re.Match) -> str:
            nonlocal placed
            href, thumb, alt = m.groups()
            if not (page.parent / thumb).is_file():
                return m.group(0)
            placed += 1
            return (f'<a class="wic-poster__thumb" href="{href}"><img src="{thumb}" alt="{alt}" width="400" '
                    f'height="566" loading="lazy" style="display:block;width:100%;height:auto;border:1px solid #ccc"></a>')

        new = _PENDING.sub(swap, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return placed
