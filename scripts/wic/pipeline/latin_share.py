"""Lao pages are read in Lao: the share of Latin letters in the visible article text of every built
Lao page stays under a limit. Proper names and codes are excepted: source citations
(<cite class="wic-cite">), the glossary's English column (<td lang="en"> in the glossary table), and
codes such as paper sizes (<span class="wic-code">A4</span>)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..errors import Problem
from ..text.formatting import LANGS
from .verify import BuiltPage, output_check

LIMIT = 0.05
LAO = re.compile(r"[\u0E80-\u0EFF]")
LATIN = re.compile(r"[A-Za-z]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ArticleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []          # per open element: is its text excepted?
        self.in_article = 0
        self.in_glossary = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "article":
            self.in_article += 1
        if tag == "table" and "wic-glossary" in classes:
            self.in_glossary += 1
        skip = (tag in ("svg", "script", "style", "code", "kbd")
                or (tag == "cite" and "wic-cite" in classes) or "wic-code" in classes
                or (tag == "td" and self.in_glossary and a.get("lang") == "en"))
        self.stack.append(skip or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == "article":
            self.in_article -= 1
        if tag == "table" and self.in_glossary:
            self.in_glossary -= 1
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.in_article and not (self.stack and self.stack[-1]):
            self.parts.append(data)


def latin_share(page_html: str) -> float:
    # Only the article is read: the navigation around it is most of a page and none of its text.
    start, end = page_html.find("<article"), page_html.rfind("</article>")
    if 0 <= start < end:
        page_html = page_html[start:end + len("</article>")]
    parser = _ArticleText()
    parser.feed(page_html)
    text = " ".join(parser.parts)
    lao, latin = len(LAO.findall(text)), len(LATIN.findall(text))
    return latin / (lao + latin) if lao + latin else 0.0


def lao_pages(site_dir: Path) -> list[Path]:
    """Built Lao pages: the site root, without the English tree, assets, the index and posters."""
    return [p for p in sorted(site_dir.rglob("*.html"))
            if p.relative_to(site_dir).parts[0] not in ("en", "assets", "search", "posters")]


def _problem(where: str, share: float) -> Problem:
    return Problem(where, 1, f"{share:.0%} of the text a reader sees on the built Lao page is in "
                   f"Latin letters (the limit is {LIMIT:.0%})",
                   "write it in Lao; keep Latin letters for names and codes, and give English-only "
                   "sources as citations in content-src")


@output_check
def lao_pages_are_read_in_lao(page: BuiltPage, html: str) -> list[Problem]:
    """Every built page made from docs/lo/ (the theme's own pages aside)."""
    if page.source is None or page.source.relative_to(page.sources.project).parts[1:2] != (LANGS[0],):
        return []
    share = latin_share(html)
    return [_problem(page.where, share)] if share > LIMIT else []


def latin_share_problems(site_dir: Path, docs_dir: Path, rel) -> tuple[list[Problem], dict[str, float]]:
    problems: list[Problem] = []
    shares: dict[str, float] = {}
    for page in lao_pages(site_dir):
        slug = page.relative_to(site_dir).with_suffix(".md").as_posix()
        source = docs_dir / "lo" / slug
        if not source.is_file():
            continue      # 404 and other pages the theme makes
        share = latin_share(page.read_text(encoding="utf-8"))
        shares[rel(source)] = share
        if share > LIMIT:
            problems.append(_problem(rel(source), share))
    return problems, shares
