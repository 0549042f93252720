"""Build one search index per language from the rendered pages.

The index is written as a script (search/wic-index-<lang>.js) rather than JSON so that it loads
from file:// too. Text is stored once, folded (see laofold) and UTF-8, with one entry per
section so results can jump to the right heading.

Each text is already split into search terms (wic.text.laoseg): where two terms touch, as Lao
syllables do, a MARK is put between them. The browser then finds the terms by splitting at marks,
spaces and punctuation, which is much cheaper than running the syllable rules over every page
on a slow phone; queries, which are short, go through the same rules in laoseg.js.
The index also carries what the browser needs besides the pages: question words to drop,
synonyms, the words of the search panel, the contacts shown when nothing matches, and every
contact's phone numbers with the help-page section that lists it (a typed number answers with
its contact).
"""

from __future__ import annotations

import json
import re
import html
from pathlib import Path

from ..text.laofold import fold
from ..text.laoseg import spans
from ..words import section

MARK = "|"

# Elements whose text is not page content: icons, scripts, controls, the generated sources table,
# heading permalinks and the pictogram. None of them nests inside another of its own kind.
SKIP = re.compile(r"<(svg|script|style|button|nav|form)\b.*?</\1>"
                  r'|<section class="wic-sources".*?</section>'
                  r'|<a class="headerlink".*?</a>'
                  r'|<div class="wic-pictogram".*?</div>'
                  r'|<aside class="md-source-file".*?</aside>', re.S)
# Contact cards repeat on most pages ("Where to get help"); their phone numbers and "helps with"
# lines would make every page match "1195" or "ງູກັດ". Only the help page (the directory the
# toolbar's Help button opens) keeps whole cards; elsewhere a card is indexed by its name.
HELP_PAGE = "help.md"
CARD = re.compile(r'<div class="wic-contact\b[^"]*"[^>]*>.*?</div>', re.S)
CARD_NAME = re.compile(r'<p class="wic-contact__name">.*?</p>', re.S)
CARD_KEY = re.compile(r'<div class="wic-contact\b[^>]*\bdata-contact="([^"]+)"')
HEADING = re.compile(r"<h([123])\b([^>]*)>(.*?)</h\1>", re.S)
ID = re.compile(r'\bid="([^"]*)"')
BLOCK_TAG = re.compile(r"</?(?:p|li|td|th|div|section|tr|dd|dt|br|h4|table|ul|ol|details|summary|blockquote)\b[^>]*>")
TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    """Visible text of an HTML fragment, folded, with blocks separated by spaces."""
    return _clean(html.unescape(TAG.sub("", BLOCK_TAG.sub(" ", fragment))))


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text)).strip()


def marked(text: str) -> tuple[str, list[str]]:
    """Text with MARK between touching terms (a literal MARK in the text becomes ¦), and its terms."""
    text = text.replace(MARK, "\u00a6")
    out, terms, pos = [], [], -1
    for start, end, term in spans(text):
        out.append(text[max(pos, 0):start])
        if start == pos:
            out.append(MARK)
        out.append(text[start:end])
        terms.append(term)
        pos = end
    out.append(text[max(pos, 0):])
    return "".join(out), terms


# Term numbers are written as fixed-width strings over these 91 characters (printable ASCII
# without '"' and backslash, so JSON needs no escapes): 2 characters for up to 8281 terms.
DIGITS = "".join(chr(c) for c in range(0x23, 0x7F) if c != 0x5C)


def encode(ids: list[int], width: int) -> str:
    out = []
    for i in ids:
        chars = []
        for _ in range(width):
            i, r = divmod(i, len(DIGITS))
            chars.append(DIGITS[r])
        out.append("".join(reversed(chars)))
    return "".join(out)


def _card_name(m: re.Match) -> str:
    name = CARD_NAME.search(m.group(0))
    return name.group(0) if name else " "


def contact_anchors(page_html: str) -> dict[str, str]:
    """{contact key: anchor of the heading above its card} on a page of contact cards."""
    anchors: dict[str, str] = {}
    marks = sorted([(m.start(), "h", m) for m in HEADING.finditer(page_html)] +
                   [(m.start(), "c", m) for m in CARD_KEY.finditer(page_html)], key=lambda x: x[0])
    anchor = ""
    for _, kind, m in marks:
        if kind == "h":
            id_match = ID.search(m.group(2))
            anchor = id_match.group(1) if id_match else anchor
        else:
            anchors.setdefault(m.group(1), anchor)
    return anchors


def page_sections(page_html: str, whole_cards: bool = True) -> tuple[str, list[list[str]]]:
    """(title, [[heading, anchor, text], ...]) of the page's article, one entry per h1-h3 section."""
    start = page_html.find('<article class="md-content__inner')
    end = page_html.rfind("</article>")
    if not 0 <= start < end:
        return "", []
    article = SKIP.sub(" ", page_html[page_html.index(">", start) + 1:end])
    if not whole_cards:
        article = CARD.sub(_card_name, article)
    sections: list[list[str]] = []
    title = ""
    pos = 0
    heading, anchor = "", ""
    for m in HEADING.finditer(article):
        body = _text(article[pos:m.start()])
        if heading or body:
            sections.append([heading, anchor, body])
        heading = _text(m.group(3))
        id_match = ID.search(m.group(2))
        anchor = id_match.group(1) if id_match else ""
        if m.group(1) == "1" and not title:
            title = heading
        pos = m.end()
    body = _text(article[pos:])
    if heading or body:
        sections.append([heading, anchor, body])
    # Text before the title (rare) belongs to the title's section.
    if len(sections) > 1 and not sections[0][0] and sections[1][0] == title:
        sections[1][2] = (sections[0][2] + " " + sections[1][2]).strip()
        sections.pop(0)
    return title, sections


class SearchIndexWriter:
    def __init__(self):
        # lang -> {page url: entry}: a page built again (mkdocs serve) replaces its entry in place.
        self.docs: dict[str, dict[str, dict]] = {}
        self.site_dirs: dict[str, Path] = {}
        self.extra: dict[str, dict] = {}
        # lang -> contacts with phone numbers, and where the help page lists them
        self.phones: dict[str, list[dict]] = {}
        self.help_pages: dict[str, tuple[str, dict[str, str]]] = {}

    def use_content(self, content) -> None:
        """Question words, synonyms, panel words and help contacts, loaded with the content."""
        words = content.extras["search"]
        for lang in ("lo", "en"):
            contacts = []
            for key in words.help_contacts:
                c = content.contacts[key]
                contacts.append({"n": c.name[lang], "p": list(c.phone), "h": c.helps_with[lang]})
            self.extra[lang] = {"stop": words.question_words, "syn": words.synonyms, "ages": words.ages,
                                "ui": section("search", lang), "help": contacts}
            self.phones[lang] = [{"k": c.key, "n": c.name[lang], "p": list(c.phone), "h": c.helps_with[lang]}
                                 for c in content.contacts.values() if c.phone]

    def add_page(self, lang: str, page, html: str) -> None:
        is_help = page.file.src_uri.split("/", 1)[-1] == HELP_PAGE
        if is_help:
            self.help_pages[lang] = (page.url, contact_anchors(html))
        title, sections = page_sections(html, whole_cards=is_help)
        if not sections:
            return
        self.docs.setdefault(lang, {})[page.url] = {"u": page.url, "t": marked(title or fold(page.title or "")),
                                                    "s": [(marked(h), a, marked(b)) for h, a, b in sections]}

    def _phones(self, lang: str) -> list[dict]:
        """Contacts with numbers, each linking to its section of the help page (none without one)."""
        if lang not in self.help_pages:
            return []
        url, anchors = self.help_pages[lang]
        return [{"n": c["n"], "p": c["p"], "h": c["h"], "u": url + ("#" + anchors[c["k"]] if anchors.get(c["k"]) else "")}
                for c in self.phones.get(lang, [])]

    def write_language(self, lang: str, site_dir: Path) -> Path:
        """Each text goes with the numbers of its terms in the term list "w", so the browser does
        not have to find the terms again for every page on first use (slow on a cheap phone)."""
        docs = list(self.docs.get(lang, {}).values())
        vocab: dict[str, int] = {}
        fields = [d["t"] for d in docs] + [f for d in docs for h, _, b in d["s"] for f in (h, b)]
        for _, terms in fields:
            for term in terms:
                vocab.setdefault(term, len(vocab))
        width = 1
        while len(DIGITS) ** width < len(vocab):
            width += 1

        def field(f):
            return [f[0], encode([vocab[t] for t in f[1]], width)]

        out = [{"u": d["u"], "t": field(d["t"]), "s": [[*field(h), a, *field(b)] for h, a, b in d["s"]]} for d in docs]
        payload = json.dumps({"lang": lang, "v": 3, "mark": MARK, "digits": DIGITS, "width": width, "w": list(vocab),
                              "docs": out, "tel": self._phones(lang), **self.extra.get(lang, {})},
                             ensure_ascii=False, separators=(",", ":"))
        path = site_dir / "search" / f"wic-index-{lang}.js"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"window.__wicIndex=window.__wicIndex||{{}};window.__wicIndex[{json.dumps(lang)}]={payload};\n",
                        encoding="utf-8")
        return path
