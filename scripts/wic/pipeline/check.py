"""`wic check`: validate mkdocs.yml, content-src and every page, without building."""

from __future__ import annotations

from dataclasses import dataclass

from .. import features  # noqa: F401 - registers every placeholder kind and content loader
from ..content import Content, load_content
from ..errors import ERROR, Problem
from ..pages.checks import check_pages
from ..render.icons import use_theme
from ..settings import Settings


@dataclass
class CheckReport:
    problems: list[Problem]
    lao_shares: dict[str, float]
    content: Content

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level != ERROR]


def run_check(settings: Settings) -> CheckReport:
    use_theme(settings.theme_dir)
    content = load_content(settings.content_dir, settings.docs_dir)
    problems = list(content.problems)
    page_problems, shares = check_pages(settings.docs_dir, content)
    problems.extend(page_problems)
    return CheckReport(problems, shares, content)
