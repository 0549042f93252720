"""UI words, one file per language (lo.yml, en.yml beside this module).

Python calls t(); the theme templates get the same words as `wic_words` (see the plugin's on_env);
the scripts read the sections they need from the page's JSON config (overrides/main.html).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LANGS = ("lo", "en")


@lru_cache(maxsize=None)
def words(lang: str) -> dict[str, dict[str, str]]:
    """All words of one language, by section ('page', 'poster', 'bar', 'kiosk', ...)."""
    return yaml.safe_load((HERE / f"{lang}.yml").read_text(encoding="utf-8"))


def t(key: str, lang: str, section: str = "page") -> str:
    return words(lang)[section][key]


def section(name: str, lang: str) -> dict[str, str]:
    return words(lang)[name]
