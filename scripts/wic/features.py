"""The features of this build. Importing this module registers each one's placeholder kinds and
content loaders with the core; a new feature is a new module plus one line here."""

from .blocks import contacts, facts, glossary  # noqa: F401 - {{ contact }}, {{ fact }}, {{ glossary }}, ...
from . import posters  # noqa: F401 - poster definitions and {{ posters }}
from . import search  # noqa: F401 - question words and synonyms for the search index
from . import training  # noqa: F401 - trainer kit: modules, {{ training }}, handouts
