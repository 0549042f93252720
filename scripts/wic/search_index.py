"""Build one search index per language from the rendered pages.

The index is written as a script (search/wic-index-<lang>.js) rather than JSON so that it loads
from file:// too. Text is stored once, folded (see laofold) and UTF-8, with one entry per
section so results can jump to the right heading.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from .laofold import fold

SKIP_TAGS = {"script", "style", "svg", "button", "nav", "form"}
SKIP_CLASSES = {"wic-sources", "headerlink", "wic-pictogram", "md-source-file", "wic-toolbar"}
HEADINGS = {"h1", "h2", "h3"}
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "param", "track"}
BLOCK = {"p", "li", "td", "th", "div", "section", "tr", "dd", "dt", "br", "h1", "h2", "h3", "h4", "table", "ul", "ol"}


class _ArticleText(HTMLParser):
    """Collect (heading, anchor, text) sections from the page's <article>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.stack: list[tuple[str, bool]] = []   # (tag, skipping)
        self.sections: list[list] = [["", "", []]]
        self.heading: list[str] | None = None
        self.title = ""

    @property
    def skipping(self) -> bool:
        return any(s for _, s in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
            self.in_article += 1
            self.stack = []
            return
        if not self.in_article or tag in VOID:
            if tag == "br" and self.in_article and not self.skipping:
                self._text(" ")
            return
        classes = set((attrs.get("class") or "").split())
        skip = tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        self.stack.append((tag, skip))
        if tag in HEADINGS and not self.skipping:
            self.sections.append(["", attrs.get("id") or "", []])
            self.heading = []
        elif tag in BLOCK and not self.skipping:
            self._text(" ")

    def handle_endtag(self, tag):
        if not self.in_article or tag in VOID:
            return
        if tag == "article" and not self.stack:
            self.in_article -= 1
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag in HEADINGS and self.heading is not None:
            text = _clean("".join(self.heading))
            self.sections[-1][0] = text
            if tag == "h1" and not self.title:
                self.title = text
            self.heading = None
        elif tag in BLOCK:
            self._text(" ")

    def handle_data(self, data):
        if self.in_article and not self.skipping:
            if self.heading is not None:
                self.heading.append(data)
            else:
                self._text(data)

    def _text(self, data: str) -> None:
        self.sections[-1][2].append(data)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text)).strip()


def page_sections(html: str) -> tuple[str, list[list[str]]]:
    parser = _ArticleText()
    parser.feed(html)
    sections = []
    for heading, anchor, parts in parser.sections:
        text = _clean("".join(parts))
        if heading or text:
            sections.append([heading, anchor, text])
    # The H1 section carries the page's intro; merge an empty leading pseudo-section into it.
    if len(sections) > 1 and not sections[0][0] and sections[1][0] == parser.title:
        sections[1][2] = (sections[0][2] + " " + sections[1][2]).strip()
        sections.pop(0)
    return parser.title, sections


class SearchIndexWriter:
    def __init__(self):
        self.docs: dict[str, list[dict]] = {}
        self.site_dirs: dict[str, Path] = {}

    def add_page(self, lang: str, page, html: str) -> None:
        title, sections = page_sections(html)
        if not sections:
            return
        self.docs.setdefault(lang, [])
        self.docs[lang] = [d for d in self.docs[lang] if d["u"] != page.url]
        self.docs[lang].append({"u": page.url, "t": title or fold(page.title or ""), "s": sections})

    def write_language(self, lang: str, site_dir: Path) -> Path:
        payload = json.dumps({"lang": lang, "docs": self.docs.get(lang, [])}, ensure_ascii=False,
                             separators=(",", ":"))
        path = site_dir / "search" / f"wic-index-{lang}.js"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"window.__wicIndex=window.__wicIndex||{{}};window.__wicIndex[{json.dumps(lang)}]={payload};\n",
                        encoding="utf-8")
        return path
