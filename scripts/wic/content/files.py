"""The one way every file of the project is read: bytes in, text or a Problem out.

Authors edit pages and YAML files in whatever editor the centre has (Windows Notepad included),
so a byte-order mark and Windows line ends are accepted. Anything else that stops a file from
being read (not UTF-8, UTF-16, a folder, a link to outside the project) becomes one
'file:line: what — fix', never a traceback. A file that cannot be read at all is reported as
Unreadable, which also says what the file would have defined, so that errors which only follow
from it ("unknown contact ...") can be left out (see rootcause.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, Problem

ALL = "*"             # Unreadable.defines: every key of that kind may have been in the file
BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class Unreadable(Problem):
    """A file, or a part of one, that could not be read: the root cause of what follows from it.

    `defines` lists (kind, key) pairs the file would have defined, e.g. ("contact", "police"),
    ("fact", ALL) or ("page", "docs/en/about.md").
    """
    defines: tuple = ()


def where(path: Path | str, project: Path) -> str:
    """The path as the author knows it, relative to the project; a link is named, not its target."""
    path = Path(os.path.abspath(path))
    for base in (Path(os.path.abspath(project)), Path(project).resolve()):
        for candidate in (path, path.parent.resolve() / path.name):
            try:
                return candidate.relative_to(base).as_posix()
            except ValueError:
                continue
    return str(path)


def inside(path: Path, project: Path) -> bool:
    """True when the path, with every link followed, stays inside the project."""
    try:
        Path(path).resolve().relative_to(Path(project).resolve())
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def outside_links(folder: Path, project: Path) -> list[Problem]:
    """Every link under `folder` that leads outside the project, which a build would copy into
    the site (a link to /etc/passwd would be published). Links are not followed while looking."""
    problems: list[Problem] = []
    folder = Path(folder)
    if not folder.exists() and not folder.is_symlink():
        return problems
    candidates = [folder] if folder.is_symlink() else []
    for top, dirs, files in os.walk(folder, followlinks=False):
        candidates += [Path(top) / name for name in dirs + files if (Path(top) / name).is_symlink()]
    return [_outside(path, project) for path in sorted(candidates) if not inside(path, project)]


def _outside(path: Path, project: Path) -> Unreadable:
    name = where(path, project)
    return Unreadable(name, 1, f"this is a link to {os.path.realpath(path)}, outside the project: it is not read "
                               "and never published",
                      "copy the file into the project instead of linking to it, or delete the link",
                      defines=(("page", name),))


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_text(path: Path, project: Path | None, problems: list[Problem]) -> str:
    """The file's text, with a byte-order mark removed and line ends as '\\n'.

    Bytes that are not UTF-8 are reported once (with their line) and read as U+FFFD, so the rest
    of the file can still be checked. Raises ContentError([Unreadable]) when there is no text to
    read at all. Without a project (a file given on its own), links are not checked and the file
    is named relative to the current folder.
    """
    path = Path(path)
    name = where(path, project or Path.cwd())

    def unreadable(line: int, what: str, fix: str) -> ContentError:
        return ContentError([Unreadable(name, line, what, fix)])

    if project is not None and not inside(path, project):
        raise ContentError([_outside(path, project)])
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise unreadable(1, "the file is missing", f"restore {name} (e.g. 'git checkout -- {name}') or create it") from None
    except IsADirectoryError:
        raise unreadable(1, "is a folder, not a file", f"rename the folder so it does not end in {path.suffix}") from None
    except PermissionError:
        raise unreadable(1, "the file cannot be opened (permission denied)",
                         f"give your user read permission: chmod a+r {name}") from None
    except OSError as exc:
        raise unreadable(1, f"the file cannot be read ({exc.strerror or exc})",
                         "check the disk, then copy the file again from a good copy") from None
    if data.startswith(BOMS_UTF16) or b"\x00" in data:
        line = 1 if data.startswith(BOMS_UTF16) else _line_of(data, data.find(b"\x00"))
        raise unreadable(line, "the file is not UTF-8 text (it is UTF-16, or holds NUL bytes)",
                         "save it again as 'UTF-8' (in Notepad: Save as, Encoding: UTF-8)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(Problem(name, line, f"byte 0x{data[exc.start]:02x} at column {column} is not UTF-8 text",
                                "save the file as 'UTF-8' (in Notepad: Save as, Encoding: UTF-8) and retype "
                                "the characters on this line"))
        text = data.decode("utf-8-sig", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")
