"""The MkDocs plugin `wic`: a thin layer that hands MkDocs' events to our pipeline.

It runs in `mkdocs build`, `mkdocs serve` and `wic build` alike, so authors see real values:
content-src is loaded (once) and validated, placeholders become facts and contacts, each page
gets its pictogram, "check first" box and sources, the language switcher stays relative
(file://), and one Lao-aware search index is written per language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from . import features  # noqa: F401 - registers every placeholder kind and content loader
from .content import Content, load_content
from .errors import ERROR
from .pipeline import latin_share  # noqa: F401 - registers its output check
from .pipeline.check import source_checks
from .pipeline.verify import verify_output
from .render.icons import use_theme
from .render.page import render_page
from .search.index import SearchIndexWriter
from .settings import PROFILES, Settings
from .text.formatting import LANGS
from .words import words

log = logging.getLogger("mkdocs.plugins.wic")


class WicConfig(Config):
    content_dir = c.Type(str, default="content-src")
    lao_digits = c.Type(bool, default=False)
    # site: the public build; kiosk: the centre's kiosk (idle reset, storage wiped).
    profile = c.Choice(PROFILES, default="site")
    idle_seconds = c.Type(int, default=180)
    poster_base_url = c.Type(str, default="")
    chromium = c.Type(str, default="")
    # `mkdocs build` and `mkdocs serve` run wic's safety checks (raw HTML, links out of the
    # project, and the built pages' output checks) so authors see them at once. `wic build` turns
    # this off for its MkDocs step: it runs them itself, before building and after the posters.
    checks = c.Type(bool, default=True)


def page_language(page) -> str:
    first = page.file.src_uri.split("/", 1)[0]
    return first if first in LANGS else LANGS[0]


class WicPlugin(BasePlugin[WicConfig]):
    content: Content | None = None
    settings: Settings | None = None

    def on_config(self, config):
        self.settings = Settings.from_mkdocs(config, self.config)
        use_theme(self.settings.theme_dir)
        content = load_content(self.settings.content_dir, self.settings.docs_dir)
        errors = [p for p in content.problems if p.level == ERROR]
        if errors:
            raise PluginError("content-src has errors:\n" + "\n".join(str(p) for p in errors))
        if self.config.checks:
            unsafe = [p for p in source_checks(self.settings) if p.level == ERROR]
            if unsafe:
                raise PluginError("\n".join(str(p) for p in unsafe))
        if content is not self.content:
            # Once per change of content-src, not once per language build.
            for p in content.problems:
                log.warning(str(p), extra={"wic_content": True})
        self.content = content
        if not hasattr(self, "search"):
            self.search = SearchIndexWriter()
        # Search: question words, synonyms and no-results contacts travel inside each index.
        self.search.use_content(self.content)
        # The kiosk scripts read these through the page's JSON config (see overrides/main.html).
        config.extra["wic"] = {"kiosk": self.settings.kiosk, "idle_seconds": self.settings.idle_seconds}
        return config

    def on_env(self, env, config, files):
        env.globals["wic_words"] = {lang: words(lang) for lang in LANGS}
        # Each language is a separate MkDocs build with a fresh Jinja environment; keeping compiled
        # templates on disk saves compiling Material's templates again for every build.
        from jinja2 import FileSystemBytecodeCache

        cache = self.settings.cache_dir / "jinja"
        cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(cache))
        return env

    def on_page_markdown(self, markdown, page, config, files):
        where = self.settings.rel(Path(config.docs_dir) / page.file.src_uri)
        result = render_page(markdown, page.meta or {}, page_language(page), self.content, where,
                             self.settings.lao_digits, self.settings.kiosk)
        if result.problems:
            raise PluginError("\n".join(str(p) for p in result.problems))
        return result.markdown

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
        # Material's front matter `search: {exclude: true}` keeps a page out of the index (the
        # training modules: lesson plans that repeat the reference pages farmers should find).
        if not (page.meta.get("search") or {}).get("exclude"):
            self.search.add_page(page_language(page), page, output)
        return output

    @event_priority(-200)
    def on_post_build(self, config):
        # static-i18n builds every language into the same site_dir (English pages under en/),
        # from inside the default language's post-build, so writing all indexes each time is
        # cheap and leaves every language's index in place at the end.
        for lang in self.search.docs:
            self.search.write_language(lang, Path(config.site_dir))
        i18n = config.plugins.get("i18n")
        if getattr(i18n, "building", False):
            return      # one of static-i18n's inner language builds: the site is not whole yet
        if self.config.checks:
            problems = verify_output(self.settings, Path(config.site_dir))
            if problems:
                raise PluginError("\n".join(str(p) for p in problems))
