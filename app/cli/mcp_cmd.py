"""`promptsmith mcp --workspace SLUG`: the MCP server over stdio for local clients (app/domain/mcp/stdio.py)."""

from __future__ import annotations

import os
import re
import sys

import click

from app.cli.common import EXIT_USAGE

EXIT_CANNOT_START = 3
_LABEL = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


@click.command(name="mcp")
@click.option("--workspace", "workspace", required=True, help="Slug of the API key's workspace.")
@click.option("--label", default=None, help="Label whose prompts prompts/list serves (default MCP_PROMPT_LABEL).")
def mcp(workspace: str, label: str | None) -> None:
    """Serve the MCP server over stdio (the API key is read from PROMPTSMITH_API_KEY).

    Server settings (DATABASE_URL, REDIS_URL, ...) come from the environment, as for `serve`.
    Protocol messages use stdin and stdout; logs go to stderr.
    """
    import anyio
    import msgspec

    from app.config.settings import SettingsError, get_settings
    from app.domain.mcp.stdio import API_KEY_VARIABLE, StdioStartError, serve_stdio
    from app.server.asgi import create_app
    from app.server.lifespan import StartupError

    raw_key = os.environ.get(API_KEY_VARIABLE, "").strip()
    if not raw_key:
        click.echo(f"promptsmith: {API_KEY_VARIABLE} is not set (an API key of the workspace)", err=True)
        sys.exit(EXIT_USAGE)
    if label is not None and not _LABEL.match(label):
        click.echo("promptsmith: --label must be a label name (lowercase letters, digits, '.', '_', '-')", err=True)
        sys.exit(EXIT_USAGE)
    try:
        settings = get_settings()
    except SettingsError as err:
        click.echo(f"promptsmith: invalid configuration: {err}", err=True)
        sys.exit(EXIT_USAGE)

    async def main() -> str | None:
        """Serve until stdin closes; the one line to show when the server cannot start."""
        # No HTTP is served here, so the streamable HTTP session manager (and its task group) is not started.
        app = create_app(msgspec.structs.replace(settings, mcp_enabled=False))
        try:
            async with app.lifespan():
                try:
                    await serve_stdio(app, raw_key, workspace, label)
                except StdioStartError as err:  # caught here, before a lifespan task group wraps it in a group
                    return str(err)
        except StartupError as err:
            return str(err)
        return None

    problem = anyio.run(main)
    if problem is not None:
        click.echo(f"promptsmith: cannot start: {problem}", err=True)
        sys.exit(EXIT_CANNOT_START)
