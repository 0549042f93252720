"""wic check: validate mkdocs.yml, content-src and every page without building."""

from __future__ import annotations

from ..pipeline.check import run_check
from ..settings import load_settings


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="validate mkdocs.yml, content-src and all pages without building")
    p.set_defaults(run=run)


def run(args) -> int:
    report = run_check(load_settings(args.project))
    for p in report.problems:
        print(p)
    if report.lao_shares:
        worst = min(report.lao_shares.items(), key=lambda kv: kv[1])
        avg = sum(report.lao_shares.values()) / len(report.lao_shares)
        print(f"Lao script share of Lao pages: average {avg:.1%}, lowest {worst[1]:.1%} ({worst[0]})")
    print(f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)")
    return 1 if report.errors else 0
