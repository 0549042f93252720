"""wic posters: render the posters again into a new release of the built site."""

from __future__ import annotations

from ..pipeline.build import build_site, rebuild_posters
from ..release import Releases
from ..settings import load_settings
from .build import add_site_options


def add_parser(sub) -> None:
    p = sub.add_parser("posters", help="render every poster to PDF and PNG into the built site (builds it first if needed)")
    add_site_options(p)
    p.add_argument("--only", nargs="+", metavar="POSTER", help="render only these posters (file names without .yml)")
    p.set_defaults(run=run)


def run(args) -> int:
    settings = load_settings(args.project, site_dir=args.site_dir, poster_base_url=args.base_url)
    if Releases(settings.site_dir).current() is None:
        print(f"{settings.site_dir} has no built site yet: building it first (the build renders the posters).")
        build_site(settings)
    else:
        rebuild_posters(settings, only=args.only)
    return 0
