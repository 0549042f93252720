"""Poster definitions (content-src/posters/*.yml): load and validate them.

A poster file looks like this (every text in Lao and English; figures only as placeholders):

    order: 10                          # position in the gallery
    page: work-rights/wages.md         # the site page the QR code opens (docs/lo/... and docs/en/...)
    pictogram: material/cash-multiple  # a Material icon, or one in overrides/.icons
    colour: green                      # green | blue | teal | orange | brown | red | purple
    title:
      lo: ຄ່າແຮງງານຂັ້ນຕ່ຳ
      en: Minimum wage
    messages:                          # 3 to 6 short messages
      - icon: material/cash            # optional; otherwise the message is numbered
        lo: ຄ່າແຮງງານຂັ້ນຕ່ຳ {{ fact:min_wage_monthly }} ຕໍ່ເດືອນ.
        en: The minimum wage is {{ fact:min_wage_monthly }} a month.
    contacts: [district_labour_office, wic_centre]   # 1 to 4 keys from content-src/contacts.yml

Problems are reported as 'file:line: what — fix', like every other content problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..content import Content
from ..content.fields import bilingual_field
from ..content.yamlfile import Located, load_yaml
from ..errors import WARNING, ContentError, Problem, rel
from ..pages.checks import FIGURE_PATTERNS
from ..pages.lao import glossary_variants, thai_problems, variant_problem
from ..render.engine import PLACEHOLDER, render_placeholders
from ..render.icons import icon_exists
from ..text.formatting import LANGS, format_value

COLOURS = {
    # name: (main colour, dark shade for figures, light tint for the contact band)
    "green": ("#2e7d32", "#1b5e20", "#e8f5e9"),
    "blue": ("#1565c0", "#0d47a1", "#e3f2fd"),
    "teal": ("#00695c", "#004d40", "#e0f2f1"),
    "orange": ("#e65100", "#bf360c", "#fff3e0"),
    "brown": ("#6d4c41", "#4e342e", "#efebe9"),
    "red": ("#c62828", "#b71c1c", "#ffebee"),
    "purple": ("#6a1b9a", "#4a148c", "#f3e5f5"),
}
MIN_MESSAGES, MAX_MESSAGES = 3, 6
MAX_CONTACTS = 4
# Short messages read from across a room; longer ones are warned about (fitting decides the rest).
MAX_MESSAGE_CHARS = {"lo": 150, "en": 170}
MAX_TITLE_CHARS = {"lo": 70, "en": 80}
KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FIELDS = {"order", "page", "pictogram", "colour", "title", "messages", "contacts"}


@dataclass
class Message:
    text: dict          # {lo, en}: source text with placeholders
    icon: str | None
    line: int


@dataclass
class Poster:
    key: str            # file name without .yml: used in output file names
    path: str           # file, for messages
    line: int
    order: int
    page: str           # e.g. work-rights/wages.md
    pictogram: str
    colour: str
    title: dict
    messages: list[Message]
    contacts: list[str]

    def where(self, line: int | None = None) -> str:
        return f"{self.path}:{line or self.line}"

    def page_url(self, base_url: str, lang: str) -> str:
        """The page's address on the site: Lao at the root, English under en/ (no directory URLs)."""
        path = self.page[:-3] + ".html" if self.page.endswith(".md") else self.page
        base = base_url.rstrip("/") + "/"
        return base + ("en/" if lang == "en" else "") + path


def _figure_problems(text: str, where: str, line: int, problems: list[Problem]) -> None:
    # Same rule as pages: a figure must come from content-src, never be typed into a message.
    prose = PLACEHOLDER.sub(" ", text)
    for pattern, what in FIGURE_PATTERNS:
        m = pattern.search(prose)
        if m:
            problems.append(Problem(where, line, f"{what} is typed into a poster message ('{m.group(0).strip()}')",
                                    "define it once in content-src/facts (with its source) and write {{ fact:KEY }}"))
            return


def _bilingual_text(entry: Located, key: str, where: str, problems: list[Problem]) -> dict | None:
    value = bilingual_field(entry, key, where, entry.line, problems)
    return {l: " ".join(value[l].split()) for l in LANGS} if value else None


def _check_lao(text: str, where: str, line: int, content: Content | None, problems: list[Problem]) -> None:
    problems.extend(thai_problems(text, where, line))
    if content is not None:
        problems.extend(variant_problem(v, term, where, line) for v, term in glossary_variants(text, content))


MESSAGE_KINDS = ("fact", "contact", "phone")


def _check_placeholders(text: str, lang: str, where: str, line: int, content: Content, problems: list[Problem]) -> None:
    for m in PLACEHOLDER.finditer(text):
        if m.group(1) not in MESSAGE_KINDS:
            problems.append(Problem(where, line, f"poster messages cannot use {{{{ {m.group(1)} }}}}",
                                    "use only {{ fact:KEY }}, {{ contact:KEY }} or {{ phone:KEY }} in a message"))
            return
    rendered = render_placeholders(text, lang, content, where, first_line=line, kinds=MESSAGE_KINDS)
    problems.extend(rendered.problems)


def _shown_length(text: str, lang: str, content: Content | None) -> int:
    """Characters a reader sees: placeholders count as the text they become."""
    def shown(m: re.Match) -> str:
        kind, key = m.group(1), (m.group(2) or "").strip()
        if content is not None and kind == "fact" and key in content.facts:
            f = content.facts[key]
            return format_value(f.value, f.unit, lang)
        if content is not None and kind in ("contact", "phone") and key in content.contacts:
            c = content.contacts[key]
            return " / ".join(c.phone) if kind == "phone" else f"{c.name[lang]} {' / '.join(c.phone)}"
        return "x" * 10

    return len(PLACEHOLDER.sub(shown, text))


def load_poster(path: Path, content: Content | None, docs_dir: Path | None,
                problems: list[Problem], project: Path | None = None) -> Poster | None:
    where = rel(path, project)
    n = len(problems)
    try:
        data = load_yaml(path)
    except ContentError as exc:
        problems.extend(exc.problems)
        return None
    if not isinstance(data, Located):
        problems.append(Problem(where, 1, "a poster file must be a set of 'name: value' fields",
                                "start with 'title:', 'page:', 'pictogram:', 'messages:' and 'contacts:'"))
        return None
    key = path.stem
    if not KEY.match(key):
        problems.append(Problem(where, 1, f"poster file name '{path.name}' is not usable in a download link",
                                "name it with lower-case letters, digits and '-', e.g. snake-bite.yml"))
    for extra in sorted(set(data) - FIELDS):
        problems.append(Problem(where, data.line_of(extra), f"unknown poster field '{extra}'",
                                f"use only: {', '.join(sorted(FIELDS))}"))

    title = _bilingual_text(data, "title", where, problems)
    if title:
        _check_lao(title["lo"], where, data.line_of("title"), content, problems)
        for lang in LANGS:
            if len(title[lang]) > MAX_TITLE_CHARS[lang]:
                problems.append(Problem(where, data.line_of("title"),
                                        f"the {'Lao' if lang == 'lo' else 'English'} title has {len(title[lang])} characters",
                                        f"keep a poster title under {MAX_TITLE_CHARS[lang]} characters", WARNING))
            if content is not None and "{{" in title[lang]:
                problems.append(Problem(where, data.line_of("title"), "a poster title cannot hold placeholders",
                                        "put figures and phone numbers into the messages"))

    order = data.get("order", 100)
    if isinstance(order, bool) or not isinstance(order, int):
        problems.append(Problem(where, data.line_of("order"), f"'order' must be a whole number, got {order!r}",
                                "write e.g. 'order: 10' (smaller numbers come first in the gallery)"))
        order = 100

    page = data.get("page")
    if not isinstance(page, str) or not page.endswith(".md"):
        problems.append(Problem(where, data.line_of("page"), f"'page' must name a site page, got {page!r}",
                                "write the page's path inside docs/lo/, e.g. 'page: work-rights/wages.md'"))
        page = None
    elif docs_dir is not None:
        missing = [l for l in LANGS if not (docs_dir / l / page).is_file()]
        if missing:
            problems.append(Problem(where, data.line_of("page"),
                                    f"the poster's page {page} does not exist in docs/{', docs/'.join(missing)}",
                                    "point 'page:' at an existing page (its QR code opens that page)"))

    pictogram = data.get("pictogram")
    if not isinstance(pictogram, str) or not icon_exists(pictogram):
        problems.append(Problem(where, data.line_of("pictogram"), f"pictogram {pictogram!r} not found",
                                "use a Material icon such as material/shield-check, or a file in overrides/.icons"))
        pictogram = None

    colour = data.get("colour", "green")
    if not isinstance(colour, str) or colour not in COLOURS:
        problems.append(Problem(where, data.line_of("colour"), f"unknown colour {colour!r}",
                                f"use one of: {', '.join(COLOURS)}"))
        colour = "green"

    messages: list[Message] = []
    raw = data.get("messages")
    if not isinstance(raw, list) or not MIN_MESSAGES <= len(raw) <= MAX_MESSAGES:
        count = len(raw) if isinstance(raw, list) else 0
        problems.append(Problem(where, data.line_of("messages"), f"a poster needs {MIN_MESSAGES} to {MAX_MESSAGES} messages, found {count}",
                                "list short key messages under 'messages:', each as '- lo: ...' with 'en: ...' under it"))
        raw = raw if isinstance(raw, list) else []
    for item in raw:
        if not isinstance(item, Located):
            problems.append(Problem(where, data.line_of("messages"), "a message must have 'lo:' and 'en:' texts",
                                    "write each message as '- lo: ...' followed by an indented 'en: ...'"))
            continue
        line = item.line
        lo, en = item.get("lo"), item.get("en")
        if not (isinstance(lo, str) and lo.strip() and isinstance(en, str) and en.strip()):
            problems.append(Problem(where, line, "a message needs a Lao ('lo:') and an English ('en:') text",
                                    "give every message both languages, so all layouts say the same"))
            continue
        text = {"lo": " ".join(lo.split()), "en": " ".join(en.split())}
        icon = item.get("icon")
        if icon is not None and (not isinstance(icon, str) or not icon_exists(icon)):
            problems.append(Problem(where, item.line_of("icon"), f"message icon {icon!r} not found",
                                    "use a Material icon name such as material/phone, or leave 'icon:' out"))
            icon = None
        for lang in LANGS:
            line_l = item.line_of(lang)
            _figure_problems(text[lang], where, line_l, problems)
            if content is not None:
                _check_placeholders(text[lang], lang, where, line_l, content, problems)
            shown = _shown_length(text[lang], lang, content)
            if shown > MAX_MESSAGE_CHARS[lang]:
                problems.append(Problem(where, line_l, f"this message has {shown} characters",
                                        f"posters need short messages: keep it under {MAX_MESSAGE_CHARS[lang]}", WARNING))
        _check_lao(text["lo"], where, item.line_of("lo"), content, problems)
        if content is not None:
            used = [sorted(m.group(0) for m in PLACEHOLDER.finditer(text[l])) for l in LANGS]
            if used[0] != used[1]:
                problems.append(Problem(where, line, "the Lao and English texts of this message quote different figures",
                                        "use the same {{ ... }} placeholders in both languages"))
        messages.append(Message(text, icon, line))

    contacts = data.get("contacts") or []
    if not isinstance(contacts, list) or not 1 <= len(contacts) <= MAX_CONTACTS:
        problems.append(Problem(where, data.line_of("contacts"), f"a poster lists 1 to {MAX_CONTACTS} contacts",
                                "write e.g. 'contacts: [district_labour_office, wic_centre]'"))
        contacts = contacts if isinstance(contacts, list) else []
    contacts = [str(c) for c in contacts]
    if content is not None:
        for c in contacts:
            if c not in content.contacts:
                problems.append(Problem(where, data.line_of("contacts"), f"unknown contact '{c}'",
                                        "use a key from content-src/contacts.yml"))
        known = [content.contacts[c] for c in contacts if c in content.contacts]
        if known and not any(c.phone for c in known):
            # A poster on a wall is read far from any office: it must give at least one number to call.
            problems.append(Problem(where, data.line_of("contacts"), "none of the poster's contacts has a phone number",
                                    "add a contact with a phone, e.g. the social security hotline or the health centre"))
    if any(p.level != WARNING for p in problems[n:]):
        return None
    return Poster(key=key, path=where, line=1, order=order, page=page, pictogram=pictogram, colour=colour,
                  title=title, messages=messages, contacts=contacts)


def load_posters(posters_dir: Path, content: Content | None = None, docs_dir: Path | None = None,
                 ) -> tuple[list[Poster], list[Problem]]:
    """Every valid poster (in gallery order) and the problems found in all poster files."""
    problems: list[Problem] = []
    posters: list[Poster] = []
    if not posters_dir.is_dir():
        return posters, problems
    for path in sorted(posters_dir.glob("*.yml")) + sorted(posters_dir.glob("*.yaml")):
        poster = load_poster(path, content, docs_dir, problems, posters_dir.parent.parent)
        if poster is not None:
            posters.append(poster)
    posters.sort(key=lambda p: (p.order, p.key))
    return posters, problems


def _used(poster: Poster, content: Content):
    """The facts and contacts a poster's messages quote, as render_placeholders records them."""
    facts: list[str] = []
    contacts: list[str] = []
    for message in poster.messages:
        rendered = render_placeholders(message.text["lo"], "lo", content, poster.path, kinds=MESSAGE_KINDS)
        facts += [k for k in rendered.facts if k not in facts]
        contacts += [k for k in rendered.contacts if k not in contacts]
    return facts, contacts


def facts_used(poster: Poster, content: Content) -> list[str]:
    return _used(poster, content)[0]


def contacts_used(poster: Poster, content: Content) -> list[str]:
    """Contacts quoted in the messages, then the poster's listed contacts."""
    keys = _used(poster, content)[1]
    keys += [k for k in poster.contacts if k not in keys and k in content.contacts]
    return keys


def load_for_content(content: Content, docs_dir: Path) -> tuple[list[Poster], list[Problem]]:
    """The posters feature's content loader (registered in wic.posters): runs once per content load."""
    return load_posters(content.root / "posters", content, docs_dir)
