"""`wic zim`: one Kiwix file (.zim) per language from the built site, to take away on a phone.

Each file holds that language's pages, every asset they load, the search index of the site's own
search, and all the posters (the poster gallery links to every layout). Paths are the site's own,
so the pages' relative links work unchanged; only the language switch is taken out (the other
language is in the other file).

Kiwix's full-text search (Xapian) does not segment Lao, strips vowel and tone marks from queries,
skips words over 64 bytes and folds none of the spelling variants people type. For Lao pages we
give libzim the text to index ourselves: every syllable (wic.text.laoseg) and every run of 2 to 6
neighbouring syllables joined, marks stripped as libzim strips them from queries, each word also
in the spellings that neither folding nor mark-stripping unifies (ຫນ ຫມ ຫລ ໍາ, Lao digits). An
unspaced query of up to six syllables is then one indexed word. On tests/search_queries.yml
(45 Lao queries) the expected page is in Kiwix's top 10 for 45 queries, against 23 with libzim's
own indexer; joining only 2-4 syllables missed five-syllable terms such as ປະກັນສຸຂະພາບ.
English keeps libzim's own indexer.

The illustration (zim-illustration-48.png) is the site's favicon.svg drawn at 48×48 by Chromium.
"""

from __future__ import annotations

import contextlib
import functools
import html
import mimetypes
import os
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from libzim.writer import Creator, FileProvider, Hint, IndexData, Item, StringProvider

from ..errors import BuildError
from ..text.laofold import fold
from ..text.laoseg import spans
from ..release import build_date, site_files
from ..search.index import SKIP, _text

ILLUSTRATION = Path(__file__).with_name("zim-illustration-48.png")
DOWNLOADS = "downloads"
LANGS = ("lo", "en")
ISO639_3 = {"lo": "lao", "en": "eng"}
MAIN_PAGE = {"lo": "index.html", "en": "en/index.html"}
# Kiwix shows at most 30 characters of a title and 80 of a description.
META = {
    "lo": {"title": "ຄັງຄວາມຮູ້ ສູນຂໍ້ມູນຜູ້ອອກແຮງງານ",
           "description": "ສິດໃນການເຮັດວຽກ, ປະກັນສັງຄົມ, ຄວາມປອດໄພໃນສວນ ແລະ ສິດຂອງແມ່ຍິງ ສຳລັບຊາວສວນກາເຟ ແລະ ຊາ"},
    "en": {"title": "WIC Knowledge Base",
           "description": "Work rights, social security, farm safety and women's rights for tea and coffee"},
}
CREATOR = "Worker Information Centres, Bolaven Plateau"
# Files that belong to no take-away copy: the other language, the site map, the ZIMs themselves.
_SHARED_DIRS = ("assets/", "posters/")
_NEVER = ("sitemap.xml", "sitemap.xml.gz")
_LANG_SWITCH = re.compile(r'<a class="wic-btn wic-btn--lang"[^>]*>.*?</a>', re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_TAG = re.compile(r"<[^>]+>")
_ARTICLE = re.compile(r'<article class="md-content__inner[^>]*>(.*)</article>', re.S)
_LAO = re.compile(r"[\u0e80-\u0eff]")
_JOIN = (2, 3, 4, 5, 6)   # Lao terms are often 5 or 6 syllables: ປະກັນສຸຂະພາບ, ຢາປາບສັດຕູພືດ
_MAX_TERM_BYTES = 64     # Xapian's limit in libzim: longer words are dropped
_LAO_DIGITS = str.maketrans("0123456789", "໐໑໒໓໔໕໖໗໘໙")


def belongs(path: str, lang: str) -> bool:
    """Whether a site file goes into lang's ZIM."""
    if path.startswith(DOWNLOADS + "/") or path in _NEVER:
        return False
    if path.startswith(_SHARED_DIRS):
        return True
    if path.startswith("search/"):
        return path == f"search/wic-index-{lang}.js"
    return path.startswith("en/") == (lang == "en")


def strip_marks(text: str) -> str:
    """What libzim does to a query before searching: lower case, no combining marks (Lao vowel
    signs above and below, tone marks)."""
    return unicodedata.normalize("NFC", "".join(
        ch for ch in unicodedata.normalize("NFD", text.lower()) if not unicodedata.category(ch).startswith("M")))


def lao_index_text(text: str) -> str:
    """Index words of Lao text: each syllable and each 2-6 syllable run joined, marks stripped,
    plus the spellings people type that Kiwix does not fold (ຫນ ຫມ ຫລ ໍາ, Lao digits)."""
    words: list[str] = []
    run: list[tuple[str, str]] = []
    last_end = -1
    for start, end, term in spans(fold(text)) + [(-2, -2, "")]:
        lao = bool(_LAO.match(term))
        if start != last_end or not lao:
            words.extend(_joined(run))
            run = []
        if not term:
            break
        if lao:
            run.append(_forms(term))
        else:
            words.extend(w for w in dict.fromkeys(_forms(term)) if len(w.encode()) <= _MAX_TERM_BYTES)
        last_end = end
    return " ".join(words)


@functools.lru_cache(maxsize=50_000)
def _forms(term: str) -> tuple[str, str]:
    """A folded term as libzim indexes it, and as typed in the spellings folding unified."""
    typed = term.replace("ໜ", "ຫນ").replace("ໝ", "ຫມ").replace("ຫຼ", "ຫລ").replace("ຳ", "ໍາ").translate(_LAO_DIGITS)
    return strip_marks(term), strip_marks(typed)


def _joined(run: list[tuple[str, str]]) -> list[str]:
    out = []
    for n in (1, *_JOIN):
        for i in range(len(run) - n + 1):
            main = "".join(f[0] for f in run[i:i + n])
            other = "".join(f[1] for f in run[i:i + n])
            for word in (main, other) if other != main else (main,):
                if len(word.encode()) <= _MAX_TERM_BYTES:
                    out.append(word)
    return out


def page_title(page_html: str) -> str:
    m = _H1.search(page_html) or _TITLE.search(page_html)
    return re.sub(r"\s+", " ", html.unescape(_TAG.sub("", m.group(1)))).strip() if m else ""


def page_text(page_html: str) -> str:
    m = _ARTICLE.search(page_html)
    return _text(SKIP.sub(" ", m.group(1))) if m else ""


class _LaoIndex(IndexData):
    def __init__(self, title: str, text: str):
        super().__init__()
        self.title, self.text = title, text

    def has_indexdata(self):
        return True

    def get_title(self):
        return lao_index_text(self.title)

    def get_content(self):
        return lao_index_text(self.title + " " + self.text)

    def get_keywords(self):
        return ""

    def get_wordcount(self):
        return len(self.text.split())

    def get_geoposition(self):
        return None


class _File(Item):
    def __init__(self, site: Path, path: str):
        super().__init__()
        self.site, self.path = site, path

    def get_path(self):
        return self.path

    def get_title(self):
        return ""

    def get_mimetype(self):
        return _mimetype(self.path)

    def get_contentprovider(self):
        return FileProvider(str(self.site / self.path))

    def get_hints(self):
        return {Hint.COMPRESS: _compressible(self.path)}


class _Page(Item):
    """An HTML page: a front article with its title; English pages are indexed by libzim."""

    def __init__(self, path: str, page_html: str):
        super().__init__()
        self.path = path
        self.html = _LANG_SWITCH.sub("", page_html)
        self.title = page_title(page_html)

    def get_path(self):
        return self.path

    def get_title(self):
        return self.title

    def get_mimetype(self):
        return "text/html"

    def get_contentprovider(self):
        return StringProvider(self.html)

    def get_hints(self):
        return {Hint.FRONT_ARTICLE: not self.path.endswith("404.html"), Hint.COMPRESS: True}


class _LaoPage(_Page):
    def get_indexdata(self):
        return _LaoIndex(self.title, page_text(self.html))


def _mimetype(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    return {".js": "text/javascript", ".css": "text/css", ".woff2": "font/woff2", ".svg": "image/svg+xml",
            ".json": "application/json", ".pdf": "application/pdf"}.get(ext) \
        or mimetypes.guess_type(path)[0] or "application/octet-stream"


def _compressible(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in {".html", ".js", ".css", ".svg", ".json", ".txt", ".xml", ".map"}


@dataclass
class ZimResult:
    lang: str
    path: Path
    entries: int
    bytes: int
    seconds: float


def zim_name(lang: str) -> str:
    return f"wic-knowledge-base_{lang}.zim"


def write_zim(site: Path, lang: str, dest: Path, lao_index: bool = True) -> ZimResult:
    start = time.perf_counter()
    files = [p.as_posix() for p in site_files(site) if belongs(p.as_posix(), lang)]
    if MAIN_PAGE[lang] not in files:
        raise BuildError(f"{site}: no {MAIN_PAGE[lang]} to be the ZIM's main page — run 'wic build' first")
    built = build_date(site)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    page_class = _LaoPage if lang == "lo" and lao_index else _Page
    with Creator(partial).config_verbose(False).config_indexing(True, ISO639_3[lang]) as creator:
        creator.set_mainpath(MAIN_PAGE[lang])
        creator.add_illustration(48, ILLUSTRATION.read_bytes())
        for name, value in (("Name", f"wic-knowledge-base_{lang}"), ("Title", META[lang]["title"]),
                            ("Language", ISO639_3[lang]), ("Creator", CREATOR), ("Publisher", CREATOR),
                            ("Date", built.date().isoformat()), ("Description", META[lang]["description"]),
                            ("Tags", "_category:other;labour;safety;laos")):
            creator.add_metadata(name, value)
        for path in files:
            if path.endswith(".html"):
                creator.add_item(page_class(path, (site / path).read_text(encoding="utf-8")))
            else:
                creator.add_item(_File(site, path))
    os.replace(partial, dest)
    return ZimResult(lang, dest, len(files), dest.stat().st_size, time.perf_counter() - start)


def write_zims(site: Path, out: Path, langs=None) -> list[ZimResult]:
    """The ZIM of each language, written from a site folder into `out` (the build puts them in the
    site's downloads/ folder, so phones on the centre's Wi-Fi can take them from "Take it with you")."""
    out.mkdir(parents=True, exist_ok=True)
    with _quiet_stdout():
        return [write_zim(site, lang, out / zim_name(lang)) for lang in langs or LANGS]


@contextlib.contextmanager
def _quiet_stdout():
    """libzim's writer prints its progress from C++ straight to file descriptor 1."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)

