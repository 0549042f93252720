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
from ..kiwix import DOWNLOADS, write_zims
from ..posters import render_posters
from ..settings import Settings
from ..training.handouts import render_handouts
from .check import run_check
from ..release import Releases
from . import latin_share  # noqa: F401 - registers its output check
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


def build_site(settings: Settings, posters: bool = True, zim: bool = True, browser=None,
               handouts: bool | None = None) -> Path:
    """Check, build into a new release folder, then switch to it. The posters and the Kiwix files
    are made unless turned off; training handouts are printed with the posters unless `handouts`
    says otherwise (--no-posters skips every printed file, for quick page edits)."""
    report = run_check(settings)
    if report.errors:
        raise ContentError(report.errors)
    site_dir = settings.site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    releases = Releases(site_dir)
    with releases.lock():
        folder = releases.new_folder()
        try:
            build_pages(settings, folder)
            if posters:
                render_posters(settings, folder, content=report.content, browser=browser)
            if posters if handouts is None else handouts:
                render_handouts(settings, folder, content=report.content, browser=browser)
            if zim:
                # After the posters: the ZIM files carry them too.
                write_zims(folder, folder / DOWNLOADS)
            require_clean_output(settings, folder)
        except BaseException:
            releases.discard(folder)
            raise
        releases.publish(folder)
    return site_dir


def build_pages(settings: Settings, folder: Path) -> None:
    config = settings.mkdocs_config(site_dir=folder)
    # run_check has looked at the sources; the output is checked once the posters are in.
    config.plugins["wic"].config.checks = False
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
    return _amend(settings, lambda folder: render_posters(settings, folder, content=report.content, only=only,
                                                          browser=browser))


def rebuild_zims(settings: Settings, langs=None) -> list:
    """`wic zim`: a new release that is the current one with its Kiwix files written again."""
    results: list = []
    _amend(settings, lambda folder: results.extend(write_zims(folder, folder / DOWNLOADS, langs)))
    return results


def _amend(settings: Settings, change) -> Path:
    """A writer that changes part of the site still makes a new release: copy, change, switch."""
    releases = Releases(settings.site_dir)
    with releases.lock():
        folder = releases.new_folder()
        try:
            copy_current(releases, folder)
            change(folder)
            require_clean_output(settings, folder)
        except BaseException:
            releases.discard(folder)
            raise
        releases.publish(folder)
    return settings.site_dir
