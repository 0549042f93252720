"""Checks of the built site before it is published: the last guard between a mistake and readers.

The content checks look at what authors wrote; these look at what MkDocs and the theme made of
it, so a mistake that slipped past them (a placeholder in a title, a plugin missing from a
config, a picture loaded from the web) still never reaches the site. Each check is registered
with @output_check and gets every built page; problems name the SOURCE page and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..content.files import where
from ..errors import ContentError, Problem
from ..pages.source import FRONT_MATTER
from ..settings import Settings
from ..text.formatting import LANGS


class Sources:
    """The Markdown pages of the build, to find which one (and which line) a built text came from:
    a page's title, for one, shows up in the navigation of every other page."""

    def __init__(self, paths: dict[Path, Path], project: Path):
        self.paths, self.project = paths, project
        self._texts: dict[Path, str] = {}

    def text(self, path: Path) -> str:
        if path not in self._texts:
            try:
                self._texts[path] = path.read_text(encoding="utf-8-sig", errors="replace").replace("\r\n", "\n")
            except OSError:
                self._texts[path] = ""
        return self._texts[path]

    def find(self, needle: str, first: Path | None) -> tuple[Path, int] | None:
        """(page, line) of `needle`: in `first` if it is there, else in the first page that has it.
        Front matter comes first: its values (a title) are shown as written, the body is rendered."""
        if not needle:
            return None
        order = [first] * (first is not None) + sorted(set(self.paths.values()))
        for front in (True, False):
            for path in order:
                text = self.text(path)
                m = FRONT_MATTER.match(text)
                i = text.find(needle, 0, m.end() if m else 0) if front else text.find(needle)
                if i >= 0:
                    return path, text.count("\n", 0, i) + 1
        return None


@dataclass
class BuiltPage:
    output: Path            # the HTML file in the release being built
    source: Path | None     # the Markdown page it was made from (None: the theme's own, e.g. 404.html)
    where: str              # for messages: the source page, else the built file
    sources: Sources

    def locate(self, needle: str) -> tuple[str, int]:
        """(file, line) to name for a text found in this built page: where the text was written."""
        found = self.sources.find(needle, self.source)
        if found is None:
            return self.where, 1
        return where(found[0], self.sources.project), found[1]


OUTPUT_CHECKS: list[Callable[[BuiltPage, str], list[Problem]]] = []


def output_check(fn: Callable[[BuiltPage, str], list[Problem]]):
    """Register a check of one built page: fn(page, html) -> problems."""
    OUTPUT_CHECKS.append(fn)
    return fn


def built_pages(settings: Settings, folder: Path) -> list[BuiltPage]:
    """Every HTML page in the built folder, with the page it came from (the default language at
    the root, the others under <lang>/; no directory URLs)."""
    paths: dict[Path, Path] = {}
    for i, lang in enumerate(LANGS):
        base = settings.docs_dir / lang
        for md in base.rglob("*.md") if base.is_dir() else []:
            out = folder / ("" if i == 0 else lang) / md.relative_to(base).with_suffix(".html")
            paths[out] = md
    sources = Sources(paths, settings.project)
    return [BuiltPage(html, paths.get(html), where(paths.get(html, html), settings.project), sources)
            for html in sorted(folder.rglob("*.html"))]


@output_check
def unrendered_placeholders(page: BuiltPage, html: str) -> list[Problem]:
    """A '{{' left in a built page is a placeholder readers would see as code."""
    i = html.find("{{")
    if i < 0:
        return []
    shown = re.split(r"[<\n]", html[i:i + 60])[0]
    shown = shown[:shown.find("}}") + 2] if "}}" in shown else shown
    path, line = page.locate(shown.strip())
    if line == 1 and path == page.where:
        path, line = page.locate("{{")
    return [Problem(path, line, f"the built page still shows '{shown.strip()}' to readers",
                    "write placeholders as {{ kind:KEY }} in the page's text (not in its title), and keep '- wic:' "
                    "under 'plugins' in mkdocs.yml")]


_FETCHING = re.compile(r"<(img|script|iframe|audio|video|source|track|embed|object|input|link)\b([^>]*)>", re.I)
_ATTR = re.compile(r"""\s(src|data|poster|href|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_NOT_FETCHED = re.compile(r"""\srel\s*=\s*["']?(?:canonical|alternate)\b""", re.I)


@output_check
def nothing_from_off_the_machine(page: BuiltPage, html: str) -> list[Problem]:
    """The site works offline: no page loads a picture, script or style from the web."""
    problems = []
    for tag in _FETCHING.finditer(html):
        if tag.group(1).lower() == "link" and _NOT_FETCHED.search(tag.group(2)):
            continue
        for attr in _ATTR.finditer(tag.group(2)):
            url = next(v for v in attr.groups()[1:] if v is not None).strip()
            if re.match(r"(?:[a-z][a-z0-9+.\-]*:)?//", url, re.I) and not url.lower().startswith("file:"):
                problems.append(Problem(*page.locate(url), f"the built page loads {url} from off the machine",
                                        "put the file into docs/ and link to it with a relative path"))
    return problems


def verify_output(settings: Settings, folder: Path) -> list[Problem]:
    problems: dict[str, Problem] = {}      # one line per source and problem, not one per built page
    for page in built_pages(settings, folder):
        html = page.output.read_text(encoding="utf-8", errors="replace")
        for check in OUTPUT_CHECKS:
            for p in check(page, html):
                problems.setdefault(str(p), p)
    return list(problems.values())


def require_clean_output(settings: Settings, folder: Path) -> None:
    """Raise ContentError (the release is then discarded) when a built page would show a problem."""
    problems = verify_output(settings, folder)
    if problems:
        raise ContentError(problems)
