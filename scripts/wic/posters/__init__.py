"""Posters: printable PDFs (A4/A3; Lao, English, bilingual) made from content-src/posters/*.yml.

    wic posters            render into the built site (or build it first)
    wic build              builds the site and renders the posters (unless --no-posters)
"""

from .layout import LAYOUTS, SIZES, poster_page
from .model import Poster, load_posters
from .render import PosterError, poster_step, render_posters, resolve_base_url

__all__ = ["LAYOUTS", "SIZES", "Poster", "PosterError", "load_posters", "poster_page", "poster_step",
           "render_posters", "resolve_base_url"]
