"""{{ training:MODULE/PART }}: the parts of a training module page, rendered from content-src/training.

Parts: message-N (the N-th take-home message, for the key points box), overview, plan, questions,
exercise, checklist, quiz, slides, actions. {{ training:modules }} lists every module (trainers'
page); {{ training:GUIDE/stages }} and {{ training:GUIDE/follow-up }} render the trainer's guide.
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup, escape

from ..render.engine import BlockProblem, Context, block, render_placeholders
from ..render.icons import icon_svg
from ..render.templates import add_folder, raw, render
from ..text.formatting import format_value
from ..words import section
from .files import HANDOUTS_DIR, KINDS, pdf_name, site_prefix
from .model import TEXT_KINDS, Module, Text, Training

add_folder(Path(__file__).resolve().parent / "templates")

MODULE_PARTS = ("overview", "plan", "questions", "exercise", "checklist", "quiz", "slides", "actions")
GUIDE_PARTS = ("objectives", "stages", "follow-up")
MESSAGE = re.compile(r"^message-(\d+)$")


def render_text(text: Text, lang: str, content, where: str, lao_digits: bool = False):
    """A module text in one language: escaped, its placeholders rendered like the site's (Rendered)."""
    return render_placeholders(str(escape(text[lang])), lang, content, where, lao_digits, kinds=TEXT_KINDS)


def text_html(text: Text, ctx: Context) -> Markup:
    """A module text on the page being built; the facts and contacts it quotes go into the page's sources."""
    rendered = render_text(text, ctx.lang, ctx.content, ctx.where, ctx.lao_digits)
    for key in rendered.facts:
        ctx.out.use_fact(key)
    for key in rendered.contacts:
        ctx.out.use_contact(key)
    ctx.out.problems.extend(rendered.problems)
    return raw(rendered.markdown)


def svg(name: str | None, cls: str) -> Markup:
    markup = icon_svg(name) if name else ""
    return raw(markup.replace("<svg", f'<svg class="{cls}" aria-hidden="true" focusable="false"', 1) if markup else "")


def downloads(module: Module, lang: str, depth: int = 1) -> list[dict]:
    """The module's printed files, the page's language first, as links from a page `depth` deep."""
    prefix = site_prefix(lang, depth) + HANDOUTS_DIR + "/"
    words = section("training", lang)
    langs = [lang] + [other for other in ("lo", "en") if other != lang]
    return [{"kind": kind, "name": words[f"pdf_{kind.replace('-', '_')}"],
             "links": [{"href": prefix + pdf_name(module.key, kind, l), "lang": l,
                        "label": section("layout", lang)[l]} for l in langs]}
            for kind in KINDS]


def _training(ctx: Context) -> Training:
    training = ctx.content.extras.get("training")
    if training is None:
        raise BlockProblem("no training modules are loaded", "add modules to content-src/training/")
    return training


def _module_context(module: Module, ctx: Context) -> dict:
    lang = ctx.lang
    return {"m": module, "lang": lang, "w": section("training", lang),
            "minutes": format_value(module.minutes, "minutes", lang, ctx.lao_digits),
            "text": lambda t: text_html(t, ctx), "svg": svg,
            "step_minutes": lambda n: format_value(n, "minutes", lang, ctx.lao_digits)}


def module_part(module: Module, part: str, ctx: Context) -> str:
    c = _module_context(module, ctx)
    if part == "overview":
        c["downloads"] = downloads(module, ctx.lang)
    if part == "actions":
        c["pages"] = [{"href": "../" + p[:-3] + ".html", "title": module.page_titles.get(p, {}).get(ctx.lang, p)}
                      for p in module.pages]
    if part == "slides":
        c["help"] = [ctx.content.contacts[k] for k in module.help]
        for key in module.help:
            ctx.out.use_contact(key)
    return "\n" + render(f"training_{part}.html", **c) + "\n"


@block("training")
def training_block(arg: str, ctx: Context) -> str:
    training = _training(ctx)
    if arg == "modules":
        rows = []
        for m in training.modules:
            rows.append({"m": m, "title": text_html(m.title, ctx), "picto": svg(m.pictogram, "wic-module__picto"),
                         "minutes": format_value(m.minutes, "minutes", ctx.lang, ctx.lao_digits),
                         "materials": [text_html(t, ctx) for t in m.materials],
                         "downloads": downloads(m, ctx.lang, depth=1)})
        return "\n" + render("training_modules.html", rows=rows, lang=ctx.lang, w=section("training", ctx.lang)) + "\n"
    key, _, part = arg.partition("/")
    module, guide = training.module(key), training.guide(key)
    if module is None and guide is None:
        known = ", ".join([m.key for m in training.modules] + [g.key for g in training.guides]) or "none"
        raise BlockProblem(f"unknown training module '{key}'",
                           f"use a file name from content-src/training/ (known: {known}) or 'modules'")
    if guide is not None:
        if part not in GUIDE_PARTS:
            raise BlockProblem(f"unknown guide part '{part}'", f"use one of: {', '.join(GUIDE_PARTS)}")
        return "\n" + render(f"training_guide_{part.replace('-', '_')}.html", g=guide, lang=ctx.lang,
                             w=section("training", ctx.lang), text=lambda t: text_html(t, ctx),
                             step_minutes=lambda n: format_value(n, "minutes", ctx.lang, ctx.lao_digits)) + "\n"
    m = MESSAGE.match(part)
    if m:
        n = int(m.group(1))
        if not 1 <= n <= len(module.messages):
            raise BlockProblem(f"module '{key}' has no message {n}", f"use message-1 to message-{len(module.messages)}")
        return str(text_html(module.messages[n - 1], ctx))
    if part not in MODULE_PARTS:
        raise BlockProblem(f"unknown module part '{part}'",
                           f"use one of: {', '.join(MODULE_PARTS)}, or message-1 to message-{len(module.messages)}")
    return module_part(module, part, ctx)
