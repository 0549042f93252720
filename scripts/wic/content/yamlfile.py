"""Load YAML while remembering the line of every mapping key, so errors can point at it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError, Problem, rel


_SCALARS = yaml.constructor.SafeConstructor()
# libyaml's parser is many times faster and reports the same line marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Located(dict):
    """A mapping that also knows the source line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def _build(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = Located()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = _build(key_node)
            out[key] = _build(value_node)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(n) for n in node.value]
    # Scalars: let SafeLoader's resolver decide int/float/bool/date/str.
    return _SCALARS.construct_object(node)


def load_yaml(path: Path, project: Path | None = None) -> Any:
    """Parse a YAML file; a syntax error becomes a ContentError naming file and line."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise ContentError([Problem(rel(path, project), line, f"YAML syntax error: {exc.problem}",
                                    "check indentation and quoting on this line (values with ':' or '#' need quotes)")])
    return _build(node) if node is not None else None
