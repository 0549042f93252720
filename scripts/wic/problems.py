"""One shape for every content problem: where it is, what is wrong, how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    what: str
    fix: str
    level: str = ERROR

    def __str__(self) -> str:
        tag = "" if self.level == ERROR else "warning: "
        return f"{self.path}:{self.line}: {tag}{self.what} — {self.fix}"


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def rel(path: Path | str, root: Path | None = None) -> str:
    """Paths in messages are relative to the project so they can be clicked in an editor."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        return str(p)
