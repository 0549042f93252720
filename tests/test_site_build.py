"""The foundation: one build gives a bilingual site that works offline."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from wic.pipeline.build import build_site
from wic.errors import ContentError
from wic.settings import load_settings

NOT_PAGES = {"404.html"}


def content_pages(site: Path, lang: str) -> set[str]:
    root = site if lang == "lo" else site / "en"
    pages = set()
    for path in root.rglob("*.html"):
        rel = path.relative_to(root).as_posix()
        top = rel.split("/", 1)[0]
        if lang == "lo" and top in ("en", "assets", "search", "posters"):
            continue
        if rel in NOT_PAGES or top in ("assets", "search", "posters"):
            continue
        pages.add(rel)
    return pages


def test_build_writes_lao_at_root_and_english_under_en(built_site):
    assert (built_site / "index.html").is_file()
    assert (built_site / "en" / "index.html").is_file()
    assert 'lang="lo"' in (built_site / "index.html").read_text(encoding="utf-8")
    assert 'lang="en"' in (built_site / "en" / "index.html").read_text(encoding="utf-8")


def test_every_page_has_a_twin_in_the_other_language(built_site):
    lo, en = content_pages(built_site, "lo"), content_pages(built_site, "en")
    assert len(lo) >= 5
    assert lo == en, f"only Lao: {sorted(lo - en)}; only English: {sorted(en - lo)}"


class _Refs(HTMLParser):
    """Collect every URL the browser would fetch by itself (not <a href> navigation)."""

    def __init__(self):
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed", "track") and a.get("src"):
            self.refs.append(a["src"])
        if tag == "link" and a.get("href") and (a.get("rel") or "") not in ("canonical", "alternate"):
            self.refs.append(a["href"])
        if tag == "object" and a.get("data"):
            self.refs.append(a["data"])
        style = a.get("style") or ""
        self.refs += re.findall(r"url\(\s*['\"]?([^'\")]+)", style)


OFF_MACHINE = re.compile(r"^(?:https?:)?//", re.I)


def test_no_built_file_references_anything_off_the_machine(built_site):
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix == ".html":
            parser = _Refs()
            parser.feed(path.read_text(encoding="utf-8"))
            offenders += [f"{path}: {r}" for r in parser.refs if OFF_MACHINE.match(r)]
        elif path.suffix == ".css":
            text = path.read_text(encoding="utf-8")
            refs = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
            offenders += [f"{path}: {r}" for r in refs if OFF_MACHINE.match(r)]
        elif path.suffix == ".js":
            text = path.read_text(encoding="utf-8", errors="replace")
            # Scripts that would load code or data from a CDN: import/importScripts/script src of a full URL.
            offenders += [f"{path}: {m}" for m in re.findall(
                r"(?:importScripts|import)\s*\(\s*['\"](https?://[^'\"]+)|\.src\s*=\s*['\"](https?://[^'\"]+)", text)]
    assert not offenders, "\n".join(offenders[:20])


def test_fonts_are_vendored_with_their_licence(built_site):
    fonts = built_site / "assets" / "wic" / "fonts"
    assert (fonts / "OFL.txt").is_file()
    assert len(list(fonts.glob("*lao-400*.woff2"))) == 1
    css = (built_site / "assets" / "wic" / "fonts.css").read_text(encoding="utf-8")
    assert "noto-sans-lao-looped-lao-400-normal.woff2" in css
    assert 'href="assets/wic/fonts.css"' in (built_site / "index.html").read_text(encoding="utf-8")


def _copy_project(src: Path, dest: Path) -> Path:
    for name in ("docs", "content-src", "overrides"):
        shutil.copytree(src / name, dest / name)
    shutil.copy(src / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def test_broken_content_names_file_and_line_and_keeps_the_previous_site(project, tmp_path, built_site):
    copy = _copy_project(project, tmp_path / "proj")
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    before = (site / "index.html").read_text(encoding="utf-8")

    facts = copy / "content-src" / "facts" / "zz-broken.yml"
    facts.write_text("broken_fact:\n  value: 12\n  unit: kip\n  label: {lo: x, en: y}\n    bad: indent\n",
                     encoding="utf-8")
    with pytest.raises(ContentError) as err:
        build_site(load_settings(copy, site_dir=site), posters=False)
    message = str(err.value)
    assert "content-src/facts/zz-broken.yml:" in message.replace("\\", "/")
    assert re.search(r"zz-broken\.yml:\d+: ", message)
    assert (site / "index.html").read_text(encoding="utf-8") == before
    assert not list((site.parent / ".site-releases").glob(".building-*")), "temporary build folder left behind"

    # The command line says the same and exits non-zero.
    run = subprocess.run([sys.executable, "-m", "wic.cli", "--project", str(copy), "build", "--site-dir", str(site)],
                         capture_output=True, text=True)
    assert run.returncode != 0
    assert "zz-broken.yml:" in run.stderr and "previous site" in run.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == before


def test_unknown_fact_in_a_page_is_reported_with_its_line(project, tmp_path):
    copy = _copy_project(project, tmp_path / "proj")
    page = copy / "docs" / "en" / "help.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(12, "The fee is {{ fact:no_such_fact }}.")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "wic.cli", "--project", str(copy), "check"], capture_output=True, text=True)
    assert run.returncode == 1
    assert re.search(r"docs/en/help\.md:13: unknown fact 'no_such_fact' — ", run.stdout), run.stdout
