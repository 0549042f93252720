"""Signed update bundles: `wic keys`, `wic bundle`, `wic install`, `wic rollback`.

What a centre would notice: a good bundle becomes the site; a changed, cut-off, unsigned or
foreign bundle is refused with a message and the site stays as it was; an older bundle is not
installed by accident; killing the install anywhere (power cut) leaves a complete site.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import wic
from wic.errors import ConfigError, ReleaseError
from wic.release import Releases
from wic.reach.bundle import MANIFEST, SIGNATURE, make_bundle
from wic.reach.install import install_bundle, rollback
from wic.reach.keys import make_keys

PROJECT = Path(__file__).resolve().parents[1]
SCRIPTS = str(Path(wic.__file__).resolve().parents[1])
MARK = "<!-- second edition -->"


@pytest.fixture(scope="module")
def kit(built_site, tmp_path_factory):
    """Keys, and two bundles of the site: version 1.0 and a changed version 2.0."""
    root = tmp_path_factory.mktemp("bundles")
    public, secret = make_keys(PROJECT, root / "wic-update.pub", root / "keys" / "wic-update.key")
    v1 = make_bundle(built_site, secret, public, root / "v1.zip", version="1.0")
    second = root / "second"
    shutil.copytree(Releases(built_site).current(), second)
    (second / "index.html").write_text((second / "index.html").read_text(encoding="utf-8") + MARK, encoding="utf-8")
    v2 = make_bundle(second, secret, public, root / "v2.zip", version="2.0")
    return {"root": root, "public": public, "secret": secret, "v1": v1.path, "v2": v2.path,
            "index1": (built_site / "index.html").read_bytes(), "index2": (second / "index.html").read_bytes()}


@pytest.fixture()
def centre(kit, tmp_path):
    """A centre laptop's site, with version 1.0 installed."""
    site = tmp_path / "site"
    install_bundle(kit["v1"], site, kit["public"])
    return site


def _releases(site: Path) -> list[str]:
    return sorted(p.name for p in Releases(site).root.iterdir() if p.name != ".lock")


def _rewrite(src: Path, dst: Path, change=None, drop=(), add=None) -> Path:
    change, add = change or {}, add or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = change[info.filename](zin.read(info)) if info.filename in change else zin.read(info)
            zout.writestr(info.filename, data)
        for name, data in add.items():
            zout.writestr(name, data)
    return dst


def test_round_trip_installs_every_file_unchanged(kit, centre, built_site):
    source = Releases(built_site).current()
    assert (centre / "index.html").read_bytes() == kit["index1"]
    files = sorted(p.relative_to(source) for p in source.rglob("*") if p.is_file())
    assert len(files) > 100
    for rel in files:
        assert (centre / rel).read_bytes() == (source / rel).read_bytes(), rel
    result = install_bundle(kit["v2"], centre, kit["public"])
    assert (result.version, result.previous) == ("2.0", "1.0")
    assert (centre / "index.html").read_bytes() == kit["index2"]


def test_bundle_manifest_lists_size_and_hash_and_is_signed(kit):
    import hashlib
    import json

    import minisign

    with zipfile.ZipFile(kit["v1"]) as zf:
        data = zf.read(MANIFEST)
        manifest = json.loads(data)
        minisign.PublicKey.from_file(kit["public"]).verify(data, minisign.Signature.from_bytes(zf.read(SIGNATURE)))
        assert manifest["format"] == "wic-site-bundle/1" and manifest["version"] == "1.0" and manifest["built"]
        for entry in manifest["files"]:
            body = zf.read("site/" + entry["path"])
            assert len(body) == entry["size"] and hashlib.sha256(body).hexdigest() == entry["sha256"]


@pytest.mark.parametrize("damage, message", [
    ("file", "does not match its signed manifest"),
    ("manifest", "signature does not match"),
    ("truncated", "damaged or incomplete"),
    ("unsigned", "not signed"),
    ("other key", "signature does not match"),
    ("extra file", "does not list"),
])
def test_damaged_bundles_are_refused_and_the_site_stays(kit, centre, tmp_path, damage, message):
    bad = tmp_path / "bad.zip"
    if damage == "file":
        _rewrite(kit["v2"], bad, change={"site/index.html": lambda b: b.replace(b"</html>", b"<script>x()</script></html>")})
    elif damage == "manifest":
        _rewrite(kit["v2"], bad, change={MANIFEST: lambda b: b.replace(b'"version": "2.0"', b'"version": "9.0"')})
    elif damage == "truncated":
        data = kit["v2"].read_bytes()
        bad.write_bytes(data[: len(data) * 2 // 3])
    elif damage == "unsigned":
        _rewrite(kit["v2"], bad, drop={SIGNATURE})
    elif damage == "other key":
        pub, sec = make_keys(PROJECT, tmp_path / "other.pub", tmp_path / "other.key")
        forged = make_bundle(kit["root"] / "second", sec, pub, tmp_path / "forged.zip", version="3.0").path
        shutil.copy(forged, bad)
    elif damage == "extra file":
        _rewrite(kit["v2"], bad, add={"site/extra.js": b"alert(1)"})
    before = _releases(centre)
    with pytest.raises(ReleaseError, match=message) as err:
        install_bundle(bad, centre, kit["public"])
    assert "unchanged" in str(err.value)
    assert (centre / "index.html").read_bytes() == kit["index1"]
    assert _releases(centre) == before


def test_cli_refuses_a_damaged_bundle_with_a_clear_message(kit, centre, tmp_path):
    bad = _rewrite(kit["v2"], tmp_path / "bad.zip", drop={SIGNATURE})
    proc = _wic("install", str(bad), "--site-dir", str(centre), "--public-key", str(kit["public"]))
    assert proc.returncode == 1
    assert "not signed" in proc.stderr and "current site is unchanged" in proc.stderr
    assert (centre / "index.html").read_bytes() == kit["index1"]


def test_downgrade_is_refused_unless_forced(kit, centre):
    install_bundle(kit["v2"], centre, kit["public"])
    with pytest.raises(ReleaseError, match="older than the installed 2.0"):
        install_bundle(kit["v1"], centre, kit["public"])
    assert (centre / "index.html").read_bytes() == kit["index2"]
    install_bundle(kit["v1"], centre, kit["public"], force=True)
    assert (centre / "index.html").read_bytes() == kit["index1"]


def test_same_version_again_changes_nothing(kit, centre):
    before = _releases(centre)
    assert install_bundle(kit["v1"], centre, kit["public"]).release is None
    assert _releases(centre) == before


def test_rollback_goes_back_one_and_keeps_two_earlier_releases(kit, centre):
    for _ in range(3):
        install_bundle(kit["v2"], centre, kit["public"], force=True)
    assert len([r for r in _releases(centre) if not r.startswith(".")]) == 3
    version, _ = rollback(centre)
    assert version == "2.0"
    proc = _wic("rollback", "--site-dir", str(centre))
    assert proc.returncode == 0, proc.stderr
    assert (centre / "index.html").read_bytes() == kit["index2"]
    proc = _wic("rollback", "--site-dir", str(centre))
    assert proc.returncode == 1 and "no earlier release" in proc.stderr
    # After going back, the newer bundle installs again (it is no longer a downgrade).
    install_bundle(kit["v2"], centre, kit["public"])


def _wic(*args, preexec_fn=None, stop=False):
    env = {**os.environ, "PYTHONPATH": SCRIPTS}
    cmd = [sys.executable, "-m", "wic.cli", "--project", str(PROJECT), *args]
    if not stop:
        return subprocess.run(cmd, capture_output=True, text=True, env=env, preexec_fn=preexec_fn, timeout=120)
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


@pytest.mark.parametrize("point", ["verified", "first-file", "half-files", "copied", "published"])
def test_killing_the_install_at_any_point_leaves_a_complete_site(kit, centre, point):
    proc = _wic("install", str(kit["v2"]), "--site-dir", str(centre), "--public-key", str(kit["public"]),
                "--stop-at", point, stop=True)
    _, status = os.waitpid(proc.pid, os.WUNTRACED)
    assert os.WIFSTOPPED(status), proc.stderr.read()
    os.kill(proc.pid, signal.SIGKILL)           # a power cut, right there
    proc.wait()
    expected = kit["index2"] if point == "published" else kit["index1"]
    assert (centre / "index.html").read_bytes() == expected
    assert (centre / "assets" / "wic" / "wic.css").is_file()
    # The next install clears what the killed one left and finishes.
    proc = _wic("install", str(kit["v2"]), "--site-dir", str(centre), "--public-key", str(kit["public"]))
    assert proc.returncode == 0, proc.stderr
    assert (centre / "index.html").read_bytes() == kit["index2"]
    assert not [r for r in _releases(centre) if r.startswith(".building")]


def test_a_write_failure_midway_keeps_the_previous_site(kit, centre):
    # Files above 50 KB cannot be written: like a disk that fills up during the copy.
    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))

    proc = _wic("install", str(kit["v2"]), "--site-dir", str(centre), "--public-key", str(kit["public"]),
                preexec_fn=small_files)
    assert proc.returncode == 1
    assert "writing the new site failed" in proc.stderr and "unchanged" in proc.stderr
    assert (centre / "index.html").read_bytes() == kit["index1"]
    assert not [r for r in _releases(centre) if r.startswith(".building")]


def test_secret_key_is_never_written_into_the_project(tmp_path):
    with pytest.raises(ConfigError, match="must not be inside the project"):
        make_keys(PROJECT, tmp_path / "k.pub", PROJECT / "deploy" / "wic-update.key")
    assert not (PROJECT / "deploy" / "wic-update.key").exists()
    assert not (tmp_path / "k.pub").exists()


def test_existing_keys_are_not_replaced_by_accident(kit):
    with pytest.raises(ConfigError, match="already exists"):
        make_keys(PROJECT, kit["public"], kit["root"] / "new.key")
