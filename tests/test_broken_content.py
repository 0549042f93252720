"""Broken content, as a careless author would make it, never reaches the site and never crashes.

Each case breaks a copy of the project in one way and asserts what the author sees: a problem
naming the exact file and line, a failing exit, no traceback, and (where a build was tried) the
previous site byte for byte as it was. Valid oddities (a byte-order mark, Windows line ends, a Lao
file name, a 10 MB page) must build.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wic.errors import ContentError, WicError
from wic.pipeline.build import build_site
from wic.pipeline.check import run_check
from wic.pipeline.mkdocs_yml import load_checked_settings
from wic.release import Releases

PROJECT = Path(__file__).resolve().parents[1]
FACTS = "content-src/facts/work.yml"
CONTACTS = "content-src/contacts.yml"
PAGE = "docs/en/about.md"
PAGE_LO = "docs/lo/about.md"


# --- a copy of the project and ways to break it ----------------------------------------------------

def copy_project(dest: Path) -> Path:
    for name in ("docs", "content-src", "overrides"):
        shutil.copytree(PROJECT / name, dest / name, symlinks=True)
    shutil.copy(PROJECT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def line_of(root: Path, rel: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line that contains `needle`."""
    found = [i for i, line in enumerate((root / rel).read_text(encoding="utf-8").split("\n"), 1) if needle in line]
    return found[nth - 1]


def replace_line(root: Path, rel: str, needle: str, new: str, nth: int = 1) -> int:
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    n = line_of(root, rel, needle, nth)
    lines[n - 1] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return n


def insert_after(root: Path, rel: str, needle: str, new: str) -> int:
    """Insert lines after the line holding `needle`; the line number of the first inserted one."""
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    n = line_of(root, rel, needle)
    lines[n:n] = new.split("\n")
    path.write_text("\n".join(lines), encoding="utf-8")
    return n + 1


def append(root: Path, rel: str, text: str) -> int:
    """Append text; the line number of its first line."""
    path = root / rel
    old = path.read_text(encoding="utf-8")
    if not old.endswith("\n"):
        old += "\n"
    path.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


def tree_hash(site: Path) -> str:
    h = hashlib.sha256()
    base = Path(os.path.realpath(site))
    for path in sorted(base.rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


# --- the corpus -------------------------------------------------------------------------------------
# Each case breaks `root` and returns (file, line, words the message must hold, how many errors in
# all, or None when any number is fine). `run`: "check"/"build" in-process, "cli-check"/"cli-build"
# as the author runs it.

CASES: dict[str, tuple] = {}


def case(run: str = "check"):
    def register(fn):
        CASES[fn.__name__] = (fn, run)
        return fn
    return register


@case("cli-check")
def fact_key_written_twice_in_one_file(root, tmp):
    first = line_of(root, FACTS, "min_wage_2024:")
    n = append(root, FACTS, "min_wage_2024:\n  value: 999\n")
    return FACTS, n, f"'min_wage_2024' is written twice here (lines {first} and {n})", 1


@case()
def field_written_twice_in_one_fact(root, tmp):
    first = line_of(root, FACTS, "  checked:", 1)
    n = insert_after(root, FACTS, "  checked:", "  checked: 2026-11-23")
    return FACTS, n, f"'checked' is written twice here (lines {first} and {n})", 1


@case("build")
def impossible_date_in_a_fact(root, tmp):
    n = replace_line(root, FACTS, "  checked:", "  checked: 2026-02-30")
    return FACTS, n, "'2026-02-30' is not a date in the calendar (day is out of range for month)", 1


@case()
def impossible_date_in_a_contact(root, tmp):
    n = replace_line(root, CONTACTS, "  checked:", "  checked: 2026-13-01", 3)
    return CONTACTS, n, "'2026-13-01' is not a date in the calendar (month must be in 1..12)", 1


@case("cli-check")
def one_bad_indent_in_a_facts_file(root, tmp):
    # Used to give 212 error lines: every page quoting a fact of the file.
    n = line_of(root, FACTS, "labour_law_date:") + 1
    path = root / FACTS
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[n - 1] = "  " + lines[n - 1]
    path.write_text("\n".join(lines), encoding="utf-8")
    return FACTS, n + 1, "YAML syntax error: did not find expected key", 1


@case()
def tab_used_for_indentation(root, tmp):
    n = replace_line(root, FACTS, "  unit: date", "\tunit: date")
    return FACTS, n, "YAML syntax error", 1


@case()
def quote_never_closed(root, tmp):
    n = append(root, FACTS, 'extra_fact:\n  legal_source: "Labour Law No. 43/NA\n  unit: days\n')
    return FACTS, n + 1, "the quote opened on this line is not closed", 1


@case("build")
def facts_file_not_utf8(root, tmp):
    n = line_of(root, FACTS, "labour_law_name:")
    path = root / FACTS
    data = path.read_bytes().replace(b"labour_law_name:\n", b"labour_law_name:\n  # caf\xe9\n", 1)
    path.write_bytes(data)
    return FACTS, n + 1, "byte 0xe9 at column 8 is not UTF-8 text", 1


@case()
def facts_file_saved_as_utf16(root, tmp):
    path = root / FACTS
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    return FACTS, 1, "the file is not UTF-8 text (it is UTF-16, or holds NUL bytes)", 1


@case()
def facts_file_is_a_list(root, tmp):
    (root / "content-src/facts/extra.yml").write_text("- value: 1\n- value: 2\n", encoding="utf-8")
    return "content-src/facts/extra.yml", 1, "expected facts keyed by name, found a list", 1


@case()
def formula_overflows(root, tmp):
    n = append(root, FACTS, "huge_example:\n  formula: min_wage_2024 * 1e308 * 10\n  unit: kip\n"
                            "  label: {lo: ຕົວຢ່າງ, en: Example}\n  legal_source: none\n  public_source: none\n"
                            "  checked: 2026-11-22\n  confidence: unverified\n  ask: wic_centre\n")
    return FACTS, n + 1, "formula of 'huge_example' gives inf, far beyond any real figure", 1


@case()
def value_is_infinite(root, tmp):
    n = replace_line(root, FACTS, "  value: 2500000", "  value: .inf")
    return FACTS, n, "needs a number as its value, got inf", 1


@case("cli-check")
def contacts_file_deleted(root, tmp):
    # Used to give 207 lines of "unknown contact", none saying the file was missing.
    (root / CONTACTS).unlink()
    return CONTACTS, 1, "content-src/contacts.yml is missing", 1


@case()
def contacts_file_broken(root, tmp):
    n = replace_line(root, CONTACTS, "police:", "police")
    return CONTACTS, n + 1, "YAML syntax error", 1


@case()
def glossary_term_written_twice(root, tmp):
    rel = "content-src/glossary/core.yml"
    first = line_of(root, rel, "social_security:")
    n = append(root, rel, "social_security:\n  lo: ປະກັນສັງຄົມ\n")
    return rel, n, f"'social_security' is written twice here (lines {first} and {n})", 1


@case()
def poster_with_a_syntax_error(root, tmp):
    rel = "content-src/posters/minimum-wage.yml"
    n = replace_line(root, rel, "page: work-rights/wages.md", "page: [work-rights/wages.md")
    return rel, n + 1, f"did not find expected ',' or ']' (in the brackets opened on line {n})", 1


@case()
def poster_not_utf8(root, tmp):
    rel = "content-src/posters/minimum-wage.yml"
    path = root / rel
    n = line_of(root, rel, "colour: green")
    path.write_bytes(path.read_bytes().replace(b"colour: green", b"colour: gr\xffen"))
    return rel, n, "byte 0xff at column 11 is not UTF-8 text", 1


@case()
def alias_without_anchor(root, tmp):
    n = replace_line(root, FACTS, "  unit: date", "  unit: *date_unit")
    return FACTS, n, "the alias '*date_unit' has no '&' anchor before it", 1


@case()
def second_document_in_a_file(root, tmp):
    n = append(root, FACTS, "---\nmore: 1\n")
    return FACTS, n, "a second YAML document starts here", 1


@case()
def unknown_tag_on_a_value(root, tmp):
    n = replace_line(root, FACTS, "  value: 2500000", "  value: !money 2500000")
    return FACTS, n, "the value '2500000' cannot be read", 1


@case("cli-build")
def page_not_utf8(root, tmp):
    path = root / PAGE
    n = line_of(root, PAGE, "## The Worker Information Centres")
    path.write_bytes(path.read_bytes().replace(b"## The Worker Information Centres",
                                               b"## The Worker Information Centr\x8es", 1))
    return PAGE, n, "byte 0x8e at column 32 is not UTF-8 text", 1


@case("build")
def impossible_date_in_front_matter(root, tmp):
    n = replace_line(root, PAGE, "last_reviewed:", "last_reviewed: 2026-02-30")
    return PAGE, n, "'2026-02-30' is not a date in the calendar", 1


@case()
def front_matter_is_plain_text(root, tmp):
    path = root / PAGE
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4)
    path.write_text("---\nAbout this knowledge base, reviewed in November\n" + text[end + 1:], encoding="utf-8")
    return PAGE, 2, "the front matter is plain text, not 'name: value' lines", 1


@case()
def front_matter_key_written_twice(root, tmp):
    n = insert_after(root, PAGE, "title:", "title: About")
    return PAGE, n, "'title' is written twice here (lines 2 and 3)", 1


@case()
def front_matter_never_closed(root, tmp):
    path = root / PAGE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n---\n", "\n\n", 1), encoding="utf-8")
    return PAGE, 1, "the front matter opened on line 1 is never closed", 1


@case()
def page_saved_as_utf16(root, tmp):
    path = root / PAGE
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    # Its twin does not also report a missing twin, nor other pages a broken link to it.
    return PAGE, 1, "the file is not UTF-8 text (it is UTF-16, or holds NUL bytes)", 1


@case()
def placeholder_never_closed(root, tmp):
    n = insert_after(root, PAGE, "## How we check the content", "\nThe wage is {{ fact:min_wage_monthly\n")
    return PAGE, n + 1, "a placeholder is opened with '{{' but never closed", None


@case("cli-build")
def raw_script(root, tmp):
    n = insert_after(root, PAGE, "## How we check the content", "\n<script>fetch('x')</script>\n")
    return PAGE, n + 1, "<script> is not allowed: pages cannot run scripts", 1


@case()
def event_handler(root, tmp):
    n = insert_after(root, PAGE, "## How we check the content", '\n<div class="wic-note" onmouseover="go()">x</div>\n')
    return PAGE, n + 1, "<div onmouseover=...> is an event handler", 1


@case()
def iframe(root, tmp):
    n = insert_after(root, PAGE, "## How we check the content", '\n<iframe src="help.html"></iframe>\n')
    return PAGE, n + 1, "<iframe> is not allowed", 1


@case()
def object_and_embed(root, tmp):
    n = insert_after(root, PAGE, "## How we check the content", '\n<object data="x.swf"></object>\n')
    return PAGE, n + 1, "<object> is not allowed", 1


@case()
def remote_picture_in_html(root, tmp):
    n = insert_after(root, PAGE, "## How we check the content", '\n<img src="//cdn.example.org/a.png" alt="">\n')
    return PAGE, n + 1, '<img src="//cdn.example.org/a.png"> is an address outside the site', 1


@case()
def script_link(root, tmp):
    n = insert_after(root, PAGE, "## How we check the content", '\n<a href=" JavaScript:alert(1)">x</a>\n')
    return PAGE, n + 1, "is a script address", 1


@case()
def style_with_remote_url(root, tmp):
    n = insert_after(root, PAGE, "## How we check the content",
                     "\n<style>\n.x { background: url('https://example.org/x.png') }\n</style>\n")
    return PAGE, n + 1, "<style> loads a file from outside the site", 1


@case("build")
def page_linked_to_outside(root, tmp):
    secret = tmp / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("---\ntitle: x\n---\n# secret\n", encoding="utf-8")
    (root / "docs/en/secret.md").symlink_to(secret)
    return "docs/en/secret.md", 1, f"this is a link to {secret}, outside the project", None


@case()
def picture_linked_to_outside(root, tmp):
    (root / "docs/en/passwd.png").symlink_to("/etc/passwd")
    return "docs/en/passwd.png", 1, "this is a link to /etc/passwd, outside the project", 1


@case()
def facts_folder_linked_to_outside(root, tmp):
    outside = tmp / "outside-facts"
    shutil.copytree(root / "content-src/facts", outside)
    (root / "content-src/facts/shared.yml").symlink_to(outside / "work.yml")
    return "content-src/facts/shared.yml", 1, "outside the project", None


@case("cli-build")
def wic_plugin_removed(root, tmp):
    path = root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("  - wic:")], encoding="utf-8")
    return "mkdocs.yml", line_of(root, "mkdocs.yml", "plugins:"), "the 'wic' plugin is not listed under 'plugins'", 1


@case("cli-check")
def mkdocs_yml_syntax_error(root, tmp):
    n = replace_line(root, "mkdocs.yml", "      docs_structure: folder", "    docs_structure: folder")
    return "mkdocs.yml", n + 1, "YAML syntax error: mapping values are not allowed in this context", 1


@case()
def unknown_wic_option(root, tmp):
    n = replace_line(root, "mkdocs.yml", "      idle_seconds: 180", "      idle_secs: 180")
    return "mkdocs.yml", n, "Plugin 'wic' option 'idle_secs': Unrecognised configuration name: idle_secs", 1


@case()
def broken_env_tag(root, tmp):
    n = replace_line(root, "mkdocs.yml", "      profile: !ENV", "      profile: !ENV {name: WIC_PROFILE}")
    return "mkdocs.yml", n, "expected a scalar or sequence node, but found mapping", 1


@case()
def wrong_type_of_wic_option(root, tmp):
    n = replace_line(root, "mkdocs.yml", "      idle_seconds: 180", "      idle_seconds: three minutes")
    return "mkdocs.yml", n, "Plugin 'wic' option 'idle_seconds': Expected type", 1


@case()
def setting_written_twice_in_mkdocs_yml(root, tmp):
    first = line_of(root, "mkdocs.yml", "site_dir: site")
    n = insert_after(root, "mkdocs.yml", "site_dir: site", "site_dir: /tmp/elsewhere")
    return "mkdocs.yml", n, f"'site_dir' is written twice here (lines {first} and {n})", 1


@case("build")
def placeholder_in_a_title(root, tmp):
    # The content checks read page bodies; the built output shows the title as written.
    n = replace_line(root, PAGE, "title:", "title: About {{ fact:min_wage_monthly }}")
    return PAGE, n, "the built page still shows '{{ fact:min_wage_monthly }}' to readers", 1


@case("build")
def picture_from_the_web_in_markdown(root, tmp):
    n = insert_after(root, PAGE, "## How we check the content", "\n![map](https://example.org/map.png)\n")
    return PAGE, n + 1, "the built page loads https://example.org/map.png from off the machine", 1


# --- running the cases ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("pristine") / "p")


@pytest.fixture(scope="module")
def old_site(built_site, tmp_path_factory) -> Path:
    """A good site published as a release, which every failed build must leave as it was."""
    site = tmp_path_factory.mktemp("site") / "site"
    releases = Releases(site)
    with releases.lock():
        folder = releases.new_folder()
        os.rmdir(folder)
        shutil.copytree(built_site, folder, symlinks=True)
        releases.publish(folder)
    return site


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(PROJECT / "scripts"))
    return subprocess.run([sys.executable, "-m", "wic.cli", "--project", str(root), *args],
                          capture_output=True, text=True, env=env)


def _errors_in_process(root: Path, build_into: Path | None) -> list:
    try:
        settings = load_checked_settings(root, site_dir=build_into)
        if build_into is None:
            return run_check(settings).errors
        build_site(settings, posters=False)
    except ContentError as exc:
        return exc.problems
    except WicError as exc:
        pytest.fail(f"not reported as file:line problems: {exc}")
    pytest.fail("the broken project was built")


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_input_is_reported_at_its_file_and_line(name, pristine, old_site, tmp_path):
    breaks, run = CASES[name]
    root = copy_project(tmp_path / "p")
    file, line, words, count = breaks(root, tmp_path)
    prefix = f"{file}:{line}: "
    building = run.endswith("build")
    before = tree_hash(old_site) if building else None

    if run.startswith("cli"):
        args = ["build", "--no-posters", "--site-dir", str(old_site)] if building else ["check"]
        result = _cli(root, *args)
        output = result.stdout + result.stderr
        assert result.returncode != 0, output
        assert "Traceback" not in output, output
        lines = [l for l in output.splitlines() if l.startswith(prefix) and words in l]
        assert lines, f"expected '{prefix}... {words}' in:\n{output}"
        errors = [l for l in output.splitlines() if ": " in l and l.split(":", 1)[0] in _files(root) | {file}
                  and ": warning: " not in l]
    else:
        errors = [str(p) for p in _errors_in_process(root, old_site if building else None)]
        assert any(e.startswith(prefix) and words in e for e in errors), \
            f"expected '{prefix}... {words}' in:\n" + "\n".join(errors)
    if count is not None:
        assert len(errors) == count, "\n".join(errors)
    if building:
        assert tree_hash(old_site) == before
        assert not list(Releases(old_site).root.glob(".building-*"))


@pytest.mark.parametrize("name", ["raw_script", "page_linked_to_outside", "placeholder_in_a_title",
                                  "picture_from_the_web_in_markdown"])
def test_plain_mkdocs_build_refuses_what_wic_build_refuses(name, tmp_path):
    """Authors may run `mkdocs build` or `mkdocs serve` themselves: unsafe pages and pages that would
    show code or load from the web stop those too, at the same file and line."""
    breaks, _ = CASES[name]
    root = copy_project(tmp_path / "p")
    file, line, words, _ = breaks(root, tmp_path)
    env = dict(os.environ, PYTHONPATH=str(PROJECT / "scripts"))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"),
                             "-d", str(tmp_path / "site")], capture_output=True, text=True, env=env)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    assert f"{file}:{line}: " in output and words in output, output


def _files(root: Path) -> set[str]:
    """Every path a problem may name, relative to the project."""
    names = {"mkdocs.yml"}
    for folder in ("docs", "content-src"):
        for dirpath, dirs, files in os.walk(root / folder):
            names |= {str((Path(dirpath) / f).relative_to(root)) for f in files + dirs}
    return names


def test_the_corpus_has_at_least_30_broken_inputs():
    assert len(CASES) >= 30


def test_valid_oddities_build(tmp_path):
    """A byte-order mark (Notepad), Windows line ends, a Lao file name and a 10 MB page are fine."""
    root = copy_project(tmp_path / "p")
    bom = b"\xef\xbb\xbf"
    for rel in (PAGE, "content-src/facts/abroad.yml"):
        (root / rel).write_bytes(bom + (root / rel).read_bytes())
    for rel in (PAGE_LO, CONTACTS, "docs/en/help.md"):
        (root / rel).write_bytes((root / rel).read_bytes().replace(b"\n", b"\r\n"))
    for lang in ("lo", "en"):
        shutil.copy(root / f"docs/{lang}/women/index.md", root / f"docs/{lang}/women/ທົດລອງ.md")
    text = (root / PAGE).read_text(encoding="utf-8-sig")
    para = ("Workers on coffee and tea farms can ask the centre about their rights, about safety on "
            "the farm and about social security.\n\n")
    big = text.replace("## What to do", para * (10 * 2**20 // len(para) + 1) + "## What to do")
    (root / "docs/en/big.md").write_text(big, encoding="utf-8")
    shutil.copy(root / PAGE_LO, root / "docs/lo/big.md")
    assert (root / "docs/en/big.md").stat().st_size > 10 * 2**20

    report = run_check(load_checked_settings(root))
    assert not report.errors, "\n".join(map(str, report.errors))
    site = build_site(load_checked_settings(root, site_dir=tmp_path / "site"), posters=False)
    about = (site / "en/about.html").read_text(encoding="utf-8")
    assert "<h1" in about and "About this knowledge base" in about and "\ufeff" not in about
    assert "\r" not in (site / "about.html").read_text(encoding="utf-8").split("<article", 1)[1]
    lao_title = (root / "docs/lo/women/index.md").read_text(encoding="utf-8").split("title:", 1)[1].split("\n")[0].strip()
    assert lao_title in (site / "women/ທົດລອງ.html").read_text(encoding="utf-8")
    assert (site / "en/women/ທົດລອງ.html").is_file()
    assert (site / "en/big.html").stat().st_size > 10 * 2**20


def test_a_zero_width_space_at_the_end_of_a_lao_line_is_a_warning_not_a_crash(tmp_path):
    # Pasted text often ends in U+200B; it used to stop `wic check` with a StopIteration.
    root = copy_project(tmp_path / "p")
    n = insert_after(root, PAGE_LO, "# ", "\nກ\u200b")
    problems = run_check(load_checked_settings(root)).problems
    assert any(str(p).startswith(f"{PAGE_LO}:{n + 1}: warning: non-standard Lao spelling") for p in problems), \
        "\n".join(map(str, problems))
