"""wic keys, bundle, install, rollback, zim: updates by USB stick and copies for Kiwix; and the
console note of `wic serve --lan`."""

from __future__ import annotations

import argparse
import os
import signal
import time
from pathlib import Path

from ..errors import WicError
from ..settings import load_settings


def _site(args) -> Path:
    return load_settings(args.project, site_dir=args.site_dir).site_dir


def cmd_keys(args) -> int:
    from ..reach.keys import make_keys

    public, secret = make_keys(args.project, args.public_key, args.secret_key, args.force)
    print(f"Public key: {public}  (commit it: every centre checks updates with it)")
    print(f"Secret key: {secret}  (keep it safe and private, never in the project; "
          "anyone holding it can sign updates)")
    return 0


def cmd_bundle(args) -> int:
    from ..reach.bundle import make_bundle
    from ..reach.keys import default_secret_key, public_key_path

    start = time.perf_counter()
    result = make_bundle(_site(args), args.secret_key or default_secret_key(),
                         public_key_path(args.project, args.public_key),
                         args.output or args.project / "dist", args.version)
    print(f"Wrote {result.path}: version {result.version}, {result.files} files, "
          f"{result.bytes / 1e6:.1f} MB, signed, in {time.perf_counter() - start:.1f} s.")
    print(f"Copy it to a USB stick; at the centre run: wic install {result.path.name}")
    return 0


def _stopper(stop_at: str | None):
    """For tests only: stop this process (SIGSTOP) at a named stage so a test can kill it there."""
    def checkpoint(name: str) -> None:
        if name == stop_at:
            os.kill(os.getpid(), signal.SIGSTOP)
    return checkpoint


def cmd_install(args) -> int:
    from ..reach.install import install_bundle
    from ..reach.keys import public_key_path

    site = _site(args)
    print(f"Checking {args.bundle} ...")
    start = time.perf_counter()
    result = install_bundle(Path(args.bundle), site, public_key_path(args.project, args.public_key),
                            force=args.force, checkpoint=_stopper(args.stop_at))
    if result.release is None:
        print(f"Version {result.version} is already installed: nothing changed.")
        return 0
    was = f" (was {result.previous})" if result.previous else ""
    print(f"Installed version {result.version}{was}: {result.files} files checked and in place in "
          f"{time.perf_counter() - start:.1f} s. To go back: wic rollback")
    return 0


def cmd_rollback(args) -> int:
    from ..reach.install import rollback

    version, release = rollback(_site(args))
    print(f"Back to {'version ' + version if version else 'the release'} of {release.name}.")
    return 0


def cmd_zim(args) -> int:
    from ..kiwix import write_zims
    from ..pipeline.build import rebuild_zims
    from ..release import Releases

    start = time.perf_counter()
    settings = load_settings(args.project, site_dir=args.site_dir)
    if args.output:
        releases = Releases(settings.site_dir)
        with releases.lock():      # no build or install switches the site while it is read
            current = releases.current()
            if current is None:
                raise WicError(f"{settings.site_dir} has no built site — run 'wic build' first")
            results = write_zims(current, args.output, args.lang)
    else:
        results = rebuild_zims(settings, args.lang)
    for r in results:
        print(f"Wrote {r.path.name} ({r.lang}): {r.entries} entries, {r.bytes / 1e6:.1f} MB in {r.seconds:.1f} s")
    print(f"Done in {time.perf_counter() - start:.1f} s. Open the files with the Kiwix app (see the "
          "'Take it with you' page).")
    return 0


def announce_lan(server) -> None:
    """Tell the staff which address phones use, with a QR code to scan from the screen."""
    from ..serve.phone import PHONE_PAGE, addresses_for, qr_terminal, site_url

    host, port = server.server_address[:2]
    addresses = addresses_for(host)
    server.phone_addresses = addresses
    if not addresses:
        print("No Wi-Fi or network address found: start the centre's hotspot (see README, "
              "'Phones on the centre's Wi-Fi'), then run this command again.")
        return
    for address in addresses:
        print(f"Phones on the centre's Wi-Fi: open {site_url(address, port)}")
    print(qr_terminal(site_url(addresses[0], port)))
    print(f"Show the QR code full screen: http://127.0.0.1:{port}{PHONE_PAGE}")
    print(f"Posters point their QR codes at the address given when they were built; to point them "
          f"here: wic posters --base-url {site_url(addresses[0], port)}")


def add_parser(sub) -> None:
    p = sub.add_parser("keys", help="make the key pair that signs update bundles (once, by the editor)")
    p.add_argument("--public-key", type=Path, default=None, help="where to write the public key "
                   "(default: deploy/wic-update.pub in the project)")
    p.add_argument("--secret-key", type=Path, default=None, help="where to write the secret key; never "
                   "inside the project (default: ~/.config/wic/wic-update.key)")
    p.add_argument("--force", action="store_true", help="replace an existing key pair")
    p.set_defaults(run=cmd_keys)

    p = sub.add_parser("bundle", help="pack the built site into one signed update file for a USB stick")
    p.add_argument("--site-dir", type=Path, default=None)
    p.add_argument("--secret-key", type=Path, default=None, help="secret key made by 'wic keys' "
                   "(default: ~/.config/wic/wic-update.key)")
    p.add_argument("--public-key", type=Path, default=None, help="public key the centres check with "
                   "(default: deploy/wic-update.pub)")
    p.add_argument("--version", default=None, help="version number, e.g. 2026.12.1 (default: the build date "
                   "and time, YYYY.MM.DD.HHMM)")
    p.add_argument("--output", type=Path, default=None, help="file or folder to write to (default: dist/)")
    p.set_defaults(run=cmd_bundle)

    p = sub.add_parser("install", help="check a signed update bundle and make it the site (keeps the old one)")
    p.add_argument("bundle", type=Path, help="the bundle file, e.g. /media/usb/wic-site-2026.12.01.0930.zip")
    p.add_argument("--site-dir", type=Path, default=None)
    p.add_argument("--public-key", type=Path, default=None, help="public key to check the signature with "
                   "(default: deploy/wic-update.pub)")
    p.add_argument("--force", action="store_true", help="install even if the bundle is older than the site")
    p.add_argument("--stop-at", default=None, help=argparse.SUPPRESS)
    p.set_defaults(run=cmd_install)

    p = sub.add_parser("rollback", help="go back to the site as it was before the last install or build")
    p.add_argument("--site-dir", type=Path, default=None)
    p.set_defaults(run=cmd_rollback)

    p = sub.add_parser("zim", help="write the Kiwix (.zim) files again (wic build writes them too)")
    p.add_argument("--site-dir", type=Path, default=None)
    p.add_argument("--output", type=Path, default=None, help="folder for the .zim files (default: the "
                   "site's downloads/ folder, so phones can download them from 'Take it with you')")
    p.add_argument("--lang", choices=["lo", "en"], action="append", default=None, help="only this language")
    p.set_defaults(run=cmd_zim)
