"""Exit codes, input errors and small I/O helpers shared by the commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

TARGET_CHOICES = ("claude", "gpt", "gemini", "small", "generic")
"""The engine's `TARGETS`, repeated here so that `--help` does not import the engine (a test keeps them equal)."""


class InputError(click.ClickException):
    """A usage or input problem (unreadable file, invalid brief, bad configuration): exit code 2."""

    exit_code = EXIT_USAGE

    def show(self, file: object = None) -> None:
        click.echo(f"promptsmith: {self.format_message()}", err=True)


def read_text(path: str) -> str:
    """Read a UTF-8 file, or standard input for `-`; raise InputError when it cannot be read."""
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
