"""`wic check` also looks at the pages as readers will get them: it builds them (no posters, no
Kiwix files) into a throw-away folder and runs the output checks a build runs before publishing
(placeholders left, anything from off the machine, Lao pages read in Lao)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..errors import ContentError, Problem
from ..settings import Settings
from . import latin_share
from .build import build_pages
from .verify import verify_output


def check_built_pages(settings: Settings) -> tuple[list[Problem], dict[str, float]]:
    """Problems of the built pages, and the share of Latin letters on each built Lao page."""
    with tempfile.TemporaryDirectory(prefix="wic-check-") as tmp:
        folder = Path(tmp) / "site"
        try:
            build_pages(settings, folder)
        except ContentError as exc:
            return list(exc.problems), {}
        _, shares = latin_share.latin_share_problems(folder, settings.docs_dir, settings.rel)
        return verify_output(settings, folder), shares
