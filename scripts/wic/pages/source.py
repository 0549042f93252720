"""Read the Markdown pages under docs/<lang>/: front matter, body, and where each line is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..content.files import Unreadable, read_text, where as where_of
from ..content.yamlfile import Located, parse_yaml
from ..errors import ContentError, Problem
from ..text.formatting import LANGS

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
_HOME = re.compile(r"^layout:\s*['\"]?home['\"]?\s*$", re.M)


@dataclass
class PageSource:
    path: Path
    where: str           # path for messages, relative to the project
    lang: str
    slug: str            # path inside docs/<lang>/, e.g. "work-rights/hours.md"
    meta: dict
    body: str
    body_line: int       # file line of the first body line
    meta_lines: dict = field(default_factory=dict)

    def meta_line(self, key: str) -> int:
        return self.meta_lines.get(key, 1)

    @property
    def is_home(self) -> bool:
        return self.meta.get("layout") == "home"


def _front_matter(text: str, where: str, problems: list[Problem]) -> tuple[dict, dict, int]:
    """(meta, line of each key, length of the front matter in characters)."""
    m = FRONT_MATTER.match(text)
    if not m:
        if text.startswith("---\n"):
            problems.append(Unreadable(where, 1, "the front matter opened on line 1 is never closed",
                                       "add a line with only --- after the last 'name: value' line",
                                       defines=(("meta", where),)))
            # It probably ends where the page begins: at the first empty line or heading.
            end = re.search(r"^(?:\s*$|#)", text[4:], re.M)
            return {}, {}, 4 + end.start() if end else len(text)
        return {}, {}, 0
    try:
        meta = parse_yaml(m.group(1), where, first_line=2)
    except ContentError as exc:
        problems.extend(Unreadable(p.path, p.line, p.what, p.fix, p.level, (("meta", where),)) for p in exc.problems)
        # Still a home page if it says so: its checks differ from other pages'.
        return ({"layout": "home"} if _HOME.search(m.group(1)) else {}), {}, m.end()
    if meta is None:
        meta = Located(line=2)
    if not isinstance(meta, Located):
        kind = "plain text" if isinstance(meta, str) else "a list" if isinstance(meta, list) else "a single value"
        problems.append(Unreadable(where, 2, f"the front matter is {kind}, not 'name: value' lines",
                                   "write 'title: ...', 'icon: ...' and 'last_reviewed: YYYY-MM-DD' on lines of "
                                   "their own between the --- lines", defines=(("meta", where),)))
        return {}, {}, m.end()
    sources = meta.get("sources")
    if sources is not None and not isinstance(sources, list):
        problems.append(Problem(where, meta.line_of("sources"), f"'sources' must be a list, got {sources!r:.40}",
                                "write each source on a line of its own under 'sources:', starting with '  - '"))
    return meta, dict(meta.key_lines), m.end()


def read_page(path: Path, lang: str, docs_dir: Path, problems: list[Problem]) -> PageSource:
    """One page; raises ContentError (an Unreadable problem) when the file cannot be read at all."""
    project = docs_dir.parent
    text = read_text(path, project, problems)
    where = where_of(path, project)
    meta, meta_lines, end = _front_matter(text, where, problems)
    body, body_line = text[end:], text.count("\n", 0, end) + 1
    return PageSource(path, where, lang, path.relative_to(docs_dir / lang).as_posix(), meta, body, body_line,
                      meta_lines)


def list_pages(docs_dir: Path, problems: list[Problem]) -> dict[str, dict[str, PageSource]]:
    """{lang: {slug: page}} for every Markdown file under docs/lo and docs/en that can be read."""
    pages: dict[str, dict[str, PageSource]] = {}
    for lang in LANGS:
        pages[lang] = {}
        for path in sorted((docs_dir / lang).rglob("*.md")):
            try:
                page = read_page(path, lang, docs_dir, problems)
            except ContentError as exc:
                # Pages that link to it, or its twin, must not each report it as missing.
                name = where_of(path, docs_dir.parent)
                problems.extend(Unreadable(p.path, p.line, p.what, p.fix, p.level, (("page", name),))
                                for p in exc.problems)
                continue
            pages[lang][page.slug] = page
    return pages
