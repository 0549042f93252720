"""wic check: validate mkdocs.yml, content-src and every page without building."""

from __future__ import annotations

from ..errors import ContentError
from ..pipeline.check import run_check
from ..pipeline.output_check import check_built_pages
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
    problems = list(report.problems)
    latin: dict[str, float] = {}
    if not report.errors:
        # Only a page that can be built can be looked at as readers will get it.
        built, latin = check_built_pages(settings)
        problems += built
    for p in problems:
        print(p)
    if report.lao_shares:
        worst = min(report.lao_shares.items(), key=lambda kv: kv[1])
        avg = sum(report.lao_shares.values()) / len(report.lao_shares)
        print(f"Lao script share of Lao pages' text: average {avg:.1%}, lowest {worst[1]:.1%} ({worst[0]})")
    if latin:
        worst = max(latin.items(), key=lambda kv: kv[1])
        print(f"Latin letters a reader sees on built Lao pages: highest {worst[1]:.1%} ({worst[0]}; limit 5%)")
    errors = [p for p in problems if p.level == "error"]
    print(f"{len(errors)} error(s), {len(problems) - len(errors)} warning(s)")
    return 1 if errors else 0
