"""Lint results as text, JSON, SARIF 2.1.0 and GitHub Actions annotations."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import msgspec

from app import __version__
from app.engine.types import Finding

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


@dataclass
class Located:
    """A finding with its 1-based line and column range in the file (columns count characters)."""

    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass
class FileResult:
    """The lint outcome of one file (every prompt of a JSON file is merged under it)."""

    path: str
    findings: list[Located] = field(default_factory=list)
    scores: list[int] = field(default_factory=list)
    fixed: int = 0

    def count(self, severity: str) -> int:
        return sum(item.finding.severity == severity for item in self.findings)


def use_colour(option: bool | None) -> bool:
    """`--color/--no-color` when given; otherwise colour only on a terminal and when NO_COLOR is not set."""
    if option is not None:
        return option
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _finding_dict(item: Located) -> dict[str, Any]:
    data = msgspec.to_builtins(item.finding)
    data.update(line=item.line, column=item.column, endLine=item.end_line, endColumn=item.end_column)
    return dict(data)


def totals(results: list[FileResult]) -> dict[str, int]:
    """Counts across every file."""
    return {
        "files": len(results),
        "errors": sum(r.count("error") for r in results),
        "warnings": sum(r.count("warning") for r in results),
        "infos": sum(r.count("info") for r in results),
        "fixed": sum(r.fixed for r in results),
    }


def render_text(results: list[FileResult], colour: bool) -> str:
    """`path:line:col: SEVERITY RULE message (suggestion)` per finding, a score per file, then the totals."""
    lines = []
    for result in results:
        for item in result.findings:
            f = item.finding
            severity = (
                click.style(f.severity.upper(), fg=COLOURS[f.severity], bold=True) if colour else f.severity.upper()
            )
            rule = click.style(f.rule_id, bold=True) if colour else f.rule_id
            suggestion = f" ({f.suggestion})" if f.suggestion else ""
            lines.append(f"{result.path}:{item.line}:{item.column}: {severity} {rule} {f.message}{suggestion}")
        score = ", ".join(f"{s}/100" for s in result.scores) or "-"
        lines.append(
            f"{result.path}: score {score}, {result.count('error')} error(s),"
            f" {result.count('warning')} warning(s), {result.count('info')} info(s)"
        )
    total = totals(results)
    summary = (
        f"Found {total['errors']} error(s), {total['warnings']} warning(s), {total['infos']} info(s)"
        f" in {total['files']} file(s)"
    )
    if total["fixed"]:
        summary += f"; fixed {total['fixed']}"
    lines.append(click.style(summary, bold=True) if colour else summary)
    return "\n".join(lines) + "\n"


def render_json(results: list[FileResult]) -> str:
    """`{"files": [...], "totals": {...}}`, each finding with its span and line/column range."""
    payload = {
        "files": [
            {
                "path": r.path,
                "scores": r.scores,
                "errors": r.count("error"),
                "warnings": r.count("warning"),
                "infos": r.count("info"),
                "fixed": r.fixed,
                "findings": [_finding_dict(item) for item in r.findings],
            }
            for r in results
        ],
        "totals": totals(results),
    }
    return msgspec.json.format(msgspec.json.encode(payload)).decode() + "\n"


def _artifact(path: str) -> dict[str, str]:
    """A path under the working directory is relative to %SRCROOT%; any other is an absolute file URI."""
    if path == "-":
        return {"uri": "stdin"}
    candidate = Path(path).resolve()
    try:
        return {"uri": candidate.relative_to(Path.cwd().resolve()).as_posix(), "uriBaseId": "%SRCROOT%"}
    except ValueError:
        return {"uri": candidate.as_uri()}


def render_sarif(results: list[FileResult], rules: list[Any]) -> str:
    """A SARIF 2.1.0 log with one run; rules carry their metadata, results their region in characters."""
    rule_index = {rule.id: index for index, rule in enumerate(rules)}
    sarif_results = []
    for result in results:
        for item in result.findings:
            f = item.finding
            message = f.message + (f" {f.suggestion}" if f.suggestion else "")
            sarif_results.append(
                {
                    "ruleId": f.rule_id,
                    "ruleIndex": rule_index[f.rule_id],
                    "level": SARIF_LEVEL[f.severity],
                    "message": {"text": message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": _artifact(result.path),
                                "region": {
                                    "startLine": item.line,
                                    "startColumn": item.column,
                                    "endLine": item.end_line,
                                    "endColumn": item.end_column,
                                },
                            }
                        }
                    ],
                }
            )
    driver = {
        "name": "promptsmith",
        "version": __version__,
        "rules": [
            {
                "id": rule.id,
                "name": rule.title.title().replace(" ", "").replace("'", ""),
                "shortDescription": {"text": rule.title},
                "fullDescription": {"text": rule.description},
                "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
                "properties": {"category": rule.category},
            }
            for rule in rules
        ],
    }
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().resolve().as_uri() + "/"}},
                "results": sarif_results,
            }
        ],
    }
    return msgspec.json.format(msgspec.json.encode(log)).decode() + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(results: list[FileResult], titles: dict[str, str]) -> str:
    """GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=...::message`."""
    lines = []
    for result in results:
        for item in result.findings:
            f = item.finding
            properties = ",".join(
                f"{key}={_escape_property(str(value))}"
                for key, value in (
                    ("file", result.path),
                    ("line", item.line),
                    ("col", item.column),
                    ("endLine", item.end_line),
                    # GitHub reads endColumn only on a one-line annotation.
                    ("endColumn", item.end_column if item.end_line == item.line else None),
                    ("title", f"{f.rule_id} {titles.get(f.rule_id, '')}".strip()),
                )
                if value is not None
            )
            message = f.message + (f" {f.suggestion}" if f.suggestion else "")
            lines.append(f"::{GITHUB_COMMAND[f.severity]} {properties}::{_escape_data(message)}")
    return "".join(line + "\n" for line in lines)
