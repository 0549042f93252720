"""The package keeps its shape: layers, no import cycles, and it works when installed for real."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import grimp

PROJECT = Path(__file__).resolve().parents[1]


def import_cycles(package: str) -> list[set[str]]:
    """Groups of modules that import each other, directly or through others (Tarjan's SCC)."""
    graph = grimp.build_graph(package)
    modules = sorted(graph.modules)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(m: str) -> None:
        index[m] = low[m] = len(index)
        stack.append(m)
        on_stack.add(m)
        for n in sorted(graph.find_modules_directly_imported_by(m)):
            if n not in index:
                visit(n)
                low[m] = min(low[m], low[n])
            elif n in on_stack:
                low[m] = min(low[m], index[n])
        if low[m] == index[m]:
            group = set()
            while True:
                n = stack.pop()
                on_stack.discard(n)
                group.add(n)
                if n == m:
                    break
            if len(group) > 1:
                found.append(group)

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    for m in modules:
        if m not in index:
            visit(m)
    return found


def test_the_layer_contracts_hold():
    lint = Path(sys.executable).parent / "lint-imports"
    run = subprocess.run([str(lint), "--config", str(PROJECT / "pyproject.toml")], cwd=PROJECT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_no_module_under_scripts_is_part_of_an_import_cycle():
    assert import_cycles("wic") == []


def test_the_cycle_finder_finds_a_cycle(tmp_path, monkeypatch):
    pkg = tmp_path / "cyclepkg"
    (pkg / "inner").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "inner" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .inner import b\n")
    (pkg / "inner" / "b.py").write_text("from .. import c\n")
    (pkg / "c.py").write_text("from . import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert import_cycles("cyclepkg") == [{"cyclepkg.a", "cyclepkg.inner.b", "cyclepkg.c"}]


def test_an_installed_non_editable_package_builds_the_site(tmp_path):
    """`pip install .` (not -e): the package finds its templates, words and scripts in itself, and the
    project's theme folder through mkdocs.yml — nothing through the source checkout."""
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels),
                    str(PROJECT)], check=True, capture_output=True)
    wheel = next(wheels.glob("wic_knowledge_base-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site_packages = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                        check=True, capture_output=True, text=True).stdout.strip())
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target",
                    str(site_packages), str(wheel)], check=True, capture_output=True)
    # The dependencies (MkDocs, Material, ...) come from the test environment; a .pth line adds its
    # site-packages without running the .pth files there (which hold the editable install).
    (site_packages / "zz-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    project = tmp_path / "project"
    for name in ("docs", "content-src", "overrides"):
        shutil.copytree(PROJECT / name, project / name)
    shutil.copy(PROJECT / "mkdocs.yml", project / "mkdocs.yml")
    where = subprocess.run([str(python), "-c", "import wic; print(wic.__file__)"], cwd=project,
                           check=True, capture_output=True, text=True).stdout.strip()
    assert where.startswith(str(site_packages)), where
    run = subprocess.run([str(python), "-m", "wic.cli", "build", "--no-posters"], cwd=project,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    site = project / "site"
    page = (site / "farm-safety" / "snakes-insects.html").read_text(encoding="utf-8")
    assert 'class="wic-pictogram"' in page and "<svg" in page
    assert "{{" not in page
    assert (site / "search" / "wic-index-lo.js").is_file()


def test_a_build_reads_each_poster_definition_once(tmp_path, monkeypatch):
    """Content (posters included) is loaded once per build and shared by the check, every language's
    pages, the gallery and the poster step."""
    import wic.content.load as load
    import wic.posters.model as model
    from wic.pipeline.build import build_site
    from wic.settings import load_settings

    monkeypatch.setattr(load, "_CACHE", {})
    reads: list[str] = []
    real = model.load_poster

    def counting(path, *args, **kwargs):
        reads.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(model, "load_poster", counting)
    build_site(load_settings(PROJECT, site_dir=tmp_path / "site"), posters=False, zim=False)
    files = sorted(p.name for p in (PROJECT / "content-src" / "posters").glob("*.yml"))
    assert sorted(reads) == files
