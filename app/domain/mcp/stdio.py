"""The MCP server over stdio, for local clients (`python -m app mcp --workspace SLUG`).

The process builds the app as the HTTP server does and runs its lifespan (database check, caches, event bus), but
serves no HTTP: the SDK's stdio transport carries the protocol on stdin/stdout, and logs go to stderr. The API key
comes from `PROMPTSMITH_API_KEY` and must belong to `--workspace` (the check is made at start, so a wrong key or
slug ends the process with one line instead of serving errors). Every request authenticates the key again through
the same cached lookup HTTP uses, so revoking the key stops the server's access within the cache's bounds. There is
no rate limit on stdio: the only caller is the local process that started it.
"""

from __future__ import annotations

import uuid

from litestar import Litestar
from mcp.server.stdio import stdio_server
from sqlalchemy import select

from app.db.models import Workspace
from app.domain.access.authentication import authenticate_api_key
from app.domain.access.context import Caller
from app.domain.access.runtime import access_runtime
from app.domain.mcp.http import mcp_runtime
from app.domain.mcp.server import Context, build_server
from app.domain.mcp.workspace import McpIdentity
from app.lib.errors import AuthenticationError

API_KEY_VARIABLE = "PROMPTSMITH_API_KEY"


class StdioStartError(Exception):
    """The server cannot start; `str()` is the one line shown to the operator."""


async def authenticate(app: Litestar, raw_key: str) -> Caller:
    """The key's caller (401 `ProblemError` for an unknown, revoked or expired key)."""
    runtime = access_runtime(app)
    async with runtime.alchemy.get_session() as session:
        return await authenticate_api_key(runtime, raw_key, lambda: session)


async def check_workspace(app: Litestar, caller: Caller, slug: str) -> None:
    """Refuse a key of another workspace than `slug` (named like the REST API's 404, never which one it is)."""
    key = caller.api_key
    async with access_runtime(app).alchemy.get_session() as session:
        workspace_id = (await session.execute(select(Workspace.id).where(Workspace.slug == slug))).scalar_one_or_none()
    if key is None or workspace_id is None or workspace_id != key.workspace_id:
        msg = f"workspace {slug!r} not found for this API key"
        raise StdioStartError(msg)


async def serve_stdio(app: Litestar, raw_key: str, slug: str, label: str | None) -> None:
    """Serve MCP on stdin/stdout for the key's workspace until the client closes stdin. Run inside the app's
    lifespan (`async with app.lifespan()`)."""
    try:
        caller = await authenticate(app, raw_key)
    except AuthenticationError as exc:
        raise StdioStartError(f"{API_KEY_VARIABLE}: {exc.detail}") from None
    await check_workspace(app, caller, slug)
    runtime = mcp_runtime(app)
    chosen = label or runtime.settings.mcp_prompt_label
    workspace_id = caller.api_key.workspace_id if caller.api_key else None

    async def identify(ctx: Context) -> McpIdentity:
        current = await authenticate(app, raw_key)
        if current.api_key is None or current.api_key.workspace_id != workspace_id:  # pragma: no cover
            raise AuthenticationError("The API key no longer belongs to this workspace.")
        return McpIdentity(caller=current, label=chosen, request_id=uuid.uuid4().hex, client_address="stdio")

    server = build_server(app, identify, runtime.hub)
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())
