"""Read the Markdown pages under docs/<lang>/ and check what every page must have.

Each page: front matter (title, last_reviewed, icon), one H1, a "Key points" box of 3-5
bullets right after it, and "What to do" then "Where to get help" as its last two sections.
Twins (same path in docs/lo and docs/en) must use the same facts and have as many sections.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..content import Content
from ..errors import WARNING, Problem
from ..text.laofold import fold
from ..render.engine import PLACEHOLDER, render_placeholders
from ..render.icons import icon_exists
from ..words import t
from .lao import THAI, glossary_variants, thai_problems, variant_problem
from .source import PageSource, list_pages

LAO_LETTER = re.compile(r"[\u0E80-\u0EFF]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
# Figures that must come from content-src, never typed into prose.
FIGURE_PATTERNS = [
    (re.compile(r"\d[\d.,]*\s*(?:ກີບ|kip\b|KIP\b|₭|ບາດ|baht\b|USD|\$)", re.I), "a money amount"),
    (re.compile(r"\d[\d.,]*\s*%|\d\s*percent\b|ເປີເຊັນ"), "a percentage"),
    (re.compile(r"(?<![\w./-])(?:\+?856[\s-]?)?(?:\d[\s-]?){6,}\d(?![\w/])|(?<![\w./-])1[0-8]\d\d(?![\w./-])"), "a phone number"),
    (re.compile(r"\b\d+\s*(?:days?|hours?|weeks?|months?|years?)\b|\d+\s*(?:ວັນ|ຊົ່ວໂມງ|ອາທິດ|ເດືອນ|ປີ)", re.I),
     "a day, hour, month or year count"),
]
HAS_DIGIT = re.compile(r"\d")
LIST_NUMBER = re.compile(r"^\s*\d+\.(?:\s|$)")
CODE_SPAN = re.compile(r"`[^`]*`|```.*?```", re.S)
HTML_TAG = re.compile(r"<[^>]+>")
URL = re.compile(r"\(?https?://\S+|\]\([^)]*\)")
ATTR_LIST = re.compile(r"\{\s*[.#:][^}]*\}")
EMOJI = re.compile(r":[a-z0-9]+(?:-[a-z0-9]+)+:")


def _prose(body: str) -> str:
    """Body text a reader sees, without code, HTML tags, placeholders and link targets."""
    body = CODE_SPAN.sub(" ", body)
    body = PLACEHOLDER.sub(" ", body)
    body = URL.sub(" ", body)
    body = ATTR_LIST.sub(" ", body)
    body = EMOJI.sub(" ", body)
    return HTML_TAG.sub(" ", body)


def lao_share(body: str) -> float:
    prose = _prose(body)
    lao = len(LAO_LETTER.findall(prose))
    latin = len(LATIN_LETTER.findall(prose))
    return lao / (lao + latin) if lao + latin else 1.0


def headings(body: str, level: int) -> list[tuple[int, str]]:
    """(line index in body, text) of ATX headings of one level, outside code fences."""
    out, fenced = [], False
    for i, line in enumerate(body.splitlines()):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("#" * level + " "):
            out.append((i, line[level + 1:].strip()))
    return out


def check_page(page: PageSource, content: Content, all_slugs: set[str]) -> tuple[list[Problem], list[str]]:
    """Problems in one page, and the fact keys it uses."""
    problems: list[Problem] = []
    where, lang = page.where, page.lang
    meta = page.meta
    if not isinstance(meta.get("title"), str) or not meta.get("title", "").strip():
        problems.append(Problem(where, 1, "front matter has no 'title'", "add 'title: ...' between the --- lines"))
    if not isinstance(meta.get("last_reviewed"), dt.date):
        problems.append(Problem(where, page.meta_line("last_reviewed"), "front matter has no valid 'last_reviewed' date",
                                "add 'last_reviewed: YYYY-MM-DD' with the day the page was last checked"))
    icon = meta.get("icon")
    if not isinstance(icon, str) or not icon_exists(icon):
        problems.append(Problem(where, page.meta_line("icon"), f"pictogram icon {icon!r} not found",
                                "set 'icon:' to a Material icon such as material/shield-check, or a file in overrides/.icons"))

    rendered = render_placeholders(page.body, lang, content, where, first_line=page.body_line)
    problems.extend(rendered.problems)

    lines = page.body.splitlines()
    h1 = headings(page.body, 1)
    if len(h1) != 1:
        problems.append(Problem(where, page.body_line, f"page has {len(h1)} top headings ('# ...')",
                                "start the page with exactly one '# Title' line"))
    elif not page.is_home:
        # Key points box straight after the title.
        i = h1[0][0] + 1
        while i < len(lines) and not lines[i].strip():
            i += 1
        expected = f'!!! abstract "{t("key_points", lang)}"'
        if i >= len(lines) or lines[i].strip() != expected:
            problems.append(Problem(where, page.body_line + min(i, len(lines) - 1),
                                    "the page does not open with its key points",
                                    f"put '{expected}' right after the title, followed by 3-5 indented '- ' points"))
        else:
            bullets = 0
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j].startswith("    ")):
                if lines[j].startswith("    - "):
                    bullets += 1
                j += 1
            if not 3 <= bullets <= 5:
                problems.append(Problem(where, page.body_line + i, f"key points box has {bullets} points",
                                        "give 3 to 5 short points, each on a line starting with '    - '"))
        h2 = [h for _, h in headings(page.body, 2)]
        want = [t("what_to_do", lang), t("where_help", lang)]
        if h2[-2:] != want:
            problems.append(Problem(where, page.body_line + len(lines) - 1,
                                    f"the page does not end with the sections '{want[0]}' and '{want[1]}'",
                                    f"make '## {want[0]}' and then '## {want[1]}' the last two sections"))

    # Figures typed into prose instead of pulled from content-src.
    prose_lines = _prose(page.body).splitlines()
    for n, line in enumerate(prose_lines):
        if not HAS_DIGIT.search(line) and "ເປີເຊັນ" not in line:
            continue
        if line.lstrip().startswith(("!!!", "???")):
            continue
        line = LIST_NUMBER.sub("", line)
        for pattern, what in FIGURE_PATTERNS:
            m = pattern.search(line)
            if m:
                problems.append(Problem(where, page.body_line + n, f"{what} is typed into the text ('{m.group(0).strip()}')",
                                        "define it once in content-src/facts (with its source) and write {{ fact:KEY }}"))
                break

    if lang == "lo":
        for n, line in enumerate(page.body.splitlines()):
            problems.extend(thai_problems(line, where, page.body_line + n))
        if isinstance(meta.get("title"), str):
            problems.extend(thai_problems(meta["title"], where, page.meta_line("title")))
        for n, line in enumerate(page.body.splitlines()):
            folded = fold(line)
            if folded != line and THAI.search(line) is None:
                # A line may differ only by what folding drops at its end (a zero-width space).
                i = next((k for k, (a, b) in enumerate(zip(line, folded)) if a != b), min(len(line), len(folded)))
                problems.append(Problem(where, page.body_line + n,
                                        f"non-standard Lao spelling near '{line[max(0, i - 3):i + 4]}'",
                                        f"write it as '{folded[max(0, i - 3):i + 4]}' (ໜ ໝ ຳ ຫຼ ແ, tone after the vowel, "
                                        "no zero-width characters, Arabic digits)", WARNING))
        for variant, term in glossary_variants(_prose(page.body), content):
            n = next((k for k, l in enumerate(page.body.splitlines()) if variant in l), 0)
            problems.append(variant_problem(variant, term, where, page.body_line + n))

    # Internal links.
    for n, line in enumerate(lines):
        for m in LINK.finditer(line):
            target = m.group(1)
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            path_part = target.split("#", 1)[0]
            resolved = (Path(page.slug).parent / path_part).as_posix()
            resolved = _normalise(resolved)
            if resolved not in all_slugs:
                problems.append(Problem(where, page.body_line + n, f"link to '{target}' does not lead to a page",
                                        f"link to an existing .md file relative to this page (docs/{lang}/...)"))
    return problems, rendered.facts


def _normalise(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    joined = "/".join(parts)
    return joined + "index.md" if path.endswith("/") or not joined else joined


def check_pages(docs_dir: Path, content: Content) -> tuple[list[Problem], dict[str, float]]:
    """All page problems, and the share of Lao script in each Lao page's prose."""
    problems: list[Problem] = []
    pages = list_pages(docs_dir, problems)
    facts_used: dict[tuple[str, str], list[str]] = {}
    for lang, by_slug in pages.items():
        slugs = set(by_slug)
        for slug, page in by_slug.items():
            page_problems, used = check_page(page, content, slugs)
            problems.extend(page_problems)
            facts_used[(lang, slug)] = used
    shares: dict[str, float] = {}
    for slug, page in pages["lo"].items():
        shares[page.where] = lao_share(page.body)
        if shares[page.where] < 0.8:
            problems.append(Problem(page.where, page.body_line, f"only {shares[page.where]:.0%} of the text is in Lao script",
                                    "write the page in Lao; keep English only for names, codes and web addresses"))
    lo, en = pages["lo"], pages["en"]
    for slug in sorted(set(lo) | set(en)):
        if slug not in lo or slug not in en:
            have, missing = ("en", "lo") if slug not in lo else ("lo", "en")
            page = (en if have == "en" else lo)[slug]
            problems.append(Problem(page.where, 1, f"this page has no {missing} twin",
                                    f"add docs/{missing}/{slug} with the same content in {'Lao' if missing == 'lo' else 'English'}"))
            continue
        a, b = lo[slug], en[slug]
        fa, fb = set(facts_used[("lo", slug)]), set(facts_used[("en", slug)])
        if fa != fb:
            only_lo, only_en = sorted(fa - fb), sorted(fb - fa)
            problems.append(Problem(b.where, 1, f"twin pages use different facts (only Lao: {only_lo or '-'}; only English: {only_en or '-'})",
                                    f"make docs/lo/{slug} and docs/en/{slug} quote the same facts"))
        na, nb = len(headings(a.body, 2)), len(headings(b.body, 2))
        if na != nb:
            problems.append(Problem(b.where, 1, f"twin pages have different numbers of sections (Lao {na}, English {nb})",
                                    "give both languages the same '## ' sections in the same order"))
    return problems, shares
