"""Releases: every writer of the site builds into a new folder and switches to it atomically.

    <parent>/site                      a symlink to the current release (what people open)
    <parent>/.site-releases/<id>/      the current release and the previous ones (rollback)
    <parent>/.site-releases/.building-*  a release being written (removed if its writer died)

A reader (the kiosk's server, a browser on file://) sees the old or the new site, never a mix:
the switch is one rename of a symlink. A writer killed at any moment (SIGKILL, power loss)
leaves the symlink pointing at a complete release; its leftovers are cleared by the next writer.
Old releases are renamed away before they are deleted, so a half-deleted one is never used.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from .errors import ReleaseError

KEEP = 3                 # the current release and two before it
# Written into a release by `wic install`: the bundle's version and build date.
INSTALLED = ".wic-bundle.json"
_TEMP_PREFIXES = (".building-", ".trash-", ".link-")


class Releases:
    def __init__(self, site_dir: Path, keep: int = KEEP):
        self.site_dir = Path(os.path.abspath(site_dir))
        self.root = self.site_dir.parent / f".{self.site_dir.name}-releases"
        self.keep = max(2, keep)

    # --- reading --------------------------------------------------------------------------------

    def releases(self) -> list[Path]:
        """Complete releases, oldest first (ids sort by time)."""
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("."))

    def current(self) -> Path | None:
        if self.site_dir.is_symlink():
            target = Path(os.path.realpath(self.site_dir))
            return target if target.is_dir() else None
        return self.site_dir if self.site_dir.is_dir() else None

    # --- writing --------------------------------------------------------------------------------

    @contextmanager
    def lock(self):
        """One writer at a time; the lock is the kernel's, so a killed writer never leaves it held."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise ReleaseError(f"another build or install is writing {self.site_dir.name}/ right now — "
                                   "wait for it to finish, then run the command again") from None
            self._clear_leftovers()
            yield self

    def new_folder(self) -> Path:
        """An empty folder to write the next release into (call inside lock())."""
        folder = self.root / f".building-{os.getpid()}-{time.time_ns()}"
        folder.mkdir(parents=True)
        return folder

    def discard(self, folder: Path) -> None:
        self._remove(folder)

    def publish(self, folder: Path) -> Path:
        """Make a finished folder the current release; keep the previous ones for rollback."""
        release = self.root / self._new_id()
        os.rename(folder, release)
        self._point_to(release)
        self._prune()
        return release

    def rollback(self) -> Path:
        """Go back to the release before the current one; the current one is removed."""
        with self.lock():
            current = self.current()
            older = [r for r in self.releases() if current is None or r.name < current.name]
            if not older:
                raise ReleaseError(f"there is no earlier release of {self.site_dir.name}/ to go back to")
            self._point_to(older[-1])
            if current is not None and current.parent == self.root:
                self._remove(current)
            return older[-1]

    # --- inside ---------------------------------------------------------------------------------

    def _new_id(self) -> str:
        # Sorts by time, to the nanosecond, so "older" is simply "sorts before".
        now = time.time_ns()
        newest = max((p.name for p in self.releases()), default="")
        name = time.strftime("%Y%m%d-%H%M%S", time.gmtime(now // 10**9)) + f"-{now % 10**9:09d}"
        return name if name > newest else newest + "-1"

    def _point_to(self, release: Path) -> None:
        if self.site_dir.exists() and not self.site_dir.is_symlink():
            # A site/ from before releases existed: it becomes the oldest release.
            os.rename(self.site_dir, self.root / f"00000000-000000-legacy-{time.time_ns()}")
        link = self.root / f".link-{os.getpid()}"
        if link.is_symlink() or link.exists():
            link.unlink()
        os.symlink(os.path.relpath(release, self.site_dir.parent), link)
        os.replace(link, self.site_dir)

    def _prune(self) -> None:
        current = self.current()
        releases = self.releases()
        for old in releases[:-self.keep]:
            if current is None or old != current:
                self._remove(old)

    def _remove(self, folder: Path) -> None:
        if not folder.exists():
            return
        trash = self.root / f".trash-{folder.name}-{time.time_ns()}"
        os.rename(folder, trash)
        shutil.rmtree(trash, ignore_errors=True)

    def _clear_leftovers(self) -> None:
        for entry in self.root.iterdir():
            if entry.name.startswith(_TEMP_PREFIXES):
                if entry.is_symlink() or entry.is_file():
                    entry.unlink(missing_ok=True)
                else:
                    shutil.rmtree(entry, ignore_errors=True)


def site_files(site: Path) -> list[Path]:
    """Every file of a site folder, relative, sorted; dot files (install records) are left out."""
    files = []
    for folder, dirs, names in os.walk(site):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if not name.startswith("."):
                files.append(Path(folder, name).relative_to(site))
    return sorted(files, key=lambda p: p.as_posix())


def build_date(site: Path) -> dt.datetime:
    record = site / INSTALLED
    if record.is_file():
        return dt.datetime.fromisoformat(json.loads(record.read_text(encoding="utf-8"))["built"])
    return dt.datetime.fromtimestamp((site / "index.html").stat().st_mtime, dt.timezone.utc).replace(microsecond=0)
