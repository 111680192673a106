"""The root `promptsmith` group: a registry of lazily imported commands, listed by section in `--help`.

Why click: it is already installed (Litestar's CLI is built on it), the server commands are click commands we
delegate to, and it gives nested groups (`sync push`), lazy loading through `get_command`, and a test runner.
Listing a command in `--help` needs only its entry below, so `promptsmith --help` imports click and nothing else.
"""

from __future__ import annotations

import importlib
from typing import NamedTuple

import click

from app import __version__


class Entry(NamedTuple):
    """Where a command lives and how `--help` introduces it without importing it."""

    section: str
    target: str
    """`module:attribute` of the click command, or `server` for a Litestar CLI command."""
    short_help: str


SECTIONS = (
    "Commands (engine, offline)",
    "Commands (registry, talks to a running server)",
    "Commands (server)",
)
ENGINE, REGISTRY, SERVER = SECTIONS

COMMANDS: dict[str, Entry] = {
    "lint": Entry(ENGINE, "app.cli.lint_cmd:lint", "Lint prompt files, directories or stdin."),
    "generate": Entry(ENGINE, "app.cli.generate_cmd:generate", "Generate a system prompt from a brief."),
    "tokens": Entry(ENGINE, "app.cli.tokens_cmd:tokens", "Count the tokens of prompt files per target."),
    "convert": Entry(ENGINE, "app.cli.convert_cmd:convert", "Convert a prompt file between formats."),
    "improve": Entry(ENGINE, "app.cli.rewrite_cmd:improve", "Rewrite a prompt file: clearer, safer, in its own words."),
    "templatize": Entry(
        ENGINE, "app.cli.rewrite_cmd:templatize", "Propose {{variables}} for a prompt's per-call values."
    ),
    "sync": Entry(REGISTRY, "app.cli.sync_cmd:sync", "Keep a directory of prompt files and a workspace in step."),
    # The Litestar CLI group with our plugin's commands (app/server/cli.py). A test compares this list with the
    # real group, so a command added there without an entry here fails the build instead of hiding from --help.
    "serve": Entry(SERVER, "server", "Serve the API with uvicorn using the settings."),
    "mcp": Entry(SERVER, "app.cli.mcp_cmd:mcp", "Serve the MCP server over stdio (key in PROMPTSMITH_API_KEY)."),
    "worker": Entry(SERVER, "app.server.worker:worker", "Run the webhooks worker (relay and deliveries)."),
    "database": Entry(SERVER, "server", "Manage the database: upgrade, downgrade, make-migrations..."),
    "schema": Entry(SERVER, "server", "Export the OpenAPI schema."),
    "routes": Entry(SERVER, "server", "List the application's routes."),
    "info": Entry(SERVER, "server", "Show information about the application."),
    "run": Entry(SERVER, "server", "Run the app with Litestar's development server."),
    "sessions": Entry(SERVER, "server", "Manage server-side sessions."),
    "version": Entry(SERVER, "server", "Show the installed Litestar version."),
}
ALIASES = {"db": "database"}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use and listed by section."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        name = ALIASES.get(cmd_name, cmd_name)
        entry = COMMANDS.get(name)
        if entry is None:
            return None
        if entry.target == "server":
            from app.cli.server import delegating_command

            return delegating_command(cmd_name, entry.short_help)
        module_name, attribute = entry.target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        for section in SECTIONS:
            rows = [(name, entry.short_help) for name, entry in COMMANDS.items() if entry.section == section]
            with formatter.section(section):
                formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage or input error. "
    "Server commands read the settings from the environment; engine commands need none.",
)
@click.version_option(__version__, prog_name="promptsmith")
def cli() -> None:
    """Generate, lint, version and serve system prompts."""


def main() -> None:
    """Console-script entry point (`promptsmith`, `python -m app`)."""
    cli.main(prog_name="promptsmith")
