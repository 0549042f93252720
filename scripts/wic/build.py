"""`wic build`: build the whole site into a new release folder, then switch to it atomically.

A failed build leaves the previous site/ untouched, so the kiosk never shows a half-built site.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from .check import run_check
from .errors import BuildError, ContentError
from .pipeline.release import Releases


def build_site(project: Path, site_dir: Path | None = None, extra_steps=()) -> Path:
    """Check, build into a new release folder, run extra steps on it, then switch to it."""
    project = project.resolve()
    # Not resolve(): site/ is a symlink to the current release and must stay one.
    site_dir = Path(os.path.abspath(site_dir or project / "site"))
    report = run_check(project)
    if report.errors:
        raise ContentError(report.errors)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    releases = Releases(site_dir)
    with releases.lock():
        tmp = releases.new_folder()
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
            releases.discard(tmp)
            raise BuildError(str(exc)) from exc
        except BaseException:
            releases.discard(tmp)
            raise
        releases.publish(tmp)
    return site_dir
