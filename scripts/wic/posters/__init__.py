"""Posters: printable PDFs (A4/A3; Lao, English, bilingual) made from content-src/posters/*.yml.

Importing this package registers the feature: its content loader (the poster definitions, read
once per content load) and its {{ posters }} gallery block.
"""

from ..content import register_loader
from . import gallery  # noqa: F401 - registers {{ posters }}
from .layout import LAYOUTS, poster_page
from .model import Poster, load_for_content, load_posters
from .render import PosterResult, render_posters

register_loader("posters", load_for_content)

__all__ = ["LAYOUTS", "Poster", "PosterResult", "load_posters", "poster_page", "render_posters"]
