"""The site's own search: a Lao-aware index per language (index.py), the question words and
synonyms from content-src/search and the glossary (words.py, registered as a content loader),
and the evaluation of query sets in a real browser (eval.py)."""

from ..content import register_loader
from .words import load_for_content

register_loader("search", load_for_content)
