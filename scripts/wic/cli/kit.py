"""wic kit DEST: write a trainer's folder (site, handout PDFs, START-HERE.html) for a USB stick."""

from __future__ import annotations

from pathlib import Path

from ..content import load_content
from ..pipeline.build import build_site
from ..release import Releases
from ..settings import load_settings
from ..training.files import HANDOUTS_DIR
from ..training.kit import SITE, START, expected_pdfs, write_kit


def add_parser(sub) -> None:
    what = "write a trainer's folder for a USB stick: the site, handouts and START-HERE.html"
    p = sub.add_parser("kit", help=what, description=what)
    p.add_argument("dest", type=Path, help="the folder to write, e.g. /media/usb/WIC-trainer-kit")
    p.add_argument("--site-dir", type=Path, default=None, help="the built site to copy (default: site_dir in mkdocs.yml)")
    p.set_defaults(run=run)


def run(args) -> int:
    settings = load_settings(args.project, site_dir=args.site_dir)
    current = Releases(settings.site_dir).current()
    content = load_content(settings.content_dir, settings.docs_dir)
    if current is None or not (current / "posters" / "posters.json").is_file() or \
            any(not (current / HANDOUTS_DIR / name).is_file() for name in expected_pdfs(content)):
        # A trainer needs the printed files: a site built with --no-posters is built again in full.
        print(f"{settings.site_dir} has no complete build (posters and handouts): building it first.")
        build_site(settings)
        content = load_content(settings.content_dir, settings.docs_dir)
    kit = write_kit(settings, args.dest, content)
    print(f"Trainer kit written to {kit.folder} ({kit.bytes / 1e6:.1f} MB):")
    print(f"  {START}   open this by double-click (Lao and English)")
    print(f"  {SITE}/             the whole site; handouts in {SITE}/handouts/ ({len(kit.pdfs)} PDFs)")
    return 0
