"""Find pictogram SVGs: the project's theme folder (overrides/.icons) first, then Material's set.

The project's folder comes from the settings (theme.custom_dir), never from where this file
sits, so an installed (non-editable) package finds the same icons.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import material

MATERIAL_ICONS = Path(material.__file__).parent / "templates" / ".icons"
_THEME_ICONS: list[Path] = []


def use_theme(theme_dir: Path | None) -> None:
    """Look for the project's own icons in this theme folder (called once settings are known)."""
    folders = [Path(theme_dir) / ".icons"] if theme_dir else []
    if folders != _THEME_ICONS:
        _THEME_ICONS[:] = folders
        icon_svg.cache_clear()


def icon_path(name: str) -> Path | None:
    """'material/clock-outline' -> the SVG file, or None."""
    # A name, never a path: "/etc/x" or "../x" would reach outside the icon folders.
    if not name or ".." in name or name.startswith(("/", "\\")) or ":" in name:
        return None
    for base in (*_THEME_ICONS, MATERIAL_ICONS):
        path = base / f"{name}.svg"
        if path.is_file():
            return path
    return None


def icon_exists(name: str) -> bool:
    return icon_path(name) is not None


@lru_cache(maxsize=None)
def icon_svg(name: str) -> str:
    path = icon_path(name)
    return path.read_text(encoding="utf-8") if path else ""
