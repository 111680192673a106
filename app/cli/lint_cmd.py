"""`promptsmith lint`: lint prompt files, directories and stdin, with configuration, fixes and CI output formats."""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from app.cli.common import EXIT_FINDINGS, EXIT_OK, TARGET_CHOICES, read_text
from app.cli.lint_config import DIALECTS, SEVERITIES, LintSettings, find_config, resolve_rules, settings_for
from app.cli.lint_fix import FIXABLE, Edit, apply_edits, edit_for, unified_diff
from app.cli.lint_output import (
    FileResult,
    Located,
    render_github,
    render_json,
    render_sarif,
    render_text,
    use_colour,
)
from app.cli.sources import PromptUnit, expand_paths, load_prompts
from app.engine.lint import RULES, lint_prompt, list_rules
from app.engine.types import ChatMessage, Finding, LintConfig, RuleOverride

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
# Template syntax that is not a `{{variable}}`: blanked out (same length, so positions hold) before linting.
MASKS = {
    "mustache": re.compile(r"\{\{[#/^!>&][^{}]*\}\}|\{\{\s*else\s*\}\}|\{\{!--.*?--\}\}", re.DOTALL),
    "jinja2": re.compile(r"\{%.*?%\}|\{#.*?#\}|(?<=[\w\s])\|\s*[\w\s(),'\"]*(?=\}\})", re.DOTALL),
}
MASKS["handlebars"] = MASKS["mustache"]
FORMAT_DIALECTS = {".prompt": "handlebars", ".prompty": "jinja2"}


def mask_template_syntax(text: str, dialect: str) -> str:
    """Blank out template tags that are not plain variables, keeping every offset and line break."""
    pattern = MASKS.get(dialect)
    if pattern is None:
        return text
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _settings(path: str, options: dict[str, Any]) -> LintSettings:
    settings = settings_for(path)
    changes: dict[str, Any] = {}
    for key in ("target", "variable_dialect", "fail_level", "max_warnings"):
        if options[key] is not None:
            changes[key] = options[key]
    for key in ("select", "ignore", "include", "exclude"):
        values = tuple(v for option in options[key] for v in option.split(",") if v.strip())
        if values:
            changes[key] = values
    return replace(settings, **changes)


def _lint_config(settings: LintSettings) -> LintConfig:
    categories = {rule_id: info.category for rule_id, info in RULES.items()}
    enabled = resolve_rules(settings, sorted(RULES), categories)
    overrides = [RuleOverride(rule_id=r, enabled=False) for r in sorted(RULES) if r not in enabled]
    for selector, severity in settings.severity.items():
        for rule_id in sorted(
            resolve_rules(replace(settings, select=(selector,), ignore=()), sorted(RULES), categories)
        ):
            if rule_id in enabled:
                overrides.append(RuleOverride(rule_id=rule_id, severity=severity))  # type: ignore[arg-type]
    return LintConfig(overrides=overrides, token_budget=settings.token_budget)


def _masked(unit: PromptUnit, dialect: str) -> str | list[ChatMessage]:
    if isinstance(unit.prompt, str):
        return mask_template_syntax(unit.prompt, dialect)
    return [
        ChatMessage(role=m.role, content=mask_template_syntax(m.content, dialect), name=m.name) for m in unit.prompt
    ]


def _line_starts(text: str) -> list[int]:
    return [0, *(index + 1 for index, char in enumerate(text) if char == "\n")]


def _position(line_starts: list[int], offset: int) -> tuple[int, int]:
    index = bisect_right(line_starts, offset) - 1
    return index + 1, offset - line_starts[index] + 1


def _locate(finding: Finding, unit: PromptUnit, line_starts: list[int]) -> tuple[Located, tuple[int, int] | None]:
    """The finding's line/column range in the file, and its file span when it has one."""
    start = unit.file_offset(finding.span.start) if finding.span is not None else None
    if finding.span is None or start is None:  # about the whole prompt, or a prompt inside JSON: its anchor
        line, column = _position(line_starts, unit.anchor)
        return Located(finding, line, column, line, column), None
    end = start + (finding.span.end - finding.span.start)
    line, column = _position(line_starts, start)
    end_line, end_column = _position(line_starts, max(end, start))
    return Located(finding, line, column, end_line, end_column), (start, end)


def lint_file(path: str, settings: LintSettings, fix: bool) -> tuple[FileResult, str, str]:
    """Lint one file; returns the result, the source and the fixed source (equal when nothing was fixed)."""
    source = read_text(path)
    config = _lint_config(settings)
    dialect = settings.variable_dialect or FORMAT_DIALECTS.get(Path(path).suffix.lower(), "mustache")
    if dialect == "none":
        config.overrides.extend(RuleOverride(rule_id=r, enabled=False) for r in RULES if r.startswith("VAR-"))
    units = load_prompts(path, source)
    result = FileResult(path=path)
    line_starts = _line_starts(source)
    edits: list[Edit] = []
    for unit in units:
        report = lint_prompt(_masked(unit, dialect), variables=unit.variables, target=settings.target, config=config)  # type: ignore[arg-type]
        result.scores.append(report.score)
        for finding in report.findings:
            located, span = _locate(finding, unit, line_starts)
            if unit.label != path:  # a prompt of a JSON file: say which one
                located.finding = replace_message(finding, f"[{unit.label.split('#', 1)[1]}] {finding.message}")
            result.findings.append(located)
            if fix and span is not None and finding.rule_id in FIXABLE:
                edit = edit_for(finding.rule_id, source, *span)
                if edit is not None:
                    edits.append(edit)
    fixed_source, result.fixed = apply_edits(source, edits) if edits else (source, 0)
    return result, source, fixed_source


def replace_message(finding: Finding, message: str) -> Finding:
    """A copy of a finding with another message."""
    import msgspec

    return msgspec.structs.replace(finding, message=message)


def _fails(results: list[FileResult], fail_level: str, max_warnings: int | None) -> bool:
    threshold = SEVERITY_RANK[fail_level]
    if any(SEVERITY_RANK[item.finding.severity] >= threshold for r in results for item in r.findings):
        return True
    return max_warnings is not None and sum(r.count("warning") for r in results) > max_warnings


@click.command(name="lint")
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option(
    "--format", "output", type=click.Choice(("text", "json", "sarif", "github")), default="text", show_default=True
)
@click.option("--target", type=click.Choice(TARGET_CHOICES), help="Model family (default: config, else generic).")
@click.option(
    "--select", multiple=True, help="Only these rules: ids, id prefixes (SEC) or categories; comma-separated."
)
@click.option("--ignore", multiple=True, help="Switch these rules off: ids, id prefixes or categories.")
@click.option("--fail-level", type=click.Choice(SEVERITIES), help="Exit 1 on findings at or above it (default error).")
@click.option("--max-warnings", type=click.IntRange(min=0), help="Exit 1 when there are more warnings than this.")
@click.option("--include", multiple=True, help="Glob of files to lint in directories (default: prompt and text files).")
@click.option("--exclude", multiple=True, help="Glob of files or directories to skip.")
@click.option("--variable-dialect", type=click.Choice(DIALECTS), help="Template syntax (default: by file type).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes (EFF-02, EFF-03, VAR-02) in place.")
@click.option("--diff", is_flag=True, help="With --fix: print the fixes as a unified diff, write nothing.")
@click.option("--color/--no-color", "colour", default=None, help="Colour the text output (default: on a terminal).")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True), help="Write the report here.")
def lint(
    paths: tuple[str, ...],
    output: str,
    fix: bool,
    diff: bool,
    colour: bool | None,
    output_file: str | None,
    **options: Any,
) -> None:
    """Lint prompt files, directories (recursively) or stdin (`-`).

    Configuration comes from the closest promptsmith.toml ([lint]) or pyproject.toml ([tool.promptsmith.lint])
    above each file; options override it. Exit 0 when clean, 1 on findings at or above the fail level (or too
    many warnings), 2 on a usage or input error.
    """
    if diff and not fix:
        fix = True
    find_config.cache_clear()  # the cache spares a lookup per file within one run, never across runs
    if not paths:
        raise click.UsageError("give at least one file, directory or - for stdin")
    base = _settings(paths[0] if paths[0] != "-" else "-", options)
    files = list(expand_paths(paths, base.include, base.exclude))
    if not files:
        click.echo(f"promptsmith: no prompt files to lint (include: {' '.join(base.include)})", err=True)
    results: list[FileResult] = []
    diffs: list[str] = []
    fail = False
    for path in files:
        settings = _settings(path, options)
        result, source, fixed = lint_file(path, settings, fix)
        if path == "-" and fix and not diff:
            sys.stdout.write(fixed)  # like ruff: the (fixed) text goes to stdout, the report to stderr
        elif fixed != source:
            if diff:
                diffs.append(unified_diff(path, source, fixed))
            else:
                Path(path).write_text(fixed, encoding="utf-8")
                applied = result.fixed
                result, _, _ = lint_file(path, settings, False)  # report what is left after the fix
                result.fixed = applied
        results.append(result)
        fail = fail or _fails([result], settings.fail_level, None)
    if diff:
        click.echo("".join(diffs), nl=False)
        sys.exit(EXIT_FINDINGS if diffs else EXIT_OK)
    report = _render(results, output, colour)
    if output_file:
        Path(output_file).write_text(report, encoding="utf-8")
    elif fix and "-" in files:  # stdout carries the fixed text
        click.echo(report, nl=False, err=True, color=True)
    else:
        click.echo(report, nl=False, color=True)  # colour codes are in the report only when use_colour said so
    if base.max_warnings is not None and sum(r.count("warning") for r in results) > base.max_warnings:
        fail = True
    sys.exit(EXIT_FINDINGS if fail else EXIT_OK)


def _render(results: list[FileResult], output: str, colour: bool | None) -> str:
    if output == "json":
        return render_json(results)
    if output == "sarif":
        return render_sarif(results, list_rules())
    if output == "github":
        return render_github(results, {rule.id: rule.title for rule in list_rules()})
    return render_text(results, use_colour(colour))
