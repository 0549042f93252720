"""Training modules (content-src/training/*.yml): load and validate them.

A module is one workshop session for trainers, in Lao and English (every text has 'lo:' and
'en:'; figures only as {{ fact:KEY }} placeholders, never typed):

    order: 10
    title: {lo: ..., en: ...}
    pictogram: material/spray
    objectives: [{lo, en}, ...]             # 2 to 5: what participants can do afterwards
    materials: [{lo, en}, ...]               # what the trainer brings
    steps:                                    # the session plan; the duration is their sum
      - {minutes: 15, lo: ..., en: ...}
    questions: [{lo, en}, ...]               # discussion questions
    exercise: {lo: ..., en: ...}             # the group exercise
    messages:                                 # 3 to 5 take-home messages: the page's key points and the slides
      - {icon: material/glove, lo: ..., en: ...}
    pages: [farm-safety/mixing-spraying.md]  # site pages the module builds on (docs/lo and docs/en)
    help: [health_centre, wic_centre]        # contacts named on the handout
    checklist:                                # WIND-style action checkpoints (3 to 8)
      - icon: material/lock
        question: {lo: ແມ່ນບໍ ...?, en: Do you ...?}
        why: {lo, en}
        how: {lo, en}                        # a low-cost way to do it
    quiz:                                     # 5 to 10 questions
      - question: {lo, en}
        options: [{lo, en}, {lo, en}, {lo, en}]
        answer: 2                            # which option is right (1 = the first)
        explain: {lo, en}

The trainer's guide (kind: guide) has title, pictogram, objectives, stages (title, minutes, do,
tips) and follow_up. Problems read 'file:line: what — fix' like every other content problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..content import Content
from ..content.fields import bilingual_field
from ..content.yamlfile import Located, load_yaml
from ..errors import WARNING, ContentError, Problem, rel
from ..pages.checks import FIGURE_PATTERNS
from ..pages.lao import glossary_variants, thai_problems, variant_problem
from ..render.engine import PLACEHOLDER, render_placeholders
from ..render.icons import icon_exists
from ..text.formatting import LANGS

KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TEXT_KINDS = ("fact", "contact", "phone")
LIMITS = {"objectives": (2, 5), "materials": (1, 10), "steps": (3, 10), "questions": (2, 6),
          "messages": (3, 5), "checklist": (3, 8), "quiz": (5, 10)}
MODULE_FIELDS = {"order", "title", "pictogram", "objectives", "materials", "steps", "questions", "exercise",
                 "messages", "pages", "help", "checklist", "quiz"}
GUIDE_FIELDS = {"kind", "order", "title", "pictogram", "objectives", "stages", "follow_up"}
MAX_MINUTES = 240


@dataclass
class Text:
    """One bilingual text with its source line; may hold fact/contact/phone placeholders."""
    lo: str
    en: str
    line: int
    icon: str | None = None
    lines: dict = field(default_factory=dict)       # lang -> line of that language's text

    def line_of(self, lang: str) -> int:
        return self.lines.get(lang, self.line)

    def __getitem__(self, lang: str) -> str:
        return self.lo if lang == "lo" else self.en


@dataclass
class Step:
    minutes: int
    text: Text


@dataclass
class Checkpoint:
    icon: str
    question: Text
    why: Text
    how: Text
    line: int


@dataclass
class Question:
    question: Text
    options: list[Text]
    answer: int            # index into options (0-based)
    explain: Text
    line: int


@dataclass
class Stage:
    title: Text
    minutes: int
    do: list[Text]
    tips: Text | None


@dataclass
class Module:
    key: str               # file name without .yml: the page is docs/<lang>/training/<key>.md
    path: str
    order: int
    title: Text
    pictogram: str
    objectives: list[Text]
    materials: list[Text]
    steps: list[Step]
    questions: list[Text]
    exercise: Text
    messages: list[Text]
    pages: list[str]
    help: list[str]
    checklist: list[Checkpoint]
    quiz: list[Question]
    page_titles: dict = field(default_factory=dict)     # page -> {lo, en}: for links

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.steps)

    def texts(self):
        """Every text of the module (for checks that apply to all of them)."""
        yield self.title
        yield from self.objectives
        yield from self.materials
        yield from (s.text for s in self.steps)
        yield from self.questions
        yield self.exercise
        yield from self.messages
        for c in self.checklist:
            yield from (c.question, c.why, c.how)
        for q in self.quiz:
            yield q.question
            yield from q.options
            yield q.explain


@dataclass
class Guide:
    key: str
    path: str
    order: int
    title: Text
    pictogram: str
    objectives: list[Text]
    stages: list[Stage]
    follow_up: list[Text]

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.stages)

    def texts(self):
        yield self.title
        yield from self.objectives
        for s in self.stages:
            yield s.title
            yield from s.do
            if s.tips:
                yield s.tips
        yield from self.follow_up


@dataclass
class Training:
    modules: list[Module] = field(default_factory=list)
    guides: list[Guide] = field(default_factory=list)

    def module(self, key: str) -> Module | None:
        return next((m for m in self.modules if m.key == key), None)

    def guide(self, key: str) -> Guide | None:
        return next((g for g in self.guides if g.key == key), None)


FRONT_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.M)


def page_title(path: Path) -> str:
    """A page's title from its front matter (links on module pages name the pages they lead to)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return path.stem
    front = text.split("---", 2)[1] if text.startswith("---") else ""
    m = FRONT_TITLE.search(front)
    return m.group(1).strip("\"'") if m else path.stem


class _Reader:
    """Reads one file's fields, collecting problems with their line."""

    def __init__(self, where: str, content: Content | None, problems: list[Problem]):
        self.where, self.content, self.problems = where, content, problems

    def problem(self, line: int, what: str, fix: str, level: str | None = None) -> None:
        self.problems.append(Problem(self.where, line, what, fix, level) if level else Problem(self.where, line, what, fix))

    def text(self, entry: Located, key: str | None = None, line: int | None = None) -> Text | None:
        """A bilingual text: entry[key] (a mapping with lo/en), or entry itself when key is None."""
        if key is None:
            # A list item: its lo/en texts beside other fields (icon, minutes), which are not texts.
            holder, name = Located(), "text"
            holder[name] = {k: v for k, v in entry.items() if k in LANGS} if isinstance(entry, dict) else entry
            holder.line, holder.key_lines = getattr(entry, "line", line or 1), {name: getattr(entry, "line", line or 1)}
            value = bilingual_field(holder, name, self.where, holder.line, self.problems)
            at = holder.line
        else:
            if not isinstance(entry, Located):
                self.problem(line or 1, f"'{key}' must hold 'lo:' and 'en:' texts", "indent 'lo: ...' and 'en: ...' under it")
                return None
            value = bilingual_field(entry, key, self.where, entry.line, self.problems)
            at = entry.line_of(key)
        if not value:
            return None
        source = entry if key is None else entry.get(key)
        lines = {lang: source.line_of(lang) for lang in LANGS} if isinstance(source, Located) else {}
        text = Text(" ".join(value["lo"].split()), " ".join(value["en"].split()), at, lines=lines)
        self._check(text)
        return text

    def _check(self, text: Text) -> None:
        for lang in LANGS:
            prose = PLACEHOLDER.sub(" ", text[lang])
            for pattern, what in FIGURE_PATTERNS:
                m = pattern.search(prose)
                if m:
                    self.problem(text.line_of(lang), f"{what} is typed into the text ('{m.group(0).strip()}')",
                                 "define it once in content-src/facts (with its source) and write {{ fact:KEY }}")
                    break
            if self.content is None:
                continue
            for m in PLACEHOLDER.finditer(text[lang]):
                if m.group(1) not in TEXT_KINDS:
                    self.problem(text.line_of(lang), f"training texts cannot use {{{{ {m.group(1)} }}}}",
                                 "use only {{ fact:KEY }}, {{ contact:KEY }} or {{ phone:KEY }}")
                    break
            else:
                rendered = render_placeholders(text[lang], lang, self.content, self.where,
                                               first_line=text.line_of(lang), kinds=TEXT_KINDS)
                self.problems.extend(rendered.problems)
        self.problems.extend(thai_problems(text.lo, self.where, text.line_of("lo")))
        if self.content is not None:
            self.problems.extend(variant_problem(v, term, self.where, text.line_of("lo"))
                                 for v, term in glossary_variants(text.lo, self.content))
            used = [sorted(m.group(0) for m in PLACEHOLDER.finditer(text[lang])) for lang in LANGS]
            if used[0] != used[1]:
                self.problem(text.line, "the Lao and English texts quote different figures or contacts",
                             "use the same {{ ... }} placeholders in both languages")

    def items(self, data: Located, key: str) -> list:
        value = data.get(key)
        low, high = LIMITS.get(key, (1, 20))
        if not isinstance(value, list) or not low <= len(value) <= high:
            count = len(value) if isinstance(value, list) else 0
            self.problem(data.line_of(key), f"'{key}' needs {low} to {high} entries, found {count}",
                         f"list them under '{key}:', each starting with '- '")
            return value if isinstance(value, list) else []
        return value

    def texts(self, data: Located, key: str) -> list[Text]:
        out = []
        for item in self.items(data, key):
            text = self.text(item, line=data.line_of(key))
            if text:
                out.append(text)
        return out

    def icon(self, entry: Located, key: str, required: bool = True) -> str | None:
        name = entry.get(key)
        if name is None and not required:
            return None
        if not isinstance(name, str) or not icon_exists(name):
            self.problem(entry.line_of(key), f"pictogram {name!r} not found",
                         "use a Material icon such as material/shield-check, or a file in overrides/.icons")
            return None
        return name

    def minutes(self, entry: Located, key: str = "minutes") -> int:
        value = entry.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_MINUTES:
            self.problem(entry.line_of(key), f"'{key}' must be a number of minutes, got {value!r}",
                         f"write e.g. '{key}: 15' (whole minutes, 1 to {MAX_MINUTES})")
            return 0
        return value

    def order(self, data: Located) -> int:
        order = data.get("order", 100)
        if isinstance(order, bool) or not isinstance(order, int):
            self.problem(data.line_of("order"), f"'order' must be a whole number, got {order!r}",
                         "write e.g. 'order: 10' (smaller numbers come first on the trainers' page)")
            return 100
        return order

    def unknown(self, data: Located, allowed: set[str], what: str) -> None:
        for extra in sorted(set(data) - allowed, key=str):
            self.problem(data.line_of(extra), f"unknown {what} field '{extra}'", f"use only: {', '.join(sorted(allowed))}")


def _load_module(r: _Reader, data: Located, key: str, docs_dir: Path | None) -> Module | None:
    n = len(r.problems)
    r.unknown(data, MODULE_FIELDS, "training module")
    title = r.text(data, "title")
    pictogram = r.icon(data, "pictogram")
    objectives = r.texts(data, "objectives")
    materials = r.texts(data, "materials")
    steps = []
    for item in r.items(data, "steps"):
        if not isinstance(item, Located):
            r.problem(data.line_of("steps"), "a step needs 'minutes:', 'lo:' and 'en:'",
                      "write each step as '- minutes: 15' with indented 'lo: ...' and 'en: ...'")
            continue
        minutes = r.minutes(item)
        text = r.text(item)
        if text and minutes:
            steps.append(Step(minutes, text))
    questions = r.texts(data, "questions")
    exercise = r.text(data, "exercise")
    messages = []
    for item in r.items(data, "messages"):
        text = r.text(item, line=data.line_of("messages"))
        if text and isinstance(item, Located):
            text.icon = r.icon(item, "icon")
            messages.append(text)

    pages = data.get("pages") or []
    if not isinstance(pages, list) or not pages:
        r.problem(data.line_of("pages"), "'pages' must list the site pages the module builds on",
                  "write e.g. 'pages: [farm-safety/mixing-spraying.md]'")
        pages = []
    for page in pages:
        if not isinstance(page, str) or not page.endswith(".md"):
            r.problem(data.line_of("pages"), f"'{page}' is not a page path", "write the path inside docs/lo/, ending in .md")
        elif docs_dir is not None:
            missing = [lang for lang in LANGS if not (docs_dir / lang / page).is_file()]
            if missing:
                r.problem(data.line_of("pages"), f"the page {page} does not exist in docs/{', docs/'.join(missing)}",
                          "point 'pages:' at existing pages")

    helps = data.get("help") or []
    if not isinstance(helps, list) or not 1 <= len(helps) <= 4:
        r.problem(data.line_of("help"), "'help' lists 1 to 4 contacts", "write e.g. 'help: [health_centre, wic_centre]'")
        helps = helps if isinstance(helps, list) else []
    helps = [str(h) for h in helps]
    if r.content is not None:
        for h in helps:
            if h not in r.content.contacts:
                r.problem(data.line_of("help"), f"unknown contact '{h}'", "use a key from content-src/contacts.yml")

    checklist = []
    for item in r.items(data, "checklist"):
        if not isinstance(item, Located):
            r.problem(data.line_of("checklist"), "a checkpoint needs 'icon:', 'question:', 'why:' and 'how:'",
                      "write each checkpoint as '- icon: material/...' followed by indented question/why/how")
            continue
        icon = r.icon(item, "icon")
        parts = [r.text(item, k) for k in ("question", "why", "how")]
        if parts[0] and not parts[0].en.rstrip().endswith("?"):
            r.problem(parts[0].line_of("en"), "a checkpoint question must be a question ('Do you ...?')",
                      "write it as a yes/no question ending in '?', in both languages")
        if parts[0] and not parts[0].lo.rstrip().endswith("?"):
            r.problem(parts[0].line_of("lo"), "the Lao checkpoint question does not end with '?'",
                      "write it as a question, e.g. 'ທ່ານ ... ບໍ?'")
        if icon and all(parts):
            checklist.append(Checkpoint(icon, *parts, item.line))

    quiz = []
    for item in r.items(data, "quiz"):
        if not isinstance(item, Located):
            r.problem(data.line_of("quiz"), "a quiz question needs 'question:', 'options:', 'answer:' and 'explain:'",
                      "write each as '- question:' with lo/en, then options, answer and explain")
            continue
        question = r.text(item, "question")
        explain = r.text(item, "explain")
        raw = item.get("options")
        options = []
        if not isinstance(raw, list) or not 2 <= len(raw) <= 4:
            r.problem(item.line_of("options"), "a quiz question needs 2 to 4 options",
                      "list the options under 'options:', each as '- lo: ...' with 'en: ...'")
            raw = raw if isinstance(raw, list) else []
        for opt in raw:
            text = r.text(opt, line=item.line_of("options"))
            if text:
                options.append(text)
        answer = item.get("answer")
        if isinstance(answer, bool) or not isinstance(answer, int) or not 1 <= answer <= max(len(raw), 1):
            r.problem(item.line_of("answer") if "answer" in item else item.line,
                      f"'answer' must say which option is right (1 to {len(raw)}), got {answer!r}",
                      "write e.g. 'answer: 2' for the second option")
            answer = None
        if question and explain and answer and len(options) == len(raw):
            quiz.append(Question(question, options, answer - 1, explain, item.line))

    if docs_dir is not None:
        missing = [lang for lang in LANGS if not (docs_dir / lang / "training" / f"{key}.md").is_file()]
        if missing:
            r.problem(1, f"the module has no page docs/{', docs/'.join(l + '/training/' + key + '.md' for l in missing)}",
                      "add the page (copy another module's page and change the module name in its placeholders)",
                      WARNING)
    if any(p.level != WARNING for p in r.problems[n:]):
        return None
    titles = {p: {lang: page_title(docs_dir / lang / p) if docs_dir else p for lang in LANGS} for p in pages}
    return Module(key, r.where, r.order(data), title, pictogram, objectives, materials, steps, questions, exercise,
                  messages, pages, helps, checklist, quiz, titles)


def _load_guide(r: _Reader, data: Located, key: str) -> Guide | None:
    n = len(r.problems)
    r.unknown(data, GUIDE_FIELDS, "trainer's guide")
    title = r.text(data, "title")
    pictogram = r.icon(data, "pictogram")
    objectives = r.texts(data, "objectives")
    stages = []
    raw = data.get("stages")
    if not isinstance(raw, list) or not 3 <= len(raw) <= 8:
        r.problem(data.line_of("stages"), "a guide needs 3 to 8 stages", "list them under 'stages:'")
        raw = raw if isinstance(raw, list) else []
    for item in raw:
        if not isinstance(item, Located):
            r.problem(data.line_of("stages"), "a stage needs 'title:', 'minutes:' and 'do:'", "see the other stages")
            continue
        stitle, minutes = r.text(item, "title"), r.minutes(item)
        do = r.texts(item, "do")
        tips = r.text(item, "tips") if "tips" in item else None
        if stitle and minutes and do:
            stages.append(Stage(stitle, minutes, do, tips))
    follow_up = r.texts(data, "follow_up")
    if any(p.level != WARNING for p in r.problems[n:]):
        return None
    return Guide(key, r.where, r.order(data), title, pictogram, objectives, stages, follow_up)


def load_training(folder: Path, content: Content | None = None, docs_dir: Path | None = None,
                  project: Path | None = None) -> tuple[Training, list[Problem]]:
    """Every valid module and guide (in order) and the problems found in all training files."""
    problems: list[Problem] = []
    training = Training()
    if not folder.is_dir():
        return training, problems
    for path in sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")):
        where = rel(path, project)
        try:
            data = load_yaml(path, project)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        if not isinstance(data, Located):
            problems.append(Problem(where, 1, "a training file must be a set of 'name: value' fields",
                                    "start with 'title:' with 'lo:' and 'en:' under it"))
            continue
        if not KEY.match(path.stem):
            problems.append(Problem(where, 1, f"file name '{path.name}' is not usable in a link",
                                    "name it with lower-case letters, digits and '-', e.g. heat-sun.yml"))
            continue
        r = _Reader(where, content, problems)
        if data.get("kind") == "guide":
            guide = _load_guide(r, data, path.stem)
            if guide:
                training.guides.append(guide)
        else:
            module = _load_module(r, data, path.stem, docs_dir)
            if module:
                training.modules.append(module)
    training.modules.sort(key=lambda m: (m.order, m.key))
    training.guides.sort(key=lambda g: (g.order, g.key))
    return training, problems


def load_for_content(content: Content, docs_dir: Path | None) -> tuple[Training, list[Problem]]:
    """The content loader: content-src/training/ is read once with the rest of the content."""
    return load_training(content.root / "training", content, docs_dir, content.root.parent)
