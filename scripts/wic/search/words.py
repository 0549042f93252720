"""What search needs from content-src besides the pages: the reviewed question and filler words
to drop from queries (content-src/search/question-words.yml), the synonyms (the glossary's
preferred terms, variants, English terms and everyday words, and the search-only groups of
content-src/search/everyday.yml), the rule that reads "my 13 year old" as a child (also in
everyday.yml) and the contacts shown when nothing matches (content-src/search/no-results.yml).

Words are handed to the browser folded and split into terms exactly as queries are
(wic.text.laoseg), so that the browser only compares term sequences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..content import Content
from ..content.yamlfile import Located, load_yaml
from ..errors import ContentError, Problem, rel
from ..text.laoseg import syllables

LAO = re.compile("[\u0e80-\u0eff]")
THAI = re.compile("[\u0e00-\u0e7f]")
# "worker, employee", "herbicide (weed killer)", "Lao Social Security Organisation (LSSO)"
EN_PARTS = re.compile(r"[,;()]")


@dataclass
class SearchWords:
    question_words: list[list[str]] = field(default_factory=list)   # each a term sequence
    synonyms: list[list[list[str]]] = field(default_factory=list)   # groups of term sequences
    help_contacts: list[str] = field(default_factory=list)          # contact keys
    # {"under": N, "before": [terms], "after": [terms], "group": index in synonyms} or {}
    ages: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _load(path: Path, project: Path, problems: list[Problem]) -> Located:
    if not path.exists():
        return Located()
    data = load_yaml(path, project)
    if data is None:
        return Located()
    if not isinstance(data, Located):
        problems.append(Problem(rel(path, project), 1, "expected keys at the left margin",
                                "see the comment at the top of the file for its layout"))
        return Located()
    return data


def _word_list(data: Located, key: str, where: str, problems: list[Problem], lao: bool) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(Problem(where, data.line_of(key), f"'{key}' must be a list of words",
                                f"write '{key}: [word, word]' with one entry per word"))
        return []
    for word in value:
        if THAI.search(word):
            problems.append(Problem(where, data.line_of(key), f"'{word}' contains Thai letters",
                                    "type it with a Lao keyboard"))
        elif lao != bool(LAO.search(word)):
            problems.append(Problem(where, data.line_of(key), f"'{word}' is not a {'Lao' if lao else 'English'} word",
                                    f"move it to the '{'en' if lao else 'lo'}:' list"))
    return [w.strip() for w in value]


def _group(words) -> list[list[str]]:
    """The words of a synonym group as term sequences, each once (spellings that fold alike meet)."""
    group, keys = [], set()
    for word in words:
        terms = syllables(word)
        if terms and tuple(terms) not in keys:
            keys.add(tuple(terms))
            group.append(terms)
    return group


def _forms(term) -> list[str]:
    english = [p.strip() for p in EN_PARTS.split(term.en) if p.strip()]
    return [term.lo, *term.variants, *english, *term.everyday]


def load_search_words(content: Content) -> SearchWords:
    root = Path(content.root)
    project = root.parent
    out = SearchWords()
    questions = _load(root / "search" / "question-words.yml", project, out.problems)
    where = rel(root / "search" / "question-words.yml", project)
    seen = set()
    for lang in ("lo", "en"):
        for word in _word_list(questions, lang, where, out.problems, lao=lang == "lo"):
            terms = syllables(word)
            if terms and tuple(terms) not in seen:
                seen.add(tuple(terms))
                out.question_words.append(terms)
    for term in content.terms.values():
        for word in term.everyday:
            if THAI.search(word):
                out.problems.append(Problem(term.path, term.line, f"everyday word '{word}' of '{term.key}' contains Thai letters",
                                            "type it with a Lao keyboard"))
        group = _group(_forms(term))
        if len(group) > 1:
            out.synonyms.append(group)
    _everyday(root, project, out)
    no_results = _load(root / "search" / "no-results.yml", project, out.problems)
    where = rel(root / "search" / "no-results.yml", project)
    for key in _word_list(no_results, "contacts", where, out.problems, lao=False):
        if key not in content.contacts:
            out.problems.append(Problem(where, no_results.line_of("contacts"), f"unknown contact '{key}'",
                                        "use a key from content-src/contacts.yml"))
        else:
            out.help_contacts.append(key)
    return out


def _everyday(root: Path, project: Path, out: SearchWords) -> None:
    """Search-only synonym groups and the age rule of content-src/search/everyday.yml."""
    path = root / "search" / "everyday.yml"
    data = _load(path, project, out.problems)
    where = rel(path, project)
    groups = data.get("groups") or []
    if not isinstance(groups, list):
        out.problems.append(Problem(where, data.line_of("groups"), "'groups' must be a list of word lists",
                                    "write one '- [word, word]' line per group"))
        groups = []
    for words in groups:
        if not isinstance(words, list) or len(words) < 2 or not all(isinstance(w, str) and w.strip() for w in words):
            out.problems.append(Problem(where, data.line_of("groups"), f"group {words!r} is not a list of two or more words",
                                        "write '- [word, word]'"))
            continue
        for word in words:
            if THAI.search(word):
                out.problems.append(Problem(where, data.line_of("groups"), f"'{word}' contains Thai letters",
                                            "type it with a Lao keyboard"))
        group = _group(w for w in words if not THAI.search(w))
        if len(group) > 1:
            out.synonyms.append(group)
    age = data.get("age")
    if not age:
        return
    if not isinstance(age, Located) or not isinstance(age.get("under"), int) or not isinstance(age.get("means"), str):
        out.problems.append(Problem(where, data.line_of("age"), "'age' needs 'under: NUMBER', 'means: WORD', 'before:' and 'after:' lists",
                                    "see the comment above 'age' in the file"))
        return
    means = syllables(age["means"])
    group = next((i for i, g in enumerate(out.synonyms) if means in g), None)
    if group is None:
        out.problems.append(Problem(where, age.line_of("means"), f"'{age['means']}' is in no synonym group",
                                    "use a word of a group above or of a glossary term's forms"))
        return
    out.ages = {"under": age["under"], "group": group,
                "before": [syllables(w) for lang in ("lo", "en") for w in _word_list(age, "before_" + lang, where, out.problems, lao=lang == "lo")],
                "after": [syllables(w) for lang in ("lo", "en") for w in _word_list(age, "after_" + lang, where, out.problems, lao=lang == "lo")]}


def load_for_content(content: Content, docs_dir: Path) -> tuple[SearchWords, list[Problem]]:
    """The search feature's content loader (registered in wic.search): once per content load."""
    try:
        words = load_search_words(content)
    except ContentError as exc:
        return SearchWords(problems=list(exc.problems)), list(exc.problems)
    return words, words.problems
