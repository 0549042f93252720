"""Our own HTML comes from Jinja templates with autoescape, never from markup in Python strings.

Core templates live in render/templates/; a feature adds its own folder with add_folder().
Rendered blocks go into Markdown, where an indented or blank line would change their meaning,
so render() joins the template's lines (write any space you need inside a line). Its result is a
plain string: joining it with other text never escapes anything twice.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from ..text.formatting import format_date, format_value
from ..words import t

_LOADER = jinja2.FileSystemLoader([str(Path(__file__).resolve().parent / "templates")])
ENV = jinja2.Environment(loader=_LOADER, autoescape=True, undefined=jinja2.StrictUndefined,
                         keep_trailing_newline=False)
ENV.globals["t"] = t
ENV.filters["date"] = format_date
ENV.filters["value"] = format_value


def add_folder(folder: Path) -> None:
    """Let a feature keep its templates beside its code."""
    path = str(Path(folder).resolve())
    if path not in _LOADER.searchpath:
        _LOADER.searchpath.append(path)


def render(name: str, **context) -> str:
    """The template's HTML as a plain string (pass it to another template through raw())."""
    html = ENV.get_template(name).render(**context)
    return "".join(line.strip() for line in html.splitlines())


def raw(html: str) -> Markup:
    """Mark HTML made by another template (or an SVG file we ship) as safe to insert."""
    return Markup(html)
