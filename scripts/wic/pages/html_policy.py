"""Which raw HTML a page may hold: pages are written by centre staff, and the site runs on the
centre's kiosk and from USB sticks, offline.

Markdown lets any HTML through to the site. We allow a safe subset (our own div/span with
classes, details/summary, tables, line breaks, emphasis, links and pictures inside the site) and
refuse, with file and line, what could run code or fetch from off the machine: script, event
handlers (onclick=...), iframe, object, embed, any other tag outside the subset, a remote or
javascript: address, and CSS that loads a remote URL.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..errors import Problem
from .source import PageSource, list_pages

ALLOWED_TAGS = frozenset("""
    div span details summary table thead tbody tfoot tr th td caption colgroup col br wbr hr
    strong em b i u s small sub sup mark abbr kbd code pre p ul ol li dl dt dd blockquote
    figure figcaption a img style
""".split())
# Tags with a reason of their own; anything else outside ALLOWED_TAGS gets the general one.
REASONS = {
    "script": ("pages cannot run scripts", "remove it; the site's own scripts live in overrides/assets/wic/"),
    "iframe": ("embedded pages load from elsewhere", "remove it; link to a page of the site instead"),
    "object": ("embedded objects can run code and load from elsewhere", "remove it; put the file into docs/ and link to it"),
    "embed": ("embedded objects can run code and load from elsewhere", "remove it; put the file into docs/ and link to it"),
}
URL_ATTRS = frozenset("href src srcset action formaction poster background cite data longdesc manifest ping "
                      "xlink:href".split())
# Addresses a link may use besides relative ones: phone calls and e-mail open on the device itself.
LINK_SCHEMES = ("tel:", "mailto:")
SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:")
REMOTE_CSS = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"]?)\s*(?:[a-z][a-z0-9+.\-]*:|//|\\\\)""", re.I)
# Kept out of the check, line breaks and columns unchanged: code (shown as text, never run) and
# Markdown autolinks such as <https://...> (Markdown links, not HTML).
CODE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$|`[^`\n]*`", re.S | re.M)
AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^\s<>]*|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)>")


def _blank(m: re.Match) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


def _address_problem(tag: str, attr: str, value: str) -> tuple[str, str] | None:
    address = re.sub(r"[\x00-\x20]", "", value).lower()
    if attr == "href" and tag == "a" and address.startswith(LINK_SCHEMES):
        return None
    if SCHEME.match(address) or address.startswith(("//", "\\\\", "/\\")):
        kind = "a script address" if address.startswith(("javascript:", "vbscript:")) else "an address outside the site"
        shown = value if len(value) <= 60 else value[:60] + "…"
        if tag == "a":
            return (f"<a {attr}=\"{shown}\"> is {kind}",
                    "link to a page of the site with a relative path (e.g. ../help.md); write a web address "
                    "as plain text or a Markdown link")
        return (f"<{tag} {attr}=\"{shown}\"> is {kind}: the site must work offline and load nothing from elsewhere",
                "put the file into docs/ and use a relative path")
    return None


class _Policy(HTMLParser):
    def __init__(self, where: str, first_line: int):
        super().__init__(convert_charrefs=True)
        self.where, self.first_line = where, first_line
        self.problems: list[Problem] = []
        self.in_style = False

    def _add(self, what: str, fix: str) -> None:
        self.problems.append(Problem(self.where, self.first_line + self.getpos()[0] - 1, what, fix))

    def handle_starttag(self, tag, attrs):
        if tag in REASONS:
            what, fix = REASONS[tag]
            self._add(f"<{tag}> is not allowed: {what}", fix)
        elif tag not in ALLOWED_TAGS:
            self._add(f"<{tag}> is not in the HTML a page may use",
                      "write it in Markdown, or use only: " + ", ".join(sorted(ALLOWED_TAGS - {"style"})))
        self.in_style = tag == "style"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._add(f"<{tag} {name}=...> is an event handler: pages cannot run scripts", f"remove '{name}=...'")
            elif name in URL_ATTRS:
                found = _address_problem(tag, name, value)
                if found:
                    self._add(*found)
            elif name == "style" and REMOTE_CSS.search(value):
                self._add(f"<{tag} style=...> loads a file from outside the site",
                          "remove the url(...); put pictures into docs/ and use the site's CSS classes")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style and REMOTE_CSS.search(data):
            self._add("<style> loads a file from outside the site (url(...) or @import)",
                      "remove it; the site's styles live in overrides/assets/wic/")


def html_problems(text: str, where: str, first_line: int = 1) -> list[Problem]:
    """Problems with the raw HTML in one page's Markdown (first_line: the file line of text's first line)."""
    if "<" not in text:
        return []
    text = AUTOLINK.sub(_blank, CODE.sub(_blank, text))
    policy = _Policy(where, first_line)
    try:
        policy.feed(text)
        policy.close()
    except Exception as exc:  # noqa: BLE001 - html.parser asserts on some malformed markup
        policy.problems.append(Problem(where, first_line + policy.getpos()[0] - 1,
                                       f"this HTML cannot be read ({type(exc).__name__})",
                                       "write it in Markdown, or close every tag and quote every attribute"))
    return policy.problems


def page_html_problems(page: PageSource) -> list[Problem]:
    problems = html_problems(page.body, page.where, page.body_line)
    title = page.meta.get("title")
    if isinstance(title, str) and "<" in title and _has_tag(title):
        problems.append(Problem(page.where, page.meta_line("title"), "the title holds HTML",
                                "write the title as plain text"))
    return problems


def _has_tag(text: str) -> bool:
    found = []

    class _Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append(tag)

    try:
        _Tags().feed(text)
    except Exception:  # noqa: BLE001 - unreadable markup in a title is HTML all the same
        return True
    return bool(found)


def check_html(docs_dir: Path) -> list[Problem]:
    """The raw HTML policy for every page (pages that cannot be read are reported by check_pages)."""
    problems: list[Problem] = []
    for by_slug in list_pages(docs_dir, []).values():
        for page in by_slug.values():
            problems.extend(page_html_problems(page))
    return problems
