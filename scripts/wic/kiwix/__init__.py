"""Kiwix copies of the site: one ZIM file per language, with a Lao search index that works."""

from .zim import DOWNLOADS, ZimResult, write_zim, write_zims, zim_name

__all__ = ["DOWNLOADS", "ZimResult", "write_zim", "write_zims", "zim_name"]
