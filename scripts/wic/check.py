"""`wic check`: validate content-src and every page without building."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import load_content
from .pages import check_pages
from .problems import ERROR, Problem


@dataclass
class CheckReport:
    problems: list[Problem]
    lao_shares: dict[str, float]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level != ERROR]


def run_check(project: Path) -> CheckReport:
    content = load_content(project / "content-src")
    problems = list(content.problems)
    page_problems, shares = check_pages(project / "docs", content)
    problems.extend(page_problems)
    return CheckReport(problems, shares)
