"""`wic build`: build the whole site into a temporary folder, then swap it into place.

A failed build leaves the previous site/ untouched, so the kiosk never shows a half-built site.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from .check import run_check
from .problems import ContentError


class BuildError(Exception):
    pass


def build_site(project: Path, site_dir: Path | None = None, extra_steps=()) -> Path:
    """Check, build into a sibling temp folder, run extra steps on it, then atomically swap."""
    project = project.resolve()
    site_dir = (site_dir or project / "site").resolve()
    report = run_check(project)
    if report.errors:
        raise ContentError(report.errors)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-building-", dir=site_dir.parent))
    try:
        cwd = os.getcwd()
        os.chdir(project)
        try:
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp))
            mkdocs_build(config)
        finally:
            os.chdir(cwd)
        for step in extra_steps:
            step(tmp)
    except (PluginError, ConfigurationError, Abort) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildError(str(exc)) from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _swap(tmp, site_dir)
    return site_dir


def _swap(new: Path, target: Path) -> None:
    """Replace target with new using renames, so a reader sees the old or the new site, never a mix."""
    old = None
    if target.exists():
        old = target.with_name(f".site-old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(target, old)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
