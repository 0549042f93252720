"""Releases: every writer builds a new folder and switches site/ to it; earlier ones stay for rollback."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wic.errors import ReleaseError
from wic.release import Releases

PROJECT = Path(__file__).resolve().parents[1]


def _publish(releases: Releases, text: str) -> Path:
    with releases.lock():
        folder = releases.new_folder()
        (folder / "index.html").write_text(text, encoding="utf-8")
        return releases.publish(folder)


def test_site_is_a_link_to_the_newest_release_and_two_earlier_ones_are_kept(tmp_path):
    site = tmp_path / "site"
    releases = Releases(site)
    for n in range(5):
        _publish(releases, f"release {n}")
    assert site.is_symlink()
    assert (site / "index.html").read_text(encoding="utf-8") == "release 4"
    kept = [(r / "index.html").read_text(encoding="utf-8") for r in releases.releases()]
    assert kept == ["release 2", "release 3", "release 4"]


def test_rollback_goes_back_one_release_at_a_time_and_then_refuses(tmp_path):
    site = tmp_path / "site"
    releases = Releases(site)
    for n in range(3):
        _publish(releases, f"release {n}")
    releases.rollback()
    assert (site / "index.html").read_text(encoding="utf-8") == "release 1"
    releases.rollback()
    assert (site / "index.html").read_text(encoding="utf-8") == "release 0"
    with pytest.raises(ReleaseError, match="no earlier release"):
        releases.rollback()
    assert (site / "index.html").read_text(encoding="utf-8") == "release 0"


def test_a_site_folder_from_before_releases_becomes_the_first_release(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    releases = Releases(site)
    _publish(releases, "new")
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    releases.rollback()
    assert (site / "index.html").read_text(encoding="utf-8") == "old"


def test_two_writers_at_once_are_refused_with_a_clear_message(tmp_path):
    releases = Releases(tmp_path / "site")
    with releases.lock():
        with pytest.raises(ReleaseError, match="another build or install"):
            with Releases(tmp_path / "site").lock():
                pass


def test_leftovers_of_a_killed_writer_are_cleared_by_the_next_one(tmp_path):
    site = tmp_path / "site"
    releases = Releases(site)
    _publish(releases, "good")
    stray = releases.root / ".building-999-1"
    stray.mkdir()
    (stray / "half.html").write_text("half", encoding="utf-8")
    (releases.root / ".trash-x-1").mkdir()
    _publish(releases, "next")
    assert not [p for p in releases.root.iterdir() if p.name.startswith((".building-", ".trash-"))]


def _wait_for(condition, proc, limit: int = 200000) -> None:
    # Polls the build's own progress on disk (not the clock); gives up if the build ends first.
    for _ in range(limit):
        if condition() or proc.poll() is not None:
            return
        time.sleep(0.001)


def _published_copy(built_site: Path, site: Path) -> tuple[Releases, bytes]:
    """A site that is a release of the test build; and its home page, to compare with later."""
    releases = Releases(site)
    with releases.lock():
        folder = releases.new_folder()
        os.rmdir(folder)
        shutil.copytree(built_site, folder)
        releases.publish(folder)
    return releases, (site / "index.html").read_bytes()


@pytest.mark.parametrize("point", ["started", "pages written", "index written"])
def test_a_build_killed_at_any_point_leaves_the_last_good_site_working(built_site, tmp_path, point):
    site = tmp_path / "site"
    releases, before = _published_copy(built_site, site)

    def building() -> list[Path]:
        return [p for p in releases.root.glob(".building-*")]

    conditions = {
        "started": lambda: bool(building()),
        "pages written": lambda: any((b / "en" / "index.html").exists() for b in building()),
        "index written": lambda: any((b / "search" / "wic-index-en.js").exists() for b in building()),
    }
    proc = subprocess.Popen([sys.executable, "-m", "wic.cli", "--project", str(PROJECT), "build", "--no-posters", "--no-zim",
                             "--site-dir", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for(conditions[point], proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (site / "index.html").read_bytes() == before
    assert (site / "en" / "work-rights" / "wages.html").is_file()
    # The next build clears what the killed one left and succeeds.
    run = subprocess.run([sys.executable, "-m", "wic.cli", "--project", str(PROJECT), "build", "--no-posters", "--no-zim",
                          "--site-dir", str(site)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert not building()


# A writer killed inside publish(): the subprocess publishes a copy of the built site and kills
# itself (SIGKILL, as a power cut would) at one step of the switch, injected into release.py only.
_KILL_AT = r"""
import os, shutil, signal, sys, types
from pathlib import Path
from wic import release

point, built, site = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

calls = {"rename": 0}
def rename(src, dst):
    # The first rename is the finished folder becoming a release; the kill comes right before it.
    calls["rename"] += 1
    if point == "before the release is named" and calls["rename"] == 1:
        die()
    os.rename(src, dst)

fake_os = types.SimpleNamespace(**{name: getattr(os, name) for name in dir(os) if not name.startswith("__")})
fake_os.rename = rename
if point == "before site/ is switched":
    fake_os.replace = die
release.os = fake_os
if point == "while old releases are removed":
    release.Releases._prune = lambda self: die()

releases = release.Releases(site)
with releases.lock():
    folder = releases.new_folder()
    os.rmdir(folder)
    shutil.copytree(built, folder)
    (folder / "index.html").write_text("the new release", encoding="utf-8")
    releases.publish(folder)
"""


@pytest.mark.parametrize("point", ["before the release is named", "before site/ is switched",
                                   "while old releases are removed"])
def test_a_writer_killed_while_publishing_leaves_a_complete_site(built_site, tmp_path, point):
    site = tmp_path / "site"
    releases = Releases(site)
    for n in range(3):
        with releases.lock():
            folder = releases.new_folder()
            os.rmdir(folder)
            shutil.copytree(built_site, folder)
            releases.publish(folder)
    before = (site / "index.html").read_bytes()
    proc = subprocess.run([sys.executable, "-c", _KILL_AT, point, str(built_site), str(site)],
                          capture_output=True, text=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    # Readers see the old site or the whole new one, never a mix or nothing.
    shown = (site / "index.html").read_bytes()
    assert shown == (b"the new release" if point == "while old releases are removed" else before)
    assert (site / "en" / "work-rights" / "wages.html").is_file()
    # The next writer clears what was left and keeps at most the releases it should.
    _publish(releases, "next")
    assert (site / "index.html").read_text(encoding="utf-8") == "next"
    assert not [p for p in releases.root.iterdir() if p.name.startswith((".building-", ".trash-", ".link-"))]
    assert len(releases.releases()) <= releases.keep


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def test_a_build_killed_while_printing_posters_leaves_the_site_and_no_browser(built_site, tmp_path):
    site = tmp_path / "site"
    releases, before = _published_copy(built_site, site)
    proc = subprocess.Popen([sys.executable, "-m", "wic.cli", "--project", str(PROJECT), "build",
                             "--site-dir", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for(lambda: bool(list(releases.root.glob(".building-*/posters/*.pdf"))), proc)
    assert proc.poll() is None, "the build ended before it printed a poster"
    browser = _descendants(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (site / "index.html").read_bytes() == before
    # Chromium goes with the build: a kiosk must not keep a stray browser printing nothing.
    for _ in range(20000):      # polls the processes' state, up to about 20 s
        if not any(_running(pid) for pid in browser):
            break
        time.sleep(0.001)
    assert not any(_running(pid) for pid in browser)
    run = subprocess.run([sys.executable, "-m", "wic.cli", "--project", str(PROJECT), "build", "--no-posters",
                          "--site-dir", str(site)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert not list(releases.root.glob(".building-*"))
