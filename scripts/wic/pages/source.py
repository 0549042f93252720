"""Read the Markdown pages under docs/<lang>/: front matter, body, and where each line is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import Problem, rel
from ..text.formatting import LANGS

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)


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


def read_page(path: Path, lang: str, docs_dir: Path, problems: list[Problem]) -> PageSource:
    text = path.read_text(encoding="utf-8")
    where = rel(path, docs_dir.parent)
    meta, meta_lines, body, body_line = {}, {}, text, 1
    m = FRONT_MATTER.match(text)
    if m:
        try:
            meta = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.append(Problem(where, (mark.line + 2) if mark else 1, "front matter is not valid YAML",
                                    "check indentation and quote values that contain ':'"))
            meta = {}
        for i, line in enumerate(m.group(1).splitlines(), start=2):
            km = re.match(r"([A-Za-z_]+)\s*:", line)
            if km:
                meta_lines.setdefault(km.group(1), i)
        body = text[m.end():]
        body_line = text[:m.end()].count("\n") + 1
    return PageSource(path, where, lang, path.relative_to(docs_dir / lang).as_posix(), meta, body, body_line,
                      meta_lines)


def list_pages(docs_dir: Path, problems: list[Problem]) -> dict[str, dict[str, PageSource]]:
    """{lang: {slug: page}} for every Markdown file under docs/lo and docs/en."""
    pages: dict[str, dict[str, PageSource]] = {}
    for lang in LANGS:
        pages[lang] = {}
        for path in sorted((docs_dir / lang).rglob("*.md")):
            page = read_page(path, lang, docs_dir, problems)
            pages[lang][page.slug] = page
    return pages
