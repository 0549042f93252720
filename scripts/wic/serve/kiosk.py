"""`wic serve --kiosk`: Debian's Chromium full screen on the served site, restarted when closed.

One laptop at each centre serves many visitors. The browser runs as a kiosk: full screen, no
address bar, no first-run or translate prompts, and a fresh throw-away profile at every start
(so nothing from one run, not even the browser's own history, reaches the next). If a visitor
closes it, it starts again. The site itself does the idle reset and quick exit (kiosk.js); build
it with `wic build --kiosk` so the idle reset is on.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Mapping, Sequence

from ..print.browser import QUIET_FLAGS, chromium_path

log = logging.getLogger("mkdocs.plugins.wic")

# Kiosk-only flags, on top of wic.browser.QUIET_FLAGS (which keep Chromium from calling home).
KIOSK_FLAGS = [
    "--kiosk",                              # full screen, no address bar or tabs
    "--no-first-run",
    "--incognito",                          # nothing written to the browser's own history
    "--disable-translate",
    "--noerrdialogs",
    "--disable-session-crashed-bubble",     # no "restore pages?" after the browser was killed
    "--hide-crash-restore-bubble",
    "--disable-infobars",
    "--overscroll-history-navigation=0",    # a swipe on the touchpad does not go Back
]
# Features switched off. Chromium reads only the last --disable-features switch, so all go in one.
DISABLED_FEATURES = ["Translate", "TranslateUI", "MediaRouter", "OptimizationHints"]

# Written into each fresh profile: the flags alone do not stop Chromium offering to translate Lao.
PROFILE_PREFERENCES = {
    "translate": {"enabled": False},
    "browser": {"check_default_browser": False, "has_seen_welcome_page": True},
    "credentials_enable_service": False,
    "autofill": {"profile_enabled": False, "credit_card_enabled": False},
    "profile": {"password_manager_enabled": False, "exit_type": "Normal", "exited_cleanly": True},
}

FAST_EXIT_SECONDS = 5      # a browser that dies sooner than this counts as a failed start
MAX_RESTART_DELAY = 30.0


def have_display(env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def kiosk_command(url: str, profile_dir: str | Path, chromium: str | None = None,
                  env: Mapping[str, str] | None = None, as_root: bool | None = None) -> list[str]:
    """The Chromium command line for the kiosk (url last)."""
    env = os.environ if env is None else env
    if as_root is None:
        as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    features: list[str] = []
    flags: list[str] = []
    for flag in QUIET_FLAGS + KIOSK_FLAGS:
        if flag.startswith("--disable-features="):
            features += flag.split("=", 1)[1].split(",")
        elif flag == "--no-sandbox" and not as_root:
            # Only needed when running as root (test machines); on a laptop it would show a warning bar.
            continue
        elif flag not in flags:
            flags.append(flag)
    for feature in DISABLED_FEATURES:
        if feature not in features:
            features.append(feature)
    flags.append("--disable-features=" + ",".join(features))
    if env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY"):
        flags.append("--ozone-platform=wayland")  # Wayland without XWayland
    flags.append(f"--user-data-dir={profile_dir}")
    return [chromium or chromium_path(), *flags, url]


def make_profile() -> str:
    """A new, empty throw-away Chromium profile with the kiosk's preferences."""
    profile = tempfile.mkdtemp(prefix="wic-kiosk-profile-")
    (Path(profile) / "Default").mkdir()
    (Path(profile) / "Default" / "Preferences").write_text(json.dumps(PROFILE_PREFERENCES), encoding="utf-8")
    return profile


def site_is_kiosk_build(site_dir: Path) -> bool | None:
    """Whether the built site has the idle reset switched on (None if it cannot tell)."""
    try:
        html = (Path(site_dir) / "index.html").read_text(encoding="utf-8")
        m = re.search(r'<script id="wic-config" type="application/json">(.*?)</script>', html, re.S)
        return bool(json.loads(m.group(1)).get("kiosk")) if m else None
    except (OSError, ValueError):
        return None


class KioskBrowser:
    """Runs the kiosk browser in a background thread and starts it again whenever it exits."""

    def __init__(self, url: str, chromium: str | None = None, *,
                 command: Callable[[str, str], Sequence[str]] | None = None,
                 restart_delay: float = 1.0, fast_exit_seconds: float = FAST_EXIT_SECONDS,
                 max_restart_delay: float = MAX_RESTART_DELAY, log: Callable[[str], None] | None = None,
                 quiet: bool = True):
        self.url = url
        self._command = command or (lambda url, profile: kiosk_command(url, profile, chromium))
        self.restart_delay = restart_delay
        self.fast_exit_seconds = fast_exit_seconds
        self.max_restart_delay = max_restart_delay
        self.log = log or log_warning
        self.quiet = quiet
        self.starts = 0
        self.waits: list[float] = []   # the pauses before each restart (for tests and the log)
        self._stop = threading.Event()
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="wic-kiosk-browser", daemon=True)

    def start(self) -> "KioskBrowser":
        self._thread.start()
        return self

    def _run(self) -> None:
        delay = self.restart_delay
        while not self._stop.is_set():
            profile = make_profile()
            began = time.monotonic()
            try:
                with self._lock:
                    if self._stop.is_set():
                        break
                    # Chromium's own messages would bury the server's: they go nowhere unless asked for.
                    out = subprocess.DEVNULL if self.quiet else None
                    self._proc = subprocess.Popen(list(self._command(self.url, profile)), start_new_session=True,
                                                  stdin=subprocess.DEVNULL, stdout=out, stderr=out)
                    self.starts += 1
                code = self._proc.wait()
            except OSError as exc:
                code = None
                self.log(f"wic: could not start the kiosk browser: {exc}")
            finally:
                with self._lock:
                    self._proc = None
                shutil.rmtree(profile, ignore_errors=True)
            if self._stop.is_set():
                break
            # Closed by a visitor: start again at once. Crashing on start: wait longer each time.
            if time.monotonic() - began < self.fast_exit_seconds:
                self.log(f"wic: the kiosk browser stopped at once (exit code {code}); "
                         f"starting it again in {delay:g} s")
                wait, delay = delay, min(delay * 2, self.max_restart_delay)
            else:
                wait, delay = self.restart_delay, self.restart_delay
            self.waits.append(wait)
            self._stop.wait(wait)

    def stop(self, timeout: float = 10.0) -> None:
        """Close the browser (all its processes) and stop restarting it."""
        self._stop.set()
        with self._lock:
            proc = self._proc
        if proc is not None and proc.poll() is None:
            _kill_group(proc, signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                _kill_group(proc, signal.SIGKILL)
                proc.wait(timeout)
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        with self._lock:
            return self._proc is not None and self._proc.poll() is None


def _kill_group(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)   # the browser and its helper processes
    except (ProcessLookupError, PermissionError):
        try:
            proc.send_signal(sig)
        except ProcessLookupError:
            pass


def log_warning(msg: str) -> None:
    log.warning(msg)


def start_kiosk_browser(url: str, server=None, *, env: Mapping[str, str] | None = None,
                        chromium: str | None = None, browser_log: bool = False) -> KioskBrowser | None:
    """Called by `wic serve --kiosk` before it serves: start the kiosk browser if there is a screen.

    browser_log: let Chromium's own messages through (for finding out why a kiosk misbehaves).
    """
    env = os.environ if env is None else env
    site_dir = _served_dir(server)
    if site_dir is not None and site_is_kiosk_build(site_dir) is False:
        log.warning("this site was built without --kiosk, so the idle reset is off. "
                    "Run 'wic build --kiosk' for the centre's kiosk.")
    if not have_display(env):
        log.warning("no screen found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the kiosk browser "
                    f"was not started; serving only. Open {url} in a browser, or start 'wic serve --kiosk' "
                    "from the desktop session (see deploy/README.md).")
        return None
    try:
        chromium = chromium or chromium_path()
    except RuntimeError as exc:
        log.warning(f"{exc} Serving only.")
        return None
    if url.endswith("/"):
        url += "index.html"   # the same address the site's own Home links and resets use
    kiosk = KioskBrowser(url, chromium, quiet=not browser_log).start()
    log.info(f"Kiosk: Chromium full screen on {url}; it starts again if closed. Ctrl+C stops both.")
    atexit.register(kiosk.stop)
    if threading.current_thread() is threading.main_thread():
        # `systemctl --user stop` sends SIGTERM: stop serving the same way as Ctrl+C, so the browser is closed too.
        def on_term(signum, frame):
            raise KeyboardInterrupt
        signal.signal(signal.SIGTERM, on_term)
    return kiosk


def _served_dir(server) -> Path | None:
    handler = getattr(server, "RequestHandlerClass", None)
    directory = getattr(handler, "keywords", {}).get("directory") if handler is not None else None
    return Path(directory) if directory else None
