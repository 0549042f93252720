"""`wic install BUNDLE` and `wic rollback`: update a centre's site from a USB stick.

The bundle's signature is checked before anything is written; every file is checked against the
signed manifest while it is copied into a new release folder; only a complete, checked and
flushed release becomes the site, by one atomic switch (wic.release). A full disk, a
pulled USB stick or a power cut at any moment leaves the previous site in place.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReleaseError
from ..release import INSTALLED, Releases
from .bundle import SITE_PREFIX, OpenBundle, installed_version, open_verified, parse_version

# Room left on the disk besides the new release (logs, the kiosk browser's profile).
SPARE_BYTES = 20 * 1024 * 1024
_CHUNK = 1 << 20


@dataclass
class InstallResult:
    version: str
    previous: str | None
    files: int
    bytes: int
    release: Path | None      # None: this version was already installed, nothing changed


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_checked(bundle: OpenBundle, entry: dict, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    h = hashlib.sha256()
    size = 0
    with bundle.zip.open(SITE_PREFIX + entry["path"]) as src, open(dest, "wb") as out:
        while chunk := src.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
            if size > entry["size"]:    # a swapped-in larger file must not fill the disk first
                break
            out.write(chunk)
        out.flush()
        # On the disk before the switch: after a power cut the new site is whole or not used.
        os.fsync(out.fileno())
    if size != entry["size"] or h.hexdigest() != entry["sha256"]:
        raise ReleaseError(f"{bundle.path}: {entry['path']} in the bundle does not match its signed manifest "
                           "(changed or damaged) — get an untouched copy from the editor. Nothing was "
                           "installed; the current site is unchanged.")


def install_bundle(bundle_path: Path, site_dir: Path, public_key: Path, force: bool = False,
                   checkpoint: Callable[[str], None] = lambda name: None) -> InstallResult:
    """Verify and install a bundle as the new current release of site_dir.

    checkpoint(name) is called at each stage ("verified", "first-file", "half-files", "copied",
    "published"); the CLI uses it only to let tests stop the process there and kill it."""
    releases = Releases(site_dir)
    bundle = open_verified(bundle_path, public_key)
    try:
        manifest = bundle.manifest
        previous = installed_version(releases.current())
        if previous is not None and not force:
            new, old = parse_version(bundle.version), parse_version(previous)
            if new < old:
                raise ReleaseError(f"{bundle_path}: version {bundle.version} is older than the installed "
                                   f"{previous} — refused. To go back one version run 'wic rollback'; to install "
                                   "this older bundle anyway add --force")
            if new == old:
                return InstallResult(bundle.version, previous, len(manifest["files"]), 0, None)
        checkpoint("verified")
        releases.root.mkdir(parents=True, exist_ok=True)
        free = shutil.disk_usage(releases.root).free
        need = manifest["total_size"] + SPARE_BYTES
        if free < need:
            raise ReleaseError(f"{site_dir}: not enough free disk space for this update (needs {need / 1e6:.0f} MB, "
                               f"{free / 1e6:.0f} MB free) — delete files you no longer need and run the command "
                               "again. The current site is unchanged.")
        with releases.lock():
            folder = releases.new_folder()
            try:
                files = manifest["files"]
                for i, entry in enumerate(files):
                    _copy_checked(bundle, entry, folder / entry["path"])
                    if i == 0:
                        checkpoint("first-file")
                    if i == len(files) // 2:
                        checkpoint("half-files")
                record = folder / INSTALLED
                with open(record, "w", encoding="utf-8") as f:
                    json.dump({k: v for k, v in manifest.items() if k != "files"} | {"bundle": bundle_path.name},
                              f, ensure_ascii=False, indent=1)
                    f.flush()
                    os.fsync(f.fileno())
                for sub in sorted({(folder / e["path"]).parent for e in files} | {folder}, reverse=True):
                    _fsync_dir(sub)
                checkpoint("copied")
            except OSError as exc:
                releases.discard(folder)
                raise ReleaseError(f"{site_dir}: writing the new site failed ({exc.strerror or exc}) — free some "
                                   "disk space or check the disk, then run the command again. The current site "
                                   "is unchanged.") from None
            except BaseException:
                releases.discard(folder)
                raise
            release = releases.publish(folder)
            _fsync_dir(releases.root)
            _fsync_dir(releases.site_dir.parent)
            checkpoint("published")
        return InstallResult(bundle.version, previous, len(manifest["files"]), manifest["total_size"], release)
    finally:
        bundle.close()


def rollback(site_dir: Path) -> tuple[str | None, Path]:
    """Go back to the previous release; returns (its version if it came from a bundle, its folder)."""
    release = Releases(site_dir).rollback()
    _fsync_dir(Path(os.path.abspath(site_dir)).parent)
    return installed_version(release), release
