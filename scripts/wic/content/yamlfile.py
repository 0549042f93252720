"""YAML text to Python data that remembers the line of every mapping key, so errors can point at it.

Stricter than YAML where a careless edit would otherwise publish something wrong: a key written
twice in one mapping is an error (YAML lets the second silently win), so is a date that does not
exist (2026-02-30) and so is a value YAML cannot read. Every such problem is an Unreadable problem
with its line (see files.py). The data is built from the parser's events with a stack, not by
recursion: no nesting or alias in a file can crash the loader.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from yaml import events
from yaml.nodes import ScalarNode

from ..errors import ContentError, Problem
from .files import Unreadable, read_text, where

# libyaml's parser is many times faster and reports the same line marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# Our files nest a few levels deep; far deeper is a typo (or an attack) and stops reading.
MAX_DEPTH = 40
_NO_KEY = object()
_BAD_KEY = object()
_IN_PROGRESS = object()


class Located(dict):
    """A mapping that also knows the source line of itself and of each of its keys."""

    def __init__(self, *args, line: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = line
        self.key_lines: dict = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _Frame:
    __slots__ = ("value", "line", "anchor", "key", "key_line")

    def __init__(self, value, line: int, anchor: str | None):
        self.value, self.line, self.anchor = value, line, anchor
        self.key, self.key_line = _NO_KEY, 0


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def parse_yaml(text: str, where: str, first_line: int = 1, plain: bool = False) -> Any:
    """Parse YAML text; raises ContentError listing every problem (each with its file line).

    Mapping keys are always the text the author wrote (a key '1' or 'no' stays a string).
    plain=True keeps every value as its source text, for files with tags of their own (mkdocs.yml).
    """
    problems: list[Problem] = []
    stack: list[_Frame] = []
    anchors: dict[str, Any] = {}
    root: Any = None
    documents = 0
    constructor = yaml.constructor.SafeConstructor()
    resolver = yaml.resolver.Resolver()

    def problem(line: int, what: str, fix: str) -> None:
        problems.append(Unreadable(where, line, what, fix))

    def add(value: Any, line: int, key_text: str | None = None) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
            return
        if frame.key is _NO_KEY:
            if key_text is None and isinstance(value, str):
                key_text = value
            if key_text is None:
                problem(line, "a key here is a list or a mapping, not a name",
                        "write each entry as 'name: value' with a plain name before the ':'")
                key_text = _BAD_KEY
            frame.key, frame.key_line = key_text, line
            return
        key, key_line = frame.key, frame.key_line
        frame.key = _NO_KEY
        mapping: Located = frame.value
        if key is _BAD_KEY:
            return
        if key in mapping:
            problem(key_line, f"'{_short(key)}' is written twice here (lines {mapping.key_lines[key]} and {key_line})",
                    "keep one of them: YAML would silently use the last one")
            return
        mapping[key] = value
        mapping.key_lines[key] = key_line

    def scalar(event: events.ScalarEvent, line: int) -> Any:
        if plain:
            return event.value
        tag = event.tag
        if tag is None or tag == "!":
            tag = resolver.resolve(ScalarNode, event.value, event.implicit)
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return constructor.construct_object(node)
        except (ValueError, OverflowError) as exc:
            if tag == _TIMESTAMP:
                problem(line, f"'{_short(event.value)}' is not a date in the calendar ({exc})",
                        "write a date that exists, as YYYY-MM-DD")
            else:
                problem(line, f"the value '{_short(event.value)}' cannot be read ({exc})",
                        "put the value in quotes if it is text")
        except yaml.YAMLError as exc:
            problem(line, f"the value '{_short(event.value)}' cannot be read ({getattr(exc, 'problem', exc)})",
                    "remove the '!' tag in front of it, or put the whole value in quotes")
        return None

    try:
        for event in yaml.parse(text, Loader=_LOADER):
            line = event.start_mark.line + first_line if event.start_mark else first_line
            if isinstance(event, events.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    problem(line, "a second YAML document starts here ('---')",
                            "keep one document per file: remove the '---' line")
                    break
            elif isinstance(event, events.ScalarEvent):
                value = scalar(event, line)
                if event.anchor:
                    anchors[event.anchor] = value
                add(value, line, key_text=event.value if stack and isinstance(stack[-1].value, Located)
                    and stack[-1].key is _NO_KEY else None)
            elif isinstance(event, (events.MappingStartEvent, events.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    problem(line, f"the data is nested more than {MAX_DEPTH} levels deep",
                            "check the indentation and the brackets on this line")
                    break
                value = Located(line=line) if isinstance(event, events.MappingStartEvent) else []
                if event.anchor:
                    anchors[event.anchor] = _IN_PROGRESS
                stack.append(_Frame(value, line, event.anchor))
            elif isinstance(event, (events.MappingEndEvent, events.SequenceEndEvent)):
                frame = stack.pop()
                if frame.anchor:
                    anchors[frame.anchor] = frame.value
                add(frame.value, frame.line)
            elif isinstance(event, events.AliasEvent):
                value = anchors.get(event.anchor, _NO_KEY)
                if value is _NO_KEY or value is _IN_PROGRESS:
                    problem(line, f"the alias '*{_short(event.anchor)}' "
                                  + ("refers to itself" if value is _IN_PROGRESS else "has no '&' anchor before it"),
                            "write the value out instead of using '*'")
                    value = None
                add(value, line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else first_line
        what = f"YAML syntax error: {exc.problem or exc.context}"
        context = exc.context or ""
        if "quoted scalar" in context and exc.context_mark:
            # The quote that is never closed is the mistake, not the end of the file.
            line = exc.context_mark.line + first_line
            what = f"YAML syntax error: the quote opened on this line is not closed ({exc.problem})"
        elif "flow" in context and exc.context_mark and exc.context_mark.line + first_line != line:
            what += f" (in the brackets opened on line {exc.context_mark.line + first_line})"
        problem(line, what, "check the indentation and the quoting on this line (values with ':' or '#' need quotes)")
    except yaml.YAMLError as exc:
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + first_line if isinstance(position, int) else first_line
        problem(line, f"YAML cannot read this file: {getattr(exc, 'reason', None) or exc}",
                "remove control characters and save the file as UTF-8 text")
    if problems:
        raise ContentError(problems)
    return root


def _project_of(path: Path) -> Path | None:
    """The project a file belongs to (the folder with mkdocs.yml above it), if any."""
    for folder in Path(os.path.abspath(path)).parents:
        if (folder / "mkdocs.yml").is_file():
            return folder
    return None


def load_yaml(path: Path, project: Path | None = None) -> Any:
    """Read and parse a YAML file; any problem (file, encoding, syntax, duplicate key, date)
    raises a ContentError naming file and line."""
    project = project or _project_of(path)
    problems: list[Problem] = []
    text = read_text(path, project, problems)
    try:
        data = parse_yaml(text, where(path, project or Path.cwd()))
    except ContentError as exc:
        raise ContentError(problems + exc.problems) from None
    if problems:
        raise ContentError(problems)
    return data
