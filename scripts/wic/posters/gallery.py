"""{{ posters }} (on docs/<lang>/posters.md): a thumbnail and the PDF downloads of every poster,
in the page's language first."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..print.engine import SIZES
from ..render.engine import Context, block
from ..render.icons import icon_svg
from ..render.templates import raw, render
from ..words import section
from .files import POSTERS_DIR, THUMB_LAYOUTS, pdf_name, thumb_name
from .layout import LAYOUTS
from .model import COLOURS


@block("posters")
def gallery_block(arg: str, ctx: Context) -> str:
    lang = ctx.lang
    posters = ctx.content.extras.get("posters") or []
    names = section("layout", lang)
    # Lao pages sit at the site root, English ones under en/.
    prefix = ("" if lang == "lo" else "../") + POSTERS_DIR + "/"
    order = [lang] + [layout for layout in LAYOUTS if layout != lang]
    cards = []
    for poster in posters:
        picto = icon_svg(poster.pictogram).replace("<svg", '<svg style="width:40%;height:auto;fill:#fff" aria-hidden="true"', 1)
        rows = [{"name": names[layout],
                 "links": [{"href": prefix + pdf_name(poster.key, layout, size), "size": size.upper()} for size in SIZES]}
                for layout in order]
        cards.append({"poster": poster, "title": poster.title[lang], "colour": COLOURS[poster.colour][0],
                      "thumb": prefix + thumb_name(poster.key, lang), "main_pdf": prefix + pdf_name(poster.key, lang, "a4"),
                      "picto": raw(picto), "rows": rows})
    return "\n" + render("gallery.html", cards=cards, lang=lang, words=section("gallery", lang), kiosk=ctx.kiosk) + "\n"


_PENDING = re.compile(r'<a class="wic-poster__thumb" href="([^"]*)" data-wic-thumb="([^"]*)" '
                      r'data-wic-thumb-alt="([^"]*)" style="[^"]*"[^>]*>.*?</a>', re.S)


_DOWNLOADS = re.compile(r'<div class="wic-poster__downloads" data-wic-downloads="([^"]*)">.*?</ul></div>', re.S)


def insert_thumbnails(site_dir: Path, kiosk: bool = False) -> int:
    """Put the rendered thumbnails into every built gallery page; returns how many were placed.

    On a kiosk build the thumbnails and the buttons under them open the poster in our viewer on the
    gallery page, and the PDF downloads are left out.
    """
    placed = 0
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "data-wic-thumb=" not in text and not (kiosk and "data-wic-downloads=" in text):
            continue
        lang = "en" if page.relative_to(site_dir).parts[0] == "en" else "lo"

        def swap(m: re.Match) -> str:
            nonlocal placed
            href, thumb, alt = (html.unescape(g) for g in m.groups())
            view = Path(thumb).stem                       # <key>-<lang>, as in the thumbnail's name
            if not (page.parent / thumb).is_file():
                return m.group(0).replace(f'href="{m.group(1)}"', f'href="#wic-view={html.escape(view)}"', 1) if kiosk else m.group(0)
            placed += 1
            if kiosk:
                return render("thumb_kiosk.html", view=view, thumb=thumb, alt=alt)
            return render("thumb.html", href=href, thumb=thumb, alt=alt)

        def views(m: re.Match) -> str:
            names = section("layout", lang)
            order = [lang] + [layout for layout in THUMB_LAYOUTS if layout != lang]
            return render("views.html", key=html.unescape(m.group(1)), words=section("viewer", lang),
                          views=[{"layout": layout, "name": names[layout]} for layout in order])

        new = _PENDING.sub(swap, text)
        if kiosk:
            new = _DOWNLOADS.sub(views, new)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return placed
