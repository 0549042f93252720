"""`wic check`: validate mkdocs.yml, content-src and every page, without building."""

from __future__ import annotations

from dataclasses import dataclass

from .. import features  # noqa: F401 - registers every placeholder kind and content loader
from ..content import Content, load_content
from ..content.files import outside_links
from ..content.rootcause import root_causes_first
from ..errors import ERROR, Problem
from ..pages.checks import check_pages
from ..pages.html_policy import check_html
from ..render.icons import use_theme
from ..settings import Settings
from .mkdocs_yml import check_mkdocs_yml


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
    # Reliability: mkdocs.yml, links out of the project, raw HTML; then root causes first.
    problems[:0] = check_mkdocs_yml(settings.project)
    problems.extend(source_checks(settings))
    return CheckReport(root_causes_first(problems), shares, content)


def source_checks(settings: Settings) -> list[Problem]:
    """What could harm a reader that MkDocs would publish as it is: links out of the project, raw HTML."""
    problems: list[Problem] = []
    for folder in (settings.docs_dir, settings.content_dir):
        problems.extend(outside_links(folder, settings.project))
    problems.extend(check_html(settings.docs_dir))
    return problems
