"""Shared helpers for the benchmark scripts: project copies, stock configuration, byte counts."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import textwrap
import time
from contextlib import contextmanager
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]

# Material's stock look for the same Markdown: search, i18n and offline plugins, default font
# and search. The only addition is the Lao theme strings file, without which Material cannot
# build a Lao site at all.
STOCK_MKDOCS = textwrap.dedent("""\
    site_name: WIC Knowledge Base
    site_url: http://127.0.0.1:8000/
    docs_dir: docs
    theme:
      name: material
      custom_dir: stock-overrides
      language: lo
    markdown_extensions:
      - toc
      - admonition
      - attr_list
      - md_in_html
      - tables
      - pymdownx.details
      - pymdownx.superfences
      - pymdownx.emoji:
          emoji_index: !!python/name:material.extensions.emoji.twemoji
          emoji_generator: !!python/name:material.extensions.emoji.to_svg
    plugins:
      - search
      - i18n:
          docs_structure: folder
          languages:
            - {locale: lo, default: true, name: ລາວ, build: true}
            - {locale: en, name: English, build: true}
      - offline
    """)


def make_stock_project(docs: Path, dest: Path, prune: bool = False) -> Path:
    """Stock Material on the same Markdown; prune=True adds navigation.prune, which keeps every page
    from carrying the whole navigation (the fair peer for large sites)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(docs, dest / "docs", dirs_exist_ok=True)
    (dest / "stock-overrides" / "partials" / "languages").mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / "overrides" / "partials" / "languages" / "lo.html",
                dest / "stock-overrides" / "partials" / "languages" / "lo.html")
    config = STOCK_MKDOCS
    if prune:
        config = config.replace("      language: lo\n", "      language: lo\n      features:\n        - navigation.prune\n")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


@contextmanager
def checkout(rev: str, dest: Path):
    """The project as it was at `rev` (a git revision), in a worktree removed afterwards."""
    subprocess.run(["git", "-C", str(PROJECT), "worktree", "add", "--detach", "-q", str(dest), rev], check=True)
    try:
        yield dest
    finally:
        subprocess.run(["git", "-C", str(PROJECT), "worktree", "remove", "--force", str(dest)], check=False)


def make_wic_project(docs: Path, dest: Path, source: Path = PROJECT) -> Path:
    """Our project around these docs; `source` is the checkout whose content-src, theme and
    mkdocs.yml go with it (another revision's, to compare with how it was)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(docs, dest / "docs", dirs_exist_ok=True)
    for name in ("content-src", "overrides"):
        shutil.copytree(source / name, dest / name, dirs_exist_ok=True)
    shutil.copy(source / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def with_material_search(project: Path) -> Path:
    """Our project with Material's default search switched on (and static-i18n merging its index as
    it does by default): the baseline for search on exactly the same rendered pages."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("plugins:\n", "plugins:\n  - search\n", 1).replace("reconfigure_search: false", "reconfigure_search: true")
    config.write_text(text, encoding="utf-8")
    return project


class Timing(float):
    """Wall seconds (the float itself) and the CPU seconds the command used (user + system)."""
    cpu: float = 0.0


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    elapsed = Timing(time.perf_counter() - start)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    elapsed.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if run.returncode != 0:
        raise SystemExit(f"command failed: {' '.join(cmd)}\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    return elapsed


def build_stock(project: Path, site: Path) -> Timing:
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], project)


def build_wic(project: Path, site: Path, posters: bool = True, scripts: Path | None = None) -> Timing:
    """Our build; `scripts` runs another version of the wic package (e.g. a checkout of an older commit)."""
    env = None
    if scripts is not None:
        env = {**os.environ, "PYTHONPATH": str(scripts)}
    cmd = [sys.executable, "-m", "wic.cli", "--project", str(project), "build", "--site-dir", str(site)]
    if not posters:
        # Pages only: no printed files and (where the version has them) no Kiwix files.
        cmd.append("--no-posters")
        if scripts is None:
            cmd.append("--no-zim")
    return timed(cmd, project, env)


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def page_count(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html" and "assets" not in p.parts)


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"
