"""`wic build`: check, build every language into a new release folder, add the posters, then switch.

A failed build leaves the previous site/ untouched, so the kiosk never shows a half-built site.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from ..errors import BuildError, ContentError
from ..posters import render_posters
from ..settings import Settings
from .check import run_check
from .release import Releases
from .verify import require_clean_output

log = logging.getLogger("mkdocs.plugins.wic")


class _CountWarnings(logging.Handler):
    """MkDocs' own warnings (a broken link, a missing file) fail our build; content warnings
    (an old fact, a variant spelling) are shown and do not."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        if not getattr(record, "wic_content", False):
            self.records.append(record)


def build_site(settings: Settings, posters: bool = True, browser=None) -> Path:
    """Check, build into a new release folder (with the posters unless posters=False), then switch to it."""
    report = run_check(settings)
    if report.errors:
        raise ContentError(report.errors)
    site_dir = settings.site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    releases = Releases(site_dir)
    with releases.lock():
        folder = releases.new_folder()
        try:
            _build_into(settings, folder)
            if posters:
                render_posters(settings, folder, content=report.content, browser=browser)
            require_clean_output(settings, folder)
        except BaseException:
            releases.discard(folder)
            raise
        releases.publish(folder)
    return site_dir


def _build_into(settings: Settings, folder: Path) -> None:
    config = settings.mkdocs_config(site_dir=folder)
    counter = _CountWarnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(counter)
    try:
        mkdocs_build(config)
    except (PluginError, ConfigurationError, Abort) as exc:
        raise BuildError(str(exc)) from None
    finally:
        logger.removeHandler(counter)
    if counter.records:
        raise BuildError(f"MkDocs reported {len(counter.records)} warning(s): "
                         + "; ".join(r.getMessage() for r in counter.records[:5])
                         + " — fix them (see the messages above); the previous site was kept")


def copy_current(releases: Releases, folder: Path) -> None:
    """Start a release from the one on show (for writers that change only part of the site)."""
    current = releases.current()
    if current is None:
        raise BuildError(f"{releases.site_dir.name}/ has no built site yet — run 'wic build' first")
    shutil.rmtree(folder)
    shutil.copytree(current, folder, symlinks=True)


def rebuild_posters(settings: Settings, only: list[str] | None = None, browser=None) -> Path:
    """`wic posters`: a new release that is the current one with its posters rendered again."""
    report = run_check(settings)
    if report.errors:
        raise ContentError(report.errors)
    releases = Releases(settings.site_dir)
    with releases.lock():
        folder = releases.new_folder()
        try:
            copy_current(releases, folder)
            render_posters(settings, folder, content=report.content, only=only, browser=browser)
            require_clean_output(settings, folder)
        except BaseException:
            releases.discard(folder)
            raise
        releases.publish(folder)
    return settings.site_dir
