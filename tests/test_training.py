"""Trainer kit content: every module is complete in Lao and English, renders with all its parts
on its page, and broken training YAML is reported as file:line with a fix."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from wic.content import load_content
from wic.training import load_training
from wic.training.files import KINDS, pdf_name
from wic.words import section

PROJECT = Path(__file__).resolve().parents[1]
THAI = re.compile(r"[\u0E00-\u0E7F]")
REQUIRED = {  # the list of modules -> file name
    "pesticide handling and spraying": "pesticides",
    "protective equipment": "protective-equipment",
    "lifting and carrying": "lifting-carrying",
    "machines in processing": "machines",
    "heat and sun": "heat-sun",
    "snakes, insects and first aid": "snakes-first-aid",
    "social security and health insurance for farmers": "social-security",
    "sexual harassment and gender at work": "harassment-gender",
}


@pytest.fixture(scope="module")
def content():
    return load_content(PROJECT / "content-src", PROJECT / "docs")


@pytest.fixture(scope="module")
def training(content):
    return content.extras["training"]


def page_html(site: Path, lang: str, key: str) -> str:
    return (site / ("" if lang == "lo" else "en") / "training" / f"{key}.html").read_text(encoding="utf-8")


def test_the_content_has_no_training_problems(content):
    problems = [p for p in content.problems if "training" in p.path]
    assert problems == []


def test_all_eight_modules_and_the_trainers_guide_exist(training):
    assert set(REQUIRED.values()) <= {m.key for m in training.modules}
    assert [g.key for g in training.guides] == ["guide"]
    stages = [s.title.en for s in training.guides[0].stages]
    # WIND: local good practice -> checklist in small groups -> vote -> action plan -> follow-up.
    assert [re.sub(r"\W", " ", s).split()[0] for s in stages] == ["Look", "Walk", "Vote", "Make", "Follow"]


def test_each_module_has_what_a_session_needs(training):
    for m in training.modules:
        assert 5 <= len(m.quiz) <= 10, m.key
        assert 3 <= len(m.checklist) <= 8, m.key
        assert all(c.question.en.endswith("?") and c.question.lo.endswith("?") for c in m.checklist), m.key
        assert m.objectives and m.materials and m.questions and m.exercise and m.pages and m.help, m.key
        assert 3 <= len(m.messages) <= 5 and all(msg.icon for msg in m.messages), m.key
        assert m.minutes == sum(s.minutes for s in m.steps) and 30 <= m.minutes <= 180, m.key
        for t in m.texts():
            assert not THAI.search(t.lo), (m.key, t.lo)


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_every_module_page_shows_all_its_parts_in_its_language(built_site, training, lang):
    w = section("training", lang)
    for m in training.modules:
        page = page_html(built_site, lang, m.key)
        text = html.unescape(page)
        assert page.count('class="wic-quiz__q"') == len(m.quiz), m.key
        assert page.count('class="wic-checkpoint"') == len(m.checklist), m.key
        assert page.count('class="wic-training-plan__n"') == len(m.steps), m.key
        slides = page.split("data-wic-slides>", 1)[1].split("</script>", 1)[0]
        assert slides.count('<section class="wic-slide') == len(m.messages) + 3, m.key
        assert text.count(w["start_workshop"]) >= 1 and w["quiz_intro"] in text and w["checklist_intro"] in text
        for t in (m.title, m.exercise, m.questions[0], m.objectives[0], m.materials[0], m.checklist[0].how):
            first = re.split(r"\{\{", t[lang])[0].strip()[:30]
            assert first in text, (m.key, lang, first)
        for kind in KINDS:
            assert f'handouts/{pdf_name(m.key, kind, lang)}"' in page, (m.key, kind)
        # The key points box is the module's take-home messages, in order.
        box = text.split('class="admonition abstract"', 1)[1].split("</div>", 1)[0]
        assert box.count("<li>") == len(m.messages)
        if lang == "lo":
            assert not THAI.search(text), m.key


def test_figures_on_module_pages_come_from_the_facts_and_are_listed_as_sources(built_site, content, training):
    m = training.module("pesticides")
    fact = content.facts["first_aid_eye_rinse_minutes"]
    page = page_html(built_site, "en", m.key)
    assert 'data-fact="first_aid_eye_rinse_minutes"' in page
    sources = page.split('id="sources"', 1)[1] if 'id="sources"' in page else page.split("wic-sources", 1)[1]
    assert fact.label["en"] in html.unescape(sources)


def test_the_trainers_page_lists_every_module_with_duration_materials_and_downloads(built_site, training):
    for lang in ("lo", "en"):
        page = html.unescape((built_site / ("" if lang == "lo" else "en") / "training" / "index.html").read_text(encoding="utf-8"))
        w = section("training", lang)
        for m in training.modules:
            card = page.split(f'data-module="{m.key}"', 1)[1].split('class="wic-module"', 1)[0]
            assert m.title[lang] in card and w["duration"] in card and w["materials"] in card
            assert all(pdf_name(m.key, k, lang) in card for k in KINDS)
            assert f'href="{m.key}.html#workshop"' in card


BAD_MODULE = """\
order: 90
title:
  lo: ທົດລອງ
  en: Test
pictogram: material/no-such-icon
objectives:
  - lo: ໜຶ່ງ
    en: One
materials:
  - lo: ເຈ້ຍ
    en: Paper
steps:
  - minutes: 10
    lo: ເລີ່ມ
    en: Start
questions:
  - lo: ເປັນຫຍັງ?
    en: Why?
exercise:
  lo: ເຮັດວຽກກຸ່ມ
  en: Group work
messages:
  - icon: material/spray
    lo: ຈ່າຍ 9% ຂອງລາຍຮັບ
    en: Pay 9% of your income
pages: [farm-safety/no-such-page.md]
help: [wic_centre]
checklist:
  - icon: material/lock
    question:
      lo: ທ່ານລັອກບໍ?
      en: You lock it.
    why:
      lo: ເພາະ
    how:
      lo: ລັອກ
      en: Lock it
quiz:
  - question:
      lo: ແມ່ນຫຍັງ?
      en: What?
    options:
      - lo: ກ
        en: A
      - lo: ຂ
        en: B
    answer: 3
    explain:
      lo: ເພາະ
      en: Because
"""


def test_broken_training_yaml_is_reported_with_file_and_line(tmp_path, content):
    folder = tmp_path / "content-src" / "training"
    folder.mkdir(parents=True)
    (folder / "bad.yml").write_text(BAD_MODULE, encoding="utf-8")
    (folder / "syntax.yml").write_text("title:\n  lo: ກ: ຂ\n  en: x\n", encoding="utf-8")
    _, problems = load_training(folder, content, PROJECT / "docs", tmp_path)
    got = {(p.path, p.line): p for p in problems}
    bad = "content-src/training/bad.yml"

    def at(line: int, words: str) -> None:
        p = got.get((bad, line))
        assert p is not None and words in p.what and p.fix, (line, words, [str(x) for x in problems])

    at(5, "pictogram")                    # unknown icon
    at(6, "'objectives' needs 2 to")      # too few objectives
    at(12, "'steps' needs 3 to")          # too few steps
    at(24, "percentage")                  # a figure typed into a message, in Lao
    at(25, "percentage")                  # ... and in English
    at(26, "no-such-page.md")             # a linked page that does not exist
    at(32, "must be a question")          # checkpoint not phrased as "Do you ...?" (English line)
    at(33, "Lao and an English")          # 'why' without English
    at(38, "'quiz' needs 5 to")           # too few questions
    at(47, "'answer' must say which option")
    syntax = [p for p in problems if p.path == "content-src/training/syntax.yml"]
    assert syntax and syntax[0].line == 2 and "YAML" in syntax[0].what
    assert all(str(p).startswith(p.path + ":") and " — " in str(p) for p in problems)


def test_a_broken_training_file_fails_wic_check(tmp_path):
    project = tmp_path / "project"
    for name in ("docs", "content-src"):
        shutil.copytree(PROJECT / name, project / name)
    broken = project / "content-src" / "training" / "heat-sun.yml"
    text = broken.read_text(encoding="utf-8").replace("    answer: 2\n", "    answer: 7\n", 1)
    broken.write_text(text, encoding="utf-8")
    line = text[: text.index("answer: 7")].count("\n") + 1
    content = load_content(project / "content-src", project / "docs")
    errors = [str(p) for p in content.errors]
    assert any(e.startswith(f"content-src/training/heat-sun.yml:{line}: 'answer' must say") for e in errors), errors


def test_search_finds_the_trainers_pages_but_sends_farmers_to_the_reference_pages(built_site, training):
    for lang in ("lo", "en"):
        index = (built_site / "search" / f"wic-index-{lang}.js").read_text(encoding="utf-8")
        prefix = "" if lang == "lo" else "en/"
        assert f'"u":"{prefix}training/index.html"' in index and f'"u":"{prefix}training/guide.html"' in index
        for m in training.modules:
            assert f'"u":"{prefix}training/{m.key}.html"' not in index


def test_the_trainers_guide_page_shows_the_five_wind_stages_with_minutes(built_site, training):
    guide = training.guide("guide")
    for lang in ("lo", "en"):
        page = html.unescape((built_site / ("" if lang == "lo" else "en") / "training" / "guide.html").read_text(encoding="utf-8"))
        assert page.count('class="wic-guide-stage"') == len(guide.stages) == 5
        for stage in guide.stages:
            assert stage.title[lang] in page and stage.do[0][lang] in page
