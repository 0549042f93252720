"""Property-based fuzzing of every loader: whatever bytes, YAML or front matter an author saves,
nothing escapes but our own error type (ContentError) or collected Problems, in bounded time."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from wic.content import load_content
from wic.content.contacts import load_contacts
from wic.content.facts import load_facts
from wic.content.glossary import load_glossary
from wic.content.load import _load_content
from wic.content.rootcause import root_causes_first
from wic.content.yamlfile import load_yaml, parse_yaml
from wic.errors import ContentError, Problem
from wic.pages.checks import check_page
from wic.pages.html_policy import html_problems, page_html_problems
from wic.pages.source import read_page
from wic.posters.model import load_poster
from wic.render.page import render_page

PROJECT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 29)
# Bounded: no example may take 5 s (most take milliseconds); all fuzz tests together take well under a
# minute. derandomize: the same examples on every run, so a failure is reproducible.
FUZZ = settings(max_examples=200, deadline=5000, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

FACT_FIELDS = ["value", "unit", "label", "legal_source", "public_source", "checked", "confidence", "ask",
               "note", "group", "formula"]
CONTACT_FIELDS = ["name", "category", "phone", "helps_with", "status", "source", "checked", "hours", "area",
                  "address", "web", "note"]
TERM_FIELDS = ["lo", "en", "definition", "variants", "status", "source"]
POSTER_FIELDS = ["order", "page", "pictogram", "colour", "title", "messages", "contacts"]
WORDS = ["kip", "days", "official", "unverified", "wic_centre", "min_wage_2024", "material/phone", "green",
         "work-rights/wages.md", "lo", "en", "{{ fact:min_wage_monthly }}", "{{ contact:police }}", "{{", "ກີບ"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.dates(), st.text(max_size=20), st.sampled_from(WORDS),
    st.text(alphabet="abcmin_wage2024+-*/() .e0123456789", max_size=30),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from(["lo", "en", "icon"]), st.text(max_size=8)), inner, max_size=4)),
    max_leaves=12)


def entries(fields):
    return st.dictionaries(st.sampled_from(fields), values, max_size=len(fields))


VALID = {
    "fact": {"value": 5, "unit": "days", "label": {"lo": "ມື້", "en": "Days"}, "legal_source": "Law",
             "public_source": "Site", "checked": dt.date(2026, 11, 1), "confidence": "unverified", "ask": "wic_centre",
             "group": "g"},
    "formula": {"formula": "min_wage_2024 * 2", "unit": "kip", "label": {"lo": "ກີບ", "en": "Kip"},
                "legal_source": "Law", "public_source": "Site", "checked": dt.date(2026, 11, 1),
                "confidence": "unverified", "ask": "wic_centre"},
    "contact": {"name": {"lo": "ສູນ", "en": "Centre"}, "category": "labour", "phone": "1234567",
                "helps_with": {"lo": "ຊ່ວຍ", "en": "Help"}, "status": "verified", "source": "Site",
                "checked": dt.date(2026, 11, 1)},
    "term": {"lo": "ຄຳ", "en": "word", "definition": {"lo": "ຄຳ", "en": "A word"}, "variants": ["ຄໍາ"],
             "status": "seen"},
    "poster": {"order": 1, "page": "work-rights/wages.md", "pictogram": "material/phone", "colour": "green",
               "title": {"lo": "ຄ່າແຮງ", "en": "Wage"},
               "messages": [{"lo": "ຂໍ້ {{ fact:min_wage_monthly }}", "en": "Point {{ fact:min_wage_monthly }}"}] * 3,
               "contacts": ["wic_centre"]},
}


def one_field_wrong(kind: str):
    """A valid entry with one field replaced (or removed): the careless edit most often made."""
    valid = VALID[kind]
    return st.tuples(st.sampled_from(sorted(valid) + ["extra"]), st.one_of(st.just(None), values)).map(
        lambda kv: {**{k: v for k, v in valid.items() if k != kv[0] or kv[1] is not None},
                    **({kv[0]: kv[1]} if kv[1] is not None else {})})


def as_yaml(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def yaml_texts(fields):
    """YAML an author might write (valid entries with odd values), then bent by a careless edit."""
    documents = st.dictionaries(st.text(alphabet="abcdefghij_", min_size=1, max_size=8), entries(fields),
                                max_size=3).map(as_yaml)
    edits = st.sampled_from(["", "dup", "indent", "dedent", "tab", "quote", "colon", "bom", "crlf"])
    return st.tuples(documents, edits, st.integers(0, 50)).map(_edit)


def _edit(args) -> str:
    text, edit, n = args
    lines = text.split("\n")
    i = n % max(1, len(lines))
    if edit == "dup":
        lines.append(lines[i])
    elif edit == "indent":
        lines[i] = "   " + lines[i]
    elif edit == "dedent":
        lines[i] = lines[i].lstrip()
    elif edit == "tab":
        lines[i] = "\t" + lines[i]
    elif edit == "quote":
        lines[i] += ' "'
    elif edit == "colon":
        lines[i] = lines[i].replace(":", "", 1)
    text = "\n".join(lines)
    if edit == "bom":
        text = "\ufeff" + text
    elif edit == "crlf":
        text = text.replace("\n", "\r\n")
    return text


any_text = st.one_of(st.text(max_size=300), st.binary(max_size=300).map(lambda b: b.decode("latin-1")))


@pytest.fixture(scope="module")
def content():
    return load_content(PROJECT / "content-src", PROJECT / "docs", today=TODAY)


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """A small project: the loaders are fuzzed on one file each, the rest kept valid and small."""
    dest = tmp_path_factory.mktemp("fuzz") / "p"
    (dest / "content-src" / "facts").mkdir(parents=True)
    (dest / "content-src" / "glossary").mkdir()
    (dest / "content-src" / "posters").mkdir()
    shutil.copy(PROJECT / "content-src" / "contacts.yml", dest / "content-src" / "contacts.yml")
    for lang in ("lo", "en"):
        shutil.copytree(PROJECT / "docs" / lang / "work-rights", dest / "docs" / lang / "work-rights")
    (dest / "mkdocs.yml").write_text("site_name: fuzz\n", encoding="utf-8")
    return dest


def _only_problems(problems) -> None:
    assert all(isinstance(p, Problem) for p in problems)
    assert all(isinstance(p.line, int) and p.line >= 1 and p.path for p in problems)
    root_causes_first(problems)


def _loads(fn, *args):
    problems: list[Problem] = []
    try:
        fn(*args, problems)
    except ContentError as exc:       # allowed: our own error type
        problems = exc.problems
    _only_problems(problems)


def _loads_all(root: Path):
    """All of content-src as a build loads it (facts, contacts, glossary, posters, cross-checks)."""
    _only_problems(_load_content(root / "content-src", root / "docs", TODAY).problems)


@FUZZ
@given(text=st.one_of(any_text, yaml_texts(FACT_FIELDS)))
def test_yaml_text_gives_data_or_our_error(text):
    try:
        parse_yaml(text, "x.yml")
    except ContentError as exc:
        _only_problems(exc.problems)


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_in_a_yaml_file(root, data):
    path = root / "content-src" / "facts" / "fuzz.yml"
    path.write_bytes(data)
    try:
        load_yaml(path, root)
    except ContentError as exc:
        _only_problems(exc.problems)
    _loads(load_facts, root / "content-src", TODAY)


@FUZZ
@given(text=st.one_of(yaml_texts(FACT_FIELDS),
                      st.tuples(one_field_wrong("fact"), one_field_wrong("formula")).map(
                          lambda e: as_yaml({"min_wage_2024": VALID["fact"], "a": e[0], "b": e[1]}))))
def test_facts(root, text):
    (root / "content-src" / "facts" / "fuzz.yml").write_text(text, encoding="utf-8")
    _loads(load_facts, root / "content-src", TODAY)
    _loads_all(root)


@FUZZ
@given(text=st.one_of(yaml_texts(CONTACT_FIELDS), one_field_wrong("contact").map(lambda e: as_yaml({"c": e})),
                      st.binary(max_size=300).map(lambda b: b.decode("latin-1"))))
def test_contacts(root, text):
    path = root / "content-src" / "contacts.yml"
    good = path.read_bytes()
    try:
        path.write_text(text, encoding="utf-8")
        _loads(load_contacts, root / "content-src", TODAY)
        _loads_all(root)
    finally:
        path.write_bytes(good)


@FUZZ
@given(text=st.one_of(yaml_texts(TERM_FIELDS), one_field_wrong("term").map(lambda e: as_yaml({"t": e}))))
def test_glossary(root, text):
    (root / "content-src" / "glossary" / "fuzz.yml").write_text(text, encoding="utf-8")
    _loads(load_glossary, root / "content-src")
    _loads_all(root)


@FUZZ
@given(data=st.one_of(one_field_wrong("poster").map(as_yaml), entries(POSTER_FIELDS).map(as_yaml),
                      yaml_texts(POSTER_FIELDS), st.binary(max_size=300)))
def test_posters(root, content, data):
    path = root / "content-src" / "posters" / "fuzz.yml"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    _loads(load_poster, path, content, root / "docs")
    _loads_all(root)


VALID_META = {"title": "A page", "icon": "material/phone", "last_reviewed": dt.date(2026, 11, 1),
              "sources": ["A law"]}
front_matter = st.one_of(
    st.tuples(st.sampled_from(sorted(VALID_META) + ["layout"]), values).map(
        lambda kv: as_yaml({**VALID_META, kv[0]: kv[1]})),
    st.dictionaries(st.sampled_from(["title", "icon", "last_reviewed", "layout", "sources"]), values,
                    max_size=5).map(as_yaml),
    yaml_texts(["title", "icon", "last_reviewed", "sources"]),
    st.text(max_size=80),
)
VALID_BODY = ("# Title\n\n!!! abstract \"Key points\"\n    - a\n    - b\n    - c\n\n## What to do\n\n"
              "1. Ask.\n\n## Where to get help\n\n{{ help:wic_centre }}\n")
bodies = st.lists(st.one_of(
    st.sampled_from(["# Title", "## What to do", "## Where to get help", '!!! abstract "Key points"',
                     "    - a point", "{{ fact:min_wage_monthly }}", "{{ help:wic_centre, nobody }}", "{{ fact:",
                     "<div class=\"x\">", "<script>x()</script>", '<a href="https://x.org">x</a>', "<![CDATA[",
                     "<!--", "</div>", "[a link](../nowhere.md)", "```", "2,500,000 kip", "ຂໍ້ມູນ"]),
    st.text(max_size=40)), max_size=12).map("\n".join) | st.just(VALID_BODY)


@FUZZ
@given(meta=front_matter, body=bodies, lang=st.sampled_from(["lo", "en"]), crlf=st.booleans())
def test_pages(root, content, meta, body, lang, crlf):
    text = f"---\n{meta}\n---\n{body}\n"
    path = root / "docs" / lang / "fuzz.md"
    path.write_text(text.replace("\n", "\r\n") if crlf else text, encoding="utf-8")
    problems: list[Problem] = []
    try:
        page = read_page(path, lang, root / "docs", problems)
    except ContentError as exc:
        problems = exc.problems
    else:
        found, _ = check_page(page, content, {"fuzz.md"})
        problems += found + page_html_problems(page)
        if not [p for p in problems if p.level == "error"]:
            # What the build would do with a page the check lets through.
            render_page(page.body, page.meta, lang, content, page.where, False)
    _only_problems(problems)


@FUZZ
@given(key=st.sampled_from(sorted(VALID_META) + ["layout", "hide", "template"]), value=values)
def test_a_valid_page_with_one_front_matter_field_wrong(root, content, key, value):
    path = root / "docs" / "en" / "fuzz.md"
    path.write_text(f"---\n{as_yaml({**VALID_META, key: value})}---\n{VALID_BODY}", encoding="utf-8")
    problems: list[Problem] = []
    page = read_page(path, "en", root / "docs", problems)
    problems += check_page(page, content, {"fuzz.md"})[0] + page_html_problems(page)
    if not [p for p in problems if p.level == "error"]:
        render_page(page.body, page.meta, "en", content, page.where, False)
    _only_problems(problems)


@FUZZ
@given(data=st.binary(max_size=400), lang=st.sampled_from(["lo", "en"]))
def test_random_bytes_as_a_page(root, content, data, lang):
    path = root / "docs" / lang / "fuzz.md"
    path.write_bytes(data)
    problems: list[Problem] = []
    try:
        page = read_page(path, lang, root / "docs", problems)
    except ContentError as exc:
        problems = exc.problems
    else:
        problems += check_page(page, content, {"fuzz.md"})[0]
    _only_problems(problems)


@FUZZ
@given(text=st.one_of(st.text(max_size=300), bodies))
def test_raw_html_policy(text):
    _only_problems(html_problems(text, "docs/en/x.md"))
