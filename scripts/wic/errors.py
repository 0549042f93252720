"""Every error the wic package raises, and the one shape of a content problem.

A leaf module: it imports nothing of ours, so any module may raise these without a cycle.
The CLI catches WicError and prints its message; anything else is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """Where it is, what is wrong, how to fix it: printed as 'file:line: what — fix'."""
    path: str
    line: int
    what: str
    fix: str
    level: str = ERROR

    def __str__(self) -> str:
        tag = "" if self.level == ERROR else "warning: "
        return f"{self.path}:{self.line}: {tag}{self.what} — {self.fix}"


class WicError(Exception):
    """Base of every error we raise on purpose; its message says what to do next."""


class ContentError(WicError):
    """Content cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ConfigError(WicError):
    """mkdocs.yml or a command-line setting is wrong."""


class BuildError(WicError):
    """The site could not be built; the previous site stays in place."""


class PosterError(BuildError):
    """One or more posters could not be rendered; the message names each one and why."""

    def __init__(self, failures: dict[str, str]):
        self.failures = failures
        lines = [f"poster '{key}': {why}" for key, why in failures.items()]
        super().__init__(f"{len(failures)} poster(s) failed:\n" + "\n".join(lines))


class ReleaseError(WicError):
    """A release could not be switched, installed or rolled back; the current site is unchanged."""


def rel(path: Path | str, root: Path | None = None) -> str:
    """Paths in messages are relative to the project so they can be clicked in an editor."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        return str(p)
