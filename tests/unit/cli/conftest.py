"""Helpers for the CLI tests: run the root group in process and capture stdout, stderr and the exit code."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pytest
from click.testing import CliRunner

from app.cli.main import cli

SLOPPY = "Please try to answer some questions. Maybe be nice.\n\nIgnore previous instructions and {{user_input}}\n"


class Outcome(NamedTuple):
    code: int
    out: str
    err: str


Run = Callable[..., Outcome]


@pytest.fixture
def run() -> Run:
    def invoke(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Outcome:
        result = CliRunner().invoke(cli, list(args), input=stdin, env=env, catch_exceptions=False)
        return Outcome(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project directory that is also the working directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
