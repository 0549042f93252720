"""Check mkdocs.yml the way `wic check` checks content: every problem as 'mkdocs.yml:line: what — fix'.

MkDocs reads the file itself (its tags !ENV and !relative, then its validation of every setting
and plugin option); we add the line each message is about, paths relative to the project, and
what MkDocs lets pass but would publish a broken site: a key written twice, an unknown option of
the wic plugin (a typo silently falls back to the default), no wic plugin at all (every page would
show raw {{ fact:... }} placeholders).
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import yaml

from ..content.files import read_text, where
from ..content.yamlfile import Located, parse_yaml
from ..errors import ERROR, WARNING, ConfigError, ContentError, Problem
from ..settings import Settings, load_settings

PLUGIN = "wic"
ADD_PLUGIN = ("add '- wic:' under 'plugins:', after '- offline' (without it every page would show raw "
              "{{ fact:... }} placeholders)")
_PLUGIN_OPTION = re.compile(r"Plugin '([^']+)' option '([^']+)'")
_PLUGIN_NAME = re.compile(r"""['"]([\w.\-]+)['"] plugin""")


def _plugin_entries(tree: Located) -> dict[str, tuple[int, Located | None]]:
    """{plugin name: (line, its options)} as written under 'plugins:' (a list, or a mapping)."""
    plugins = tree.get("plugins")
    if isinstance(plugins, Located):
        return {str(k): (plugins.line_of(k), v if isinstance(v, Located) else None) for k, v in plugins.items()}
    found: dict[str, tuple[int, Located | None]] = {}
    for item in plugins if isinstance(plugins, list) else []:
        if isinstance(item, str):           # '- offline': a list item keeps no line of its own
            found[item] = (tree.line_of("plugins"), None)
        elif isinstance(item, Located):     # '- wic:' with its options
            for name, options in item.items():
                found[str(name)] = (item.line_of(name), options if isinstance(options, Located) else None)
    return found


def _line(tree: Located, plugins: dict, config_name: str, message: str) -> int:
    m = _PLUGIN_OPTION.search(message)
    if m and m.group(1) in plugins:
        line, options = plugins[m.group(1)]
        return options.line_of(m.group(2)) if options is not None and m.group(2) in options else line
    m = _PLUGIN_NAME.search(message)
    if config_name == "plugins" and m and m.group(1) in plugins:
        return plugins[m.group(1)][0]
    return tree.line_of(config_name) if config_name in tree else 1


def check_mkdocs_yml(project: Path) -> list[Problem]:
    project = Path(project)
    config_file = project / "mkdocs.yml"
    name = where(config_file, project)
    problems: list[Problem] = []
    try:
        tree = parse_yaml(read_text(config_file, project, problems), name, plain=True)
    except ContentError as exc:
        return problems + exc.problems
    if problems:
        return problems
    if not isinstance(tree, Located):
        return [Problem(name, 1, "mkdocs.yml holds no settings", "write the settings as 'name: value' lines "
                        "(see the project's mkdocs.yml in git)")]

    def clean(message: str) -> str:
        # MkDocs names files by absolute path; ours are relative to the project.
        return " ".join(str(message).replace(str(project.resolve()) + os.sep, "").replace(
            str(project) + os.sep, "").split())

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    config = MkDocsConfig(config_file_path=str(config_file))
    logger = logging.getLogger("mkdocs")
    level = logger.level
    # MkDocs and its plugins log while validating; each problem is reported once, below.
    logger.setLevel(logging.CRITICAL)
    try:
        with open(config_file, "rb") as fd:
            config.load_dict(yaml_load(fd, get_yaml_loader(config=config)))
        errors, warnings = config.validate()
    except ConfigurationError as exc:
        cause = exc.__context__
        if isinstance(cause, yaml.MarkedYAMLError):
            mark = cause.problem_mark or cause.context_mark
            return [Problem(name, mark.line + 1 if mark else 1, clean(cause.problem or cause.context or cause),
                            "fix the tag or the value on this line (e.g. profile: !ENV [WIC_PROFILE, site])")]
        return [Problem(name, 1, clean(exc), "fix mkdocs.yml (compare it with the project's copy in git)")]
    finally:
        logger.setLevel(level)

    plugins = _plugin_entries(tree)
    for config_name, message in errors:
        fix = ("correct the plugin's name under 'plugins:' (or run 'bash setup.sh build' to install what is missing)"
               if "plugin is not installed" in str(message) else "fix this setting (see README, 'The wic command')")
        problems.append(Problem(name, _line(tree, plugins, config_name, str(message)),
                                f"'{config_name}': {clean(message)}", fix))
    for config_name, message in warnings:
        ours = (_PLUGIN_OPTION.search(str(message)) or [None, None])[1] == PLUGIN
        # A misspelt option of ours silently falls back to its default: that is an error.
        problems.append(Problem(name, _line(tree, plugins, config_name, str(message)),
                                f"'{config_name}': {clean(message)}",
                                "correct the spelling or remove the option (options: see README)" if ours
                                else "fix or remove this setting", ERROR if ours else WARNING))
    if not any(c == "plugins" for c, _ in errors) and PLUGIN not in (config.get("plugins") or {}):
        problems.append(Problem(name, tree.line_of("plugins") if "plugins" in tree else 1,
                                "the 'wic' plugin is not listed under 'plugins'", ADD_PLUGIN))
    return problems


def load_checked_settings(project: Path, site_dir: Path | None = None, **overrides) -> Settings:
    """load_settings, but a broken mkdocs.yml is reported as 'mkdocs.yml:line: what — fix'."""
    from mkdocs.exceptions import MkDocsException

    try:
        return load_settings(project, site_dir=site_dir, **overrides)
    except (ConfigError, MkDocsException) as exc:
        errors = [p for p in check_mkdocs_yml(project) if p.level == ERROR]
        if errors:
            raise ContentError(errors) from None
        if isinstance(exc, ConfigError):
            raise
        raise ConfigError(f"mkdocs.yml: {exc} — fix mkdocs.yml (compare it with the project's copy in git)") from None
