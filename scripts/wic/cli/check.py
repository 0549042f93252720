"""wic check: validate mkdocs.yml, content-src and every page without building."""

from __future__ import annotations

from ..errors import ContentError
from ..pipeline.check import run_check
from ..pipeline.mkdocs_yml import load_checked_settings


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="validate mkdocs.yml, content-src and all pages without building")
    p.set_defaults(run=run)


def run(args) -> int:
    try:
        settings = load_checked_settings(args.project)
    except ContentError as exc:      # mkdocs.yml itself is broken: nothing else can be checked yet
        for p in exc.problems:
            print(p)
        print(f"{len(exc.problems)} error(s) in mkdocs.yml; fix them, then run 'wic check' again")
        return 1
    report = run_check(settings)
    for p in report.problems:
        print(p)
    if report.lao_shares:
        worst = min(report.lao_shares.items(), key=lambda kv: kv[1])
        avg = sum(report.lao_shares.values()) / len(report.lao_shares)
        print(f"Lao script share of Lao pages: average {avg:.1%}, lowest {worst[1]:.1%} ({worst[0]})")
    print(f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)")
    return 1 if report.errors else 0
