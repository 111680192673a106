"""Server commands: delegated to the Litestar CLI group (with our plugin's commands), imported only when used."""

from __future__ import annotations

import os
import sys

import click

from app.cli.common import EXIT_USAGE

EXIT_CANNOT_START = 3


def _validate_settings() -> None:
    """Exit 2 with one line, not a traceback, when the environment is invalid."""
    from app.config.settings import SettingsError, get_settings
    from app.lib.tracing import check_tracing

    try:
        get_settings()
        check_tracing()
    except SettingsError as err:
        click.echo(f"promptsmith: invalid configuration: {err}", err=True)
        sys.exit(EXIT_USAGE)


def run_serve(args: list[str]) -> None:
    """Run our `serve` command on `args` without the Litestar CLI group around it: the group builds the app to hand
    it to its commands, and `serve` has uvicorn build it again in the worker, so going through the group would
    build it twice before the server is ready."""
    _validate_settings()
    from app.server.cli import serve

    serve.main(args=args, prog_name="promptsmith serve", standalone_mode=True)


def run_litestar(args: list[str]) -> None:
    """Run the Litestar CLI with the app preset on `args`; exits like the Litestar CLI does.

    The settings are validated first so that a bad environment gives one line and exit 2, not a traceback.
    """
    from app.server.lifespan import StartupError

    _validate_settings()
    os.environ.setdefault("LITESTAR_APP", "app.server.asgi:create_app")
    from litestar.cli.main import litestar_group

    try:
        litestar_group.main(args=args, prog_name="promptsmith", standalone_mode=True)
    except StartupError as err:
        click.echo(f"promptsmith: cannot start: {err}", err=True)
        sys.exit(EXIT_CANNOT_START)


def delegating_command(name: str, short_help: str) -> click.Command:
    """A command that hands its name and every argument (`--help` included) to the Litestar CLI."""

    @click.pass_context
    def callback(ctx: click.Context) -> None:
        if name == "serve":
            run_serve(ctx.args)
        else:
            run_litestar([name, *ctx.args])

    return click.Command(
        name,
        callback=callback,
        short_help=short_help,
        add_help_option=False,
        context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    )
