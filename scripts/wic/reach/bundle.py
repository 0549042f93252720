"""`wic bundle`: the built site as one signed file to carry to the centres on a USB stick.

    wic-site-<version>.zip
      manifest.json          format, version, build date, and the sha256 and size of every file
      manifest.json.minisig  minisign signature of manifest.json (deploy/wic-update.pub checks it)
      site/<path>            every file of the built site

Only the manifest is signed; every file is checked against its hash in the manifest, so the
signature covers the whole site. One zip file, because a copy that stopped early loses the zip's
directory at the end and is refused at once, and a single file is easy to copy and to name.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import minisign

from ..errors import ConfigError, ReleaseError, WicError
from ..release import INSTALLED, Releases, build_date, site_files
from .keys import load_public, load_secret

FORMAT = "wic-site-bundle/1"
MANIFEST = "manifest.json"
SIGNATURE = MANIFEST + ".minisig"
SITE_PREFIX = "site/"
# Written into an installed release: which bundle it came from (dot file: never bundled or served
# as a page, and skipped by the ZIM export).
_STORED = {".woff2", ".woff", ".png", ".jpg", ".jpeg", ".gz", ".pdf", ".zim", ".zip", ".webp"}
_VERSION = re.compile(r"^\d+(?:\.\d+)*$")
_CHUNK = 1 << 20


def parse_version(version: str) -> tuple[int, ...]:
    if not _VERSION.match(version or ""):
        raise ConfigError(f"version {version!r} is not numbers separated by dots — use e.g. 2026.11.29 or 3.1")
    return tuple(int(p) for p in version.split("."))


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def make_manifest(site: Path, version: str | None = None) -> dict:
    built = build_date(site)
    version = version or built.strftime("%Y.%m.%d.%H%M")
    parse_version(version)
    files = [{"path": p.as_posix(), "size": (site / p).stat().st_size, "sha256": sha256_file(site / p)}
             for p in site_files(site)]
    return {"format": FORMAT, "version": version, "built": built.isoformat(),
            "files": files, "total_size": sum(f["size"] for f in files)}


def current_site(site_dir: Path) -> Path:
    site = Releases(site_dir).current()
    if site is None or not (site / "index.html").is_file():
        raise ConfigError(f"{site_dir} has no built site — run 'wic build' first")
    return site


@dataclass
class BundleResult:
    path: Path
    version: str
    files: int
    bytes: int
    site_bytes: int


def make_bundle(site_dir: Path, secret_key: Path, public_key: Path, output: Path,
                version: str | None = None) -> BundleResult:
    """Write a signed bundle of the current site; output is a file name or a folder to put it in."""
    site = current_site(site_dir)
    manifest = make_manifest(site, version)
    data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    with load_secret(secret_key) as key:
        signature = key.sign(data, trusted_comment=f"wic-site-bundle version:{manifest['version']} "
                                                   f"built:{manifest['built']}")
    try:
        # A key that the centres' public key cannot check would only fail at every centre.
        load_public(public_key).verify(data, signature)
    except minisign.VerifyError:
        raise ConfigError(f"{secret_key} does not belong to the public key {public_key} that centres check "
                          "with — sign with the matching secret key") from None
    output = Path(output)
    if output.is_dir() or output.suffix.lower() != ".zip":
        output = output / f"wic-site-{manifest['version']}.zip"
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    try:
        with zipfile.ZipFile(partial, "w") as zf:
            zf.writestr(MANIFEST, data, zipfile.ZIP_DEFLATED)
            zf.writestr(SIGNATURE, bytes(signature) + b"\n", zipfile.ZIP_STORED)
            for entry in manifest["files"]:
                stored = Path(entry["path"]).suffix.lower() in _STORED
                zf.write(site / entry["path"], SITE_PREFIX + entry["path"],
                         zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED, None if stored else 6)
        with open(partial, "rb+") as f:
            os.fsync(f.fileno())
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise WicError(f"{output}: could not write the bundle ({exc.strerror or exc}) — check that the "
                          "USB stick is plugged in, writable and has room, then run the command again") from None
    # Never leave a half-written file under the final name (a USB stick pulled out too early).
    os.replace(partial, output)
    return BundleResult(output, manifest["version"], len(manifest["files"]), output.stat().st_size,
                        manifest["total_size"])


# --- reading ------------------------------------------------------------------------------------

@dataclass
class OpenBundle:
    path: Path
    zip: zipfile.ZipFile
    manifest: dict

    @property
    def version(self) -> str:
        return self.manifest["version"]

    def close(self) -> None:
        self.zip.close()


def _refuse(path: Path, why: str, fix: str) -> ReleaseError:
    return ReleaseError(f"{path}: {why} — {fix}. Nothing was installed; the current site is unchanged.")


def _safe_path(p: object) -> bool:
    if not isinstance(p, str) or not p or p.startswith("/") or "\\" in p or "\0" in p:
        return False
    parts = p.split("/")
    return all(part not in ("", ".", "..") and not part.startswith(".") for part in parts)


def open_verified(path: Path, public_key: Path) -> OpenBundle:
    """Open a bundle and check its signature and the shape of its manifest (files are checked
    while they are copied). Every refusal is a ReleaseError saying what to do."""
    path = Path(path)
    pk = load_public(public_key)
    if not path.is_file():
        raise _refuse(path, "no such file", "check the path to the bundle on the USB stick")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _refuse(path, f"the bundle is damaged or incomplete ({exc})",
                      "the copy probably stopped early: copy it again from the original and retry") from None
    try:
        names = set(zf.namelist())
        if MANIFEST not in names:
            raise _refuse(path, "this is not a WIC update bundle (no manifest.json)", "use a file made by 'wic bundle'")
        if SIGNATURE not in names:
            raise _refuse(path, "the bundle is not signed", "only bundles signed with the centres' key are "
                          "installed; ask the editor for a bundle made by 'wic bundle'")
        try:
            data = zf.read(MANIFEST)
            signature = minisign.Signature.from_bytes(zf.read(SIGNATURE))
        except (zipfile.BadZipFile, OSError, EOFError, minisign.Error, ValueError) as exc:
            raise _refuse(path, f"the bundle is damaged ({exc})", "copy it again from the original") from None
        try:
            pk.verify(data, signature)
        except minisign.VerifyError:
            raise _refuse(path, f"the signature does not match {public_key.name}: the bundle was changed after "
                          "it was signed, or signed with another key", "get an untouched copy from the editor") from None
        try:
            manifest = json.loads(data)
        except ValueError:
            raise _refuse(path, "the signed manifest is not readable", "ask the editor to make the bundle again") from None
        if manifest.get("format") != FORMAT:
            raise _refuse(path, f"bundle format {manifest.get('format')!r} is not {FORMAT}",
                          "update the wic program on this laptop, or ask for a bundle made by the same version")
        parse_version(str(manifest.get("version")))
        listed = set()
        for entry in manifest.get("files", []):
            if not _safe_path(entry.get("path")) or not isinstance(entry.get("size"), int) \
                    or not isinstance(entry.get("sha256"), str):
                raise _refuse(path, f"the manifest lists a bad entry {entry!r}", "ask the editor to make the bundle again")
            member = SITE_PREFIX + entry["path"]
            if member not in names:
                raise _refuse(path, f"{entry['path']} is missing from the bundle", "copy it again from the original")
            listed.add(member)
        if "index.html" not in {e["path"] for e in manifest["files"]}:
            raise _refuse(path, "the bundle has no home page (index.html)", "ask the editor to make the bundle again")
        extra = sorted(names - listed - {MANIFEST, SIGNATURE})
        if extra:
            raise _refuse(path, f"the bundle holds files its signed manifest does not list ({extra[0]}, ...)",
                          "someone added files after signing; get an untouched copy from the editor")
        return OpenBundle(path, zf, manifest)
    except BaseException:
        zf.close()
        raise


def installed_version(site: Path | None) -> str | None:
    record = site / INSTALLED if site else None
    if record is None or not record.is_file():
        return None
    try:
        return json.loads(record.read_text(encoding="utf-8"))["version"]
    except (ValueError, KeyError):
        return None

