"""Print each training module through the shared print engine, into <site>/handouts/:

- a handout (2 A4 pages): what participants learn, the take-home messages, where to get help;
  then the quiz as an answer sheet (questions, the right answer, why);
- the action checklist (1 A4 page): checkpoints with pictogram, question, why and a low-cost
  how, boxes for No action / Priority / Done and room for remarks;
- a self-check tally sheet (1 A4 page) for before the workshop and the follow-up visit:
  the quiz questions with boxes for counts of raised hands; no names anywhere.

Each in Lao and in English. Every page is one A4 sheet whose text is scaled to fill it (fit.js);
a sheet that cannot fit at a readable size stops the build with the module's file named.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..content import Content, load_content
from ..errors import BuildError, ContentError
from ..print.cache import PrintCache
from ..print.engine import LazyPrinter, page_css, shell_html
from ..render.icons import icon_svg
from ..render.templates import add_folder, raw, render
from ..settings import Settings
from ..text.formatting import LANGS, format_date, format_value
from ..words import section
from .blocks import render_text
from .files import HANDOUTS_DIR, KINDS, PAGES, pdf_name
from .model import Module, Text

log = logging.getLogger("mkdocs.plugins.wic")

HERE = Path(__file__).resolve().parent
add_folder(HERE / "templates")
# Body text at fit 1 is 0.9rem = 3.6 mm (10.2 pt) on A4; below 8.5 pt a handout is hard to read
# for people with little schooling: refuse to print rather than shrink further.
BODY_PT_AT_FIT_1 = 0.9 * 4.0 / 25.4 * 72
MIN_BODY_PT = 8.5
MIN_FIT = round(MIN_BODY_PT / BODY_PT_AT_FIT_1, 3)
MAX_FIT = 1.35
TEMPLATES = {"handout": "print_handout.html", "checklist": "print_checklist.html", "self-check": "print_selfcheck.html"}


@dataclass
class Printed:
    key: str
    files: list[str]
    seconds: float
    reused: int


def handout_shell(settings: Settings) -> str:
    fonts = (settings.theme_dir or settings.project / "overrides") / "assets" / "wic" / "fonts"
    return shell_html(fonts, (HERE / "handout.css").read_text(encoding="utf-8"))


def _svg(name: str | None, cls: str) -> Markup:
    markup = icon_svg(name) if name else ""
    return raw(markup.replace("<svg", f'<svg class="{cls}" aria-hidden="true"', 1) if markup else "")


def document(module: Module, kind: str, lang: str, content: Content, lao_digits: bool = False) -> str:
    """The HTML body of one printed document: one <section class="sheet"> per A4 page."""
    def text(t: Text) -> Markup:
        rendered = render_text(t, lang, content, module.path, lao_digits)
        if rendered.problems:
            raise ContentError(rendered.problems)
        return raw(rendered.markdown)

    # Printed pages travel without their sources: say when their figures were last checked.
    used = {k for t in module.texts() for k in render_text(t, lang, content, module.path).facts}
    checked = format_date(min(content.facts[k].checked for k in used), lang) if used else ""
    return render(TEMPLATES[kind], m=module, lang=lang, w=section("training", lang), text=text, svg=_svg,
                  minutes=format_value(module.minutes, "minutes", lang, lao_digits), checked=checked,
                  contacts=[content.contacts[k] for k in module.help])


def fit_sheets(printer, body: str, title: str) -> list[dict]:
    """Show the document and fit every sheet; one result per sheet (fit.js fits the first one)."""
    first = printer.show(body, "a4", title, MIN_FIT, MAX_FIT)
    rest = printer.page.evaluate(
        "([lo, hi]) => Array.from(document.body.children).slice(1).map(s => window.wicPrint.fit(s, lo, hi, null))",
        [MIN_FIT, MAX_FIT])
    return [first, *rest]


def print_module(printer, module: Module, content: Content, out_dir: Path, cache: PrintCache,
                 lao_digits: bool = False) -> Printed:
    start = time.perf_counter()
    files, reused = [], 0
    for kind in KINDS:
        for lang in LANGS:
            name = pdf_name(module.key, kind, lang)
            body = document(module, kind, lang, content, lao_digits)
            title = f"{module.title[lang]} — {section('training', lang)['pdf_' + kind.replace('-', '_')]}"
            key = cache.key(body, title, page_css("a4"), MIN_FIT, MAX_FIT, [name])
            if cache.get(key, {"pdf": name}, out_dir) is not None:
                files.append(name)
                reused += 1
                continue
            fits = fit_sheets(printer, body, title)
            if len(fits) != PAGES[kind]:
                raise BuildError(f"{module.path}: the {kind} ({lang}) has {len(fits)} pages, planned {PAGES[kind]} "
                                 "— fix the template in scripts/wic/training/templates")
            bad = [f for f in fits if not f["ok"]]
            if bad:
                why = "; ".join(p for f in bad for p in f["problems"]) or "does not fit"
                raise BuildError(f"{module.path}: the {kind} ({lang}) does not fit on A4 even at {MIN_BODY_PT:g} pt: "
                                 f"{why} — shorten the texts of this module or use fewer checkpoints or questions")
            printer.pdf(out_dir / name)
            cache.put(key, {"pdf": name}, out_dir, {"fit": [f["fit"] for f in fits]})
            files.append(name)
    return Printed(module.key, files, time.perf_counter() - start, reused)


def render_handouts(settings: Settings, site_dir: Path, content: Content | None = None, browser=None,
                    use_cache: bool = True, out=None) -> list[Printed]:
    """Print every module's handout, checklist and self-check sheet into site_dir/handouts/."""
    out = out or log.info
    content = content or load_content(settings.content_dir, settings.docs_dir)
    if content.errors:
        raise ContentError(content.errors)
    training = content.extras.get("training")
    modules = training.modules if training else []
    target = Path(site_dir) / HANDOUTS_DIR
    target.mkdir(parents=True, exist_ok=True)
    shell = handout_shell(settings)
    cache = PrintCache(settings.cache_dir / "handouts" if use_cache else None, shell)
    printer = LazyPrinter(shell, browser, settings.chromium)
    start = time.perf_counter()
    done: list[Printed] = []
    try:
        for module in modules:
            done.append(print_module(printer, module, content, target, cache, settings.lao_digits))
    finally:
        printer.close()
    n = sum(len(p.files) for p in done)
    reused = sum(p.reused for p in done)
    out(f"Handouts: {len(done)} module(s), {n} PDFs in {time.perf_counter() - start:.1f} s"
        + (f" ({reused} unchanged, reused from {cache.folder})" if reused else ""))
    return done
