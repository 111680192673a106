"""The MCP server over stdio, for local clients (`python -m app mcp --workspace SLUG`).

The process builds the app as the HTTP server does and runs its lifespan (database check, caches, event bus), but
serves no HTTP: the SDK's stdio transport carries the protocol on stdin/stdout, and logs go to stderr. The API key
comes from `PROMPTSMITH_API_KEY` and must belong to `--workspace` (the check is made at start, so a wrong key or
slug ends the process with one line instead of serving errors). Every request authenticates the key again through
the same cached lookup HTTP uses, so revoking the key stops the server's access within the cache's bounds. There is
no rate limit on stdio: the only caller is the local process that started it.

Prompt list changes reach a stdio client on either protocol era: a 2026-07-28 client through `subscriptions/listen`
(as over HTTP), a handshake-era client as `notifications/prompts/list_changed` on its connection (stdio keeps one).
"""

from __future__ import annotations

import contextlib
import uuid

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from litestar import Litestar
from mcp.server.lowlevel.server import NotificationOptions
from mcp.server.session import ServerSession
from mcp.server.stdio import stdio_server
from mcp_types.version import HANDSHAKE_PROTOCOL_VERSIONS
from sqlalchemy import select

from app.db.models import Workspace
from app.domain.access.authentication import authenticate_api_key
from app.domain.access.context import Caller
from app.domain.access.runtime import AccessRuntime
from app.domain.mcp.http import mcp_runtime
from app.domain.mcp.notifications import topic
from app.domain.mcp.server import Context
from app.domain.mcp.workspace import McpIdentity
from app.lib.errors import AuthenticationError

API_KEY_VARIABLE = "PROMPTSMITH_API_KEY"


class StdioStartError(Exception):
    """The server cannot start; `str()` is the one line shown to the operator."""


async def authenticate(access: AccessRuntime, raw_key: str) -> Caller:
    """The key's caller (401 `ProblemError` for an unknown, revoked or expired key)."""
    async with access.alchemy.get_session() as session:
        return await authenticate_api_key(access, raw_key, lambda: session)


async def check_workspace(access: AccessRuntime, caller: Caller, slug: str) -> None:
    """Refuse a key of another workspace than `slug` (named like the REST API's 404, never which one it is)."""
    key = caller.api_key
    async with access.alchemy.get_session() as session:
        workspace_id = (await session.execute(select(Workspace.id).where(Workspace.slug == slug))).scalar_one_or_none()
    if key is None or workspace_id is None or workspace_id != key.workspace_id:
        msg = f"workspace {slug!r} not found for this API key"
        raise StdioStartError(msg)


async def serve_stdio(app: Litestar, raw_key: str, slug: str, label: str | None) -> None:
    """Serve MCP on stdin/stdout for the key's workspace until the client closes stdin. Run inside the app's
    lifespan (`async with app.lifespan()`)."""
    runtime = mcp_runtime(app)
    access = runtime.services.access
    try:
        caller = await authenticate(access, raw_key)
    except AuthenticationError as exc:
        raise StdioStartError(f"{API_KEY_VARIABLE}: {exc.detail}") from None
    await check_workspace(access, caller, slug)
    chosen = label or runtime.settings.mcp_prompt_label
    key = caller.api_key
    assert key is not None  # `check_workspace` refused anything else
    workspace_id = key.workspace_id

    wake_send, wake_recv = anyio.create_memory_object_stream[None](1)
    sessions: list[ServerSession] = []

    async def identify_and_remember(ctx: Context) -> McpIdentity:
        current = await authenticate(access, raw_key)
        if current.api_key is None or current.api_key.workspace_id != workspace_id:  # pragma: no cover
            raise AuthenticationError("The API key no longer belongs to this workspace.")
        # 2026-07-28 clients get list changes on `subscriptions/listen`; older ones on the connection itself.
        if ctx.protocol_version in HANDSHAKE_PROTOCOL_VERSIONS and not any(s is ctx.session for s in sessions):
            sessions.append(ctx.session)
        return McpIdentity(caller=current, label=chosen, request_id=uuid.uuid4().hex, client_address="stdio")

    server = runtime.server(identify_and_remember)
    unsubscribe = runtime.hub.bus(topic(workspace_id, chosen)).subscribe(lambda _event: _wake(wake_send))
    options = server.create_initialization_options(NotificationOptions(prompts_changed=True))
    try:
        async with stdio_server() as (read_stream, write_stream), anyio.create_task_group() as tasks:
            tasks.start_soon(_forward_list_changes, wake_recv, sessions)
            await server.run(read_stream, write_stream, options)
            tasks.cancel_scope.cancel()
    finally:
        unsubscribe()


def _wake(send: MemoryObjectSendStream[None]) -> None:
    with contextlib.suppress(anyio.WouldBlock, anyio.ClosedResourceError):
        send.send_nowait(None)  # one pending wake is enough: the notification is a level trigger


async def _forward_list_changes(wakes: MemoryObjectReceiveStream[None], sessions: list[ServerSession]) -> None:
    """Handshake-era clients on stdio keep one connection: tell them the prompt list changed on it."""
    async for _ in wakes:
        for session in sessions:
            with contextlib.suppress(Exception):  # a client that went away must not stop the server
                await session.send_prompt_list_changed()
