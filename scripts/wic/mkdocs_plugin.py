"""MkDocs plugin: pulls facts and contacts from content-src into pages, adds each page's
sources, pictogram and "check first" note, keeps the language switcher relative (file://),
and writes one Lao-aware search index per language.

It runs in `mkdocs build`, `mkdocs serve` and `wic build` alike, so authors see real values.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .content import Content, load_content
from .formatting import LANGS
from .icons import icon_svg
from .placeholders import render_placeholders, sources_section, unverified_note
from .problems import ERROR, rel
from .search_index import SearchIndexWriter


class WicConfig(Config):
    content_dir = c.Type(str, default="content-src")
    lao_digits = c.Type(bool, default=False)
    kiosk = c.Type(bool, default=False)
    idle_seconds = c.Type(int, default=180)
    poster_base_url = c.Type(str, default="")


def page_language(page) -> str:
    first = page.file.src_uri.split("/", 1)[0]
    return first if first in LANGS else LANGS[0]


class WicPlugin(BasePlugin[WicConfig]):
    content: Content | None = None

    def on_config(self, config):
        root = Path(config.config_file_path or ".").parent / self.config.content_dir
        self.content = load_content(root)
        errors = [p for p in self.content.problems if p.level == ERROR]
        if errors:
            raise PluginError("content-src has errors:\n" + "\n".join(str(p) for p in errors))
        if not hasattr(self, "search"):
            self.search = SearchIndexWriter()
        # Search: question words, synonyms and no-results contacts travel inside each index.
        search_problems = [p for p in self.search.use_content(self.content) if p.level == ERROR]
        if search_problems:
            raise PluginError("content-src/search has errors:\n" + "\n".join(str(p) for p in search_problems))
        # Kiosk settings reach the browser through the theme's template context (see main.html).
        config.extra["wic"] = {"kiosk": self.config.kiosk, "idle_seconds": self.config.idle_seconds}
        return config

    def on_env(self, env, config, files):
        # Each language is a separate MkDocs build with a fresh Jinja environment; keeping compiled
        # templates on disk saves compiling Material's templates again for every build.
        from jinja2 import FileSystemBytecodeCache

        cache = Path(config.config_file_path or ".").parent / ".cache" / "jinja"
        cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(cache))
        return env

    def on_page_markdown(self, markdown, page, config, files):
        lang = page_language(page)
        where = rel(Path(config.docs_dir) / page.file.src_uri, Path(config.config_file_path).parent)
        rendered = render_placeholders(markdown, lang, self.content, where, self.config.lao_digits)
        if rendered.problems:
            raise PluginError("\n".join(str(p) for p in rendered.problems))
        body = rendered.markdown
        facts = [self.content.facts[k] for k in rendered.facts]
        meta = page.meta or {}
        # The pictogram floats beside the title; the "check first" box comes right under it,
        # where readers look first.
        lines = body.split("\n")
        h1 = next((i for i, l in enumerate(lines) if l.startswith("# ")), None)
        unverified = [f for f in facts if not f.verified]
        if h1 is not None:
            if unverified:
                lines.insert(h1 + 1, unverified_note(unverified, self.content, lang))
            if meta.get("icon") and meta.get("layout") != "home":
                lines.insert(h1, f'\n<div class="wic-pictogram" aria-hidden="true">{icon_svg(meta["icon"])}</div>\n')
        body = "\n".join(lines)
        last_reviewed = meta.get("last_reviewed")
        if not isinstance(last_reviewed, dt.date):
            last_reviewed = None
        other = [str(s) for s in (meta.get("sources") or [])]
        if meta.get("layout") != "home":
            body += sources_section(facts, other, last_reviewed, lang, self.config.lao_digits)
        return body

    def on_page_context(self, context, page, config, nav):
        # static-i18n has just pointed config.extra.alternate at this page's twins, with
        # site-absolute links ("/en/") that break under file://. We show our own switcher in
        # the toolbar with site-relative links (the url filter makes them page-relative), and
        # empty the list so Material emits no <link rel=alternate>: for each of those its
        # script fetches sitemap.xml, which fails (and logs errors) under file://.
        current = page_language(page)
        switch = []
        # static-i18n assigns config.extra.alternate as an attribute; Jinja reads that first.
        alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
        for alt in alternates:
            link = alt.get("link", "").lstrip("/")
            if link == "" or link.endswith("/"):
                link += "index.html"
            if alt.get("lang") != current:
                switch.append({"lang": alt.get("lang"), "name": alt.get("name"), "link": link})
        context["wic_alternates"] = switch
        config.extra.alternate = []
        config.extra["alternate"] = []
        return context

    def on_pre_build(self, config):
        # static-i18n runs one build per language; each starts its language's index afresh
        # (so `mkdocs serve` forgets deleted pages) and keeps the other language's.
        self.search.docs.pop(config.theme["language"], None)

    @event_priority(-50)
    def on_post_page(self, output, page, config):
        self.search.add_page(page_language(page), page, output)
        return output

    @event_priority(-200)
    def on_post_build(self, config):
        # static-i18n builds every language into the same site_dir (English pages under en/),
        # from inside the default language's post-build, so writing all indexes each time is
        # cheap and leaves every language's index in place at the end.
        for lang in self.search.docs:
            self.search.write_language(lang, Path(config.site_dir))
