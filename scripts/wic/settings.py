"""One settings object: mkdocs.yml read through MkDocs' own loader (the wic plugin's typed config
included), then command-line flags on top. Nothing else is a source of settings."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import ConfigError, rel

PROFILES = ("site", "kiosk")
# Plugin options a command-line flag may override.
OVERRIDABLE = ("profile", "idle_seconds", "poster_base_url", "lao_digits", "chromium")


@dataclass(frozen=True)
class Settings:
    project: Path
    config_file: Path
    docs_dir: Path
    site_dir: Path
    content_dir: Path
    theme_dir: Path | None          # the project's theme folder (custom_dir, "overrides")
    site_url: str
    profile: str = "site"
    idle_seconds: int = 180
    lao_digits: bool = False
    poster_base_url: str = ""
    chromium: str = ""
    # Where printed files are kept between builds; the project's .cache/ unless set (tests print
    # into a folder of their own so they never depend on, or change, a developer's cache).
    cache_root: Path | None = None
    # Flags given on the command line, applied again to every fresh MkDocs config of a build.
    overrides: dict = field(default_factory=dict, compare=False)

    @property
    def kiosk(self) -> bool:
        return self.profile == "kiosk"

    @property
    def base_url(self) -> str:
        """Where printed QR codes lead: poster_base_url, else site_url."""
        url = self.poster_base_url.strip() or self.site_url or "http://127.0.0.1:8000/"
        return url.rstrip("/") + "/"

    @property
    def cache_dir(self) -> Path:
        return self.cache_root or self.project / ".cache"

    def rel(self, path: Path | str) -> str:
        return rel(path, self.project)

    @classmethod
    def from_mkdocs(cls, config, plugin_config, overrides: dict | None = None) -> "Settings":
        config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        project = config_file.parent
        custom_dir = config.theme.custom_dir if config.theme else None
        return cls(
            project=project, config_file=config_file,
            docs_dir=Path(config.docs_dir), site_dir=Path(os.path.abspath(config.site_dir)),
            content_dir=(project / plugin_config.content_dir).resolve(),
            theme_dir=Path(custom_dir) if custom_dir else None,
            site_url=config.site_url or "",
            profile=plugin_config.profile, idle_seconds=plugin_config.idle_seconds,
            lao_digits=plugin_config.lao_digits, poster_base_url=plugin_config.poster_base_url or "",
            chromium=plugin_config.chromium or "", overrides=dict(overrides or {}))

    def mkdocs_config(self, site_dir: Path | None = None):
        """A fresh MkDocs config for one build, with the command-line overrides applied."""
        return load_mkdocs_config(self.config_file, site_dir or self.site_dir, self.overrides)[0]

    def with_site_dir(self, site_dir: Path) -> "Settings":
        return replace(self, site_dir=Path(os.path.abspath(site_dir)))


def load_mkdocs_config(config_file: Path, site_dir: Path | None, overrides: dict):
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    where = rel(config_file, config_file.parent)
    if not config_file.is_file():
        raise ConfigError(f"{where}: not found — run wic in the project folder, or pass --project")
    extra = {"site_dir": str(site_dir)} if site_dir else {}
    # MkDocs logs each config problem before it raises; the message we raise says it all again.
    logger = logging.getLogger("mkdocs.config")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        config = load_config(str(config_file), **extra)
    except ConfigurationError as exc:
        raise ConfigError(f"{where}:1: {exc} — fix this setting in {where} (see README, 'The wic command')") from None
    finally:
        logger.setLevel(level)
    plugin = config.plugins.get("wic")
    if plugin is None:
        raise ConfigError(f"{where}:1: the 'wic' plugin is not listed under 'plugins' — add '- wic:' after "
                          "'- offline' (without it every page would show raw {{ fact:... }} placeholders)")
    for key, value in overrides.items():
        if key not in OVERRIDABLE:
            raise ConfigError(f"unknown setting {key!r} — use one of: {', '.join(OVERRIDABLE)}")
        if value is not None:
            plugin.config[key] = value
    if plugin.config.profile not in PROFILES:
        raise ConfigError(f"{where}: profile {plugin.config.profile!r} is unknown — use one of: {', '.join(PROFILES)}")
    return config, plugin


def load_settings(project: Path, site_dir: Path | None = None, **overrides) -> Settings:
    """Settings of the project at `project`, with command-line flags (None means 'not given')."""
    overrides = {k: v for k, v in overrides.items() if v is not None}
    config_file = Path(project).resolve() / "mkdocs.yml"
    config, plugin = load_mkdocs_config(config_file, site_dir, overrides)
    return Settings.from_mkdocs(config, plugin.config, overrides)
