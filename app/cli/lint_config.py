"""Lint configuration: `[tool.promptsmith.lint]` in pyproject.toml or `[lint]` in promptsmith.toml.

The file is found as ruff finds its own: walking up from each linted file's directory, the closest
`promptsmith.toml`, or `pyproject.toml` that has a `[tool.promptsmith.lint]` table, wins (promptsmith.toml
first when both sit in one directory). Command-line options override the file.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.cli.common import TARGET_CHOICES, InputError
from app.cli.sources import DEFAULT_INCLUDE

SEVERITIES = ("error", "warning", "info")
DIALECTS = ("mustache", "handlebars", "jinja2", "none")
KEYS = frozenset(
    {"target", "select", "ignore", "severity", "variable-dialect", "fail-level", "max-warnings", "include", "exclude"}
    | {"token-budget"}
)


@dataclass(frozen=True)
class LintSettings:
    """Everything that decides how files are linted."""

    target: str = "generic"
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    variable_dialect: str | None = None
    """None: by file format (handlebars for .prompt, jinja2 for .prompty, mustache otherwise)."""
    fail_level: str = "error"
    max_warnings: int | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    token_budget: int | None = None
    config_file: Path | None = None


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: cannot read the configuration: {exc}") from exc
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("promptsmith", {}).get("lint")
    else:
        table = data.get("lint", {})
    return table if isinstance(table, dict) else None


@lru_cache(maxsize=256)
def find_config(directory: Path) -> tuple[Path, dict[str, Any]] | None:
    """The closest configuration at or above `directory` (an absolute path)."""
    for candidate_dir in (directory, *directory.parents):
        for name in ("promptsmith.toml", "pyproject.toml"):
            candidate = candidate_dir / name
            if candidate.is_file():
                table = _table(candidate)
                if table is not None:
                    return candidate, table
    return None


def _strings(value: Any, key: str, origin: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{origin}: '{key}' must be a list of strings")
    return tuple(value)


def _choice(value: Any, key: str, choices: tuple[str, ...], origin: str) -> str:
    if value not in choices:
        raise InputError(f"{origin}: '{key}' must be one of {', '.join(choices)}, not {value!r}")
    return str(value)


def settings_from_table(table: dict[str, Any], origin: Path) -> LintSettings:
    """Validate a configuration table; unknown keys and values are errors (exit 2)."""
    where = str(origin)
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise InputError(f"{where}: unknown lint option(s) {', '.join(unknown)}{_did_you_mean(unknown[0], KEYS)}")
    settings = LintSettings(config_file=origin)
    if "target" in table:
        settings = replace(settings, target=_choice(table["target"], "target", TARGET_CHOICES, where))
    if "select" in table:
        settings = replace(settings, select=_strings(table["select"], "select", where))
    if "ignore" in table:
        settings = replace(settings, ignore=_strings(table["ignore"], "ignore", where))
    if "severity" in table:
        if not isinstance(table["severity"], dict):
            raise InputError(f"{where}: 'severity' must be a table of RULE-ID = \"error|warning|info\"")
        levels = {str(k): _choice(v, f"severity.{k}", SEVERITIES, where) for k, v in table["severity"].items()}
        settings = replace(settings, severity=levels)
    if "variable-dialect" in table:
        settings = replace(
            settings, variable_dialect=_choice(table["variable-dialect"], "variable-dialect", DIALECTS, where)
        )
    if "fail-level" in table:
        settings = replace(settings, fail_level=_choice(table["fail-level"], "fail-level", SEVERITIES, where))
    for key, attribute in (("max-warnings", "max_warnings"), ("token-budget", "token_budget")):
        if key in table:
            if not isinstance(table[key], int) or table[key] < 0:
                raise InputError(f"{where}: '{key}' must be a non-negative integer")
            settings = replace(settings, **{attribute: table[key]})
    if "include" in table:
        settings = replace(settings, include=_strings(table["include"], "include", where))
    if "exclude" in table:
        settings = replace(settings, exclude=_strings(table["exclude"], "exclude", where))
    return settings


def settings_for(path: str) -> LintSettings:
    """The configured settings for a file (stdin and relative paths start from the working directory)."""
    start = Path.cwd() if path == "-" else Path(path).resolve()
    found = find_config(start if start.is_dir() else start.parent)
    if found is None:
        return LintSettings()
    return settings_from_table(found[1], found[0])


def _did_you_mean(word: str, candidates: frozenset[str] | list[str]) -> str:
    close = difflib.get_close_matches(word, sorted(candidates), n=3, cutoff=0.5)
    return f" (did you mean {', '.join(close)}?)" if close else ""


_RULE_PREFIX = re.compile(r"^[A-Z]+(-\d*)?$")


def resolve_rules(settings: LintSettings, rule_ids: list[str], categories: Mapping[str, str]) -> set[str]:
    """The enabled rule ids after select and ignore.

    A selector is a rule id (`SEC-02`), an id prefix (`SEC`, `SEC-0`) or a category name (`security`).
    A selector that matches no rule is an error naming the closest ids.
    """

    def matching(selector: str) -> set[str]:
        wanted = selector.strip()
        if wanted.lower() in set(categories.values()):
            return {r for r in rule_ids if categories[r] == wanted.lower()}
        upper = wanted.upper()
        hits = {r for r in rule_ids if r == upper or (_RULE_PREFIX.match(upper) and r.startswith(upper))}
        if not hits:
            vocabulary = [*rule_ids, *sorted(set(categories.values()))]
            raise InputError(f"unknown rule '{selector}'{_did_you_mean(upper, vocabulary)}")
        return hits

    enabled = set(rule_ids) if settings.select is None else set().union(*(matching(s) for s in settings.select))
    for selector in settings.ignore:
        enabled -= matching(selector)
    for rule_id in settings.severity:
        matching(rule_id)  # validate the ids of severity overrides too
    return enabled
