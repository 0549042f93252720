"""The `wic` command: build, check, print and serve the WIC Knowledge Base.

Each command lives in a module of its own with add_parser(subparsers) and run(args); only this
package prints. Library code reports through MkDocs' logger, which the CLI shows on stderr.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from ..errors import ContentError, WicError
from . import build, check, kit, posters, reach, review, serve, stats

COMMANDS = (check, build, posters, serve, stats, review, kit, reach)


class _Console(logging.Formatter):
    def format(self, record):
        text = record.getMessage()
        # Content problems already read "file:line: warning: ...".
        if record.levelno < logging.WARNING or getattr(record, "wic_content", False):
            return text
        return f"{record.levelname.lower()}: {text}"


def setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Console())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    # Our own progress (posters, kiosk) is worth seeing; MkDocs' chatter only with --verbose.
    logging.getLogger("mkdocs.plugins.wic").setLevel(logging.INFO)
    logging.getLogger("mkdocs").setLevel(logging.DEBUG if verbose else logging.WARNING)


def find_project(start: Path) -> Path:
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").is_file() and (folder / "content-src").is_dir():
            return folder
    raise WicError(f"no project found at or above {start} (looked for mkdocs.yml and content-src/) — "
                   "run wic inside the project folder or pass --project")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="wic", description=__doc__.splitlines()[0])
    p.add_argument("--project", type=Path, default=None, help="project folder (default: found from the current folder)")
    p.add_argument("-v", "--verbose", action="store_true", help="also show MkDocs' own messages")
    sub = p.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    setup_logging(args.verbose)
    try:
        args.project = (args.project or find_project(Path.cwd())).resolve()
        return args.run(args)
    except ContentError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s): fix them and run the command again. "
              "The previous site/ was left as it was.", file=sys.stderr)
        return 1
    except WicError as exc:
        print(f"wic: {exc}", file=sys.stderr)
        if args.command in ("build", "posters"):
            print("The previous site/ was left as it was.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
