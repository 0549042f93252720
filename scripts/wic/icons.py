"""Find pictogram SVGs: the project's own (overrides/.icons) first, then Material's bundled set."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import material

MATERIAL_ICONS = Path(material.__file__).parent / "templates" / ".icons"
PROJECT_ICONS = Path(__file__).resolve().parents[2] / "overrides" / ".icons"


def icon_path(name: str) -> Path | None:
    """'material/clock-outline' -> the SVG file, or None."""
    if not name or ".." in name:
        return None
    for base in (PROJECT_ICONS, MATERIAL_ICONS):
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
