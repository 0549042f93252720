"""Kept for imports during the restructure; the definitions live in wic.errors."""

from .errors import ERROR, WARNING, ContentError, Problem, rel  # noqa: F401
