"""Reuse files printed before from exactly the same inputs.

A poster's PDF depends only on its HTML, the page size, the shell (fonts, CSS, fitting script)
and the fitting limits; the cache key is a hash of all of them. Rebuilding the site after a text
change elsewhere then copies the unchanged posters instead of printing them again, and Chromium
is not started at all when nothing changed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path


class PrintCache:
    def __init__(self, folder: Path | None, shell: str):
        self.folder = folder
        self.shell_digest = hashlib.sha256(shell.encode("utf-8")).hexdigest()

    def key(self, *parts) -> str:
        h = hashlib.sha256(self.shell_digest.encode())
        for part in parts:
            h.update(b"\0" + json.dumps(part, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        return h.hexdigest()[:32]

    def get(self, key: str, names: dict[str, str], out_dir: Path) -> dict | None:
        """Copy the cached files to out_dir under their names; the fit result, or None on a miss."""
        if self.folder is None:
            return None
        entry = self.folder / key
        meta = entry / "fit.json"
        if not meta.is_file() or not all((entry / role).is_file() for role in names):
            return None
        for role, name in names.items():
            shutil.copyfile(entry / role, out_dir / name)
        return json.loads(meta.read_text(encoding="utf-8"))

    def put(self, key: str, names: dict[str, str], out_dir: Path, fit: dict) -> None:
        if self.folder is None:
            return
        entry = self.folder / key
        tmp = entry.with_name(entry.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        for role, name in names.items():
            shutil.copyfile(out_dir / name, tmp / role)
        (tmp / "fit.json").write_text(json.dumps(fit), encoding="utf-8")
        shutil.rmtree(entry, ignore_errors=True)
        tmp.rename(entry)
