"""`/mcp`: the MCP server over streamable HTTP, mounted in the app, stateless.

- Mounted with Litestar's public ASGI mount (`asgi(..., is_mount=True)`); the mount's guard authenticates the
  API key with the code every REST route uses (`authenticate`: Bearer or X-API-Key, revoked and expired keys
  refused, the per-key rate limit), so a bad or missing key gets the usual 401 problem+json before the SDK sees
  the request. Session cookies are refused: MCP clients are programs holding keys.
- Stateless: the SDK's session manager runs with `stateless=True`, so nothing of a client lives in a process
  between requests (2026-07-28 requests are self-contained; handshake-era ones get a fresh transport each time).
  Any worker or instance answers any request the same way.
- The SDK's transport security stays on: the `Host` allow-list (DNS-rebinding protection) and allowed origins
  come from `MCP_ALLOWED_HOSTS` / `MCP_ALLOWED_ORIGINS`, the body limit from `MCP_MAX_BODY_SIZE`.
- Started on first use: the SDK (about 30 MB resident once imported) is imported, and its session manager's
  `run()` entered, by the first `/mcp` request, in a task of the app's lifespan (`mcp_lifespan`: a mounted app's
  own lifespan never runs), so a worker that never serves MCP never loads it.
- Wiring: `build_mcp_runtime` is called where the app's services are built (`app/server/services.py`) and is
  handed everything the server uses (`McpServices`); the server and its tools get those as arguments. The mount,
  its guard and the lifespan, which Litestar calls with the app only, find the one `McpRuntime` by type.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import anyio
from anyio.abc import TaskGroup, TaskStatus
from litestar import Litestar, asgi
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from litestar.types import Receive, Scope, Send

from app.config.settings import Settings
from app.domain.access.authentication import authenticate, client_address
from app.domain.mcp.notifications import PromptListHub, subscribe_prompt_lists
from app.domain.mcp.workspace import McpIdentity, McpServices
from app.domain.prompts.schemas import LABEL_PATTERN
from app.lib.errors import AuthenticationError, BadRequestError, ServiceUnavailableError
from app.lib.invalidation import InvalidationBus
from app.lib.request_context import get_request_id
from app.lib.services import services_of

if TYPE_CHECKING:
    from mcp.server import Server
    from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
    from mcp.server.transport_security import TransportSecuritySettings

    from app.domain.mcp.server import Context, Identify

MCP_PATH = "/mcp"
_IDENTITY_KEY = "promptsmith_mcp_identity"
_LABEL = re.compile(LABEL_PATTERN)


@dataclass(slots=True)
class McpRuntime:
    """The process's MCP objects: the services the server uses and the prompt-list hub (built with the app) and,
    while the app runs, the lifespan's task group and, once the first `/mcp` request started them, the server and
    its session manager (a session manager runs once: a fresh one per start of the app)."""

    settings: Settings
    services: McpServices
    hub: PromptListHub
    manager: StreamableHTTPSessionManager | None = field(default=None)
    group: TaskGroup | None = field(default=None)
    starting: anyio.Lock | None = field(default=None)

    def transport_security(self) -> TransportSecuritySettings:
        from mcp.server.transport_security import TransportSecuritySettings

        return TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=self.settings.mcp_allowed_host_list,
            allowed_origins=self.settings.mcp_allowed_origin_list,
        )

    def server(self, identify: Identify) -> Server[Any]:
        """A new MCP server on this runtime's services and hub, its callers found by `identify`."""
        from app.domain.mcp.server import build_server

        return build_server(self.services, identify, self.hub)

    def new_manager(self, server: Server[Any]) -> StreamableHTTPSessionManager:
        from mcp.server.streamable_http_manager import StreamableHTTPSessionManager

        return StreamableHTTPSessionManager(
            app=server,
            json_response=True,  # one JSON answer per POST; listen streams are SSE whatever this says
            stateless=True,
            security_settings=self.transport_security(),
            max_request_body_size=self.settings.mcp_max_body_size,
        )


def build_mcp_runtime(settings: Settings, services: McpServices, invalidation: InvalidationBus) -> McpRuntime:
    """The app's MCP runtime on `services`, its list-changed notifications following the registry's events
    (called once, where the app's services are built)."""
    hub = PromptListHub(settings.mcp_max_subscriptions)
    subscribe_prompt_lists(services.events, invalidation, hub)
    return McpRuntime(settings=settings, services=services, hub=hub)


def mcp_runtime(app: Litestar) -> McpRuntime:
    """The app's MCP runtime, for what Litestar calls with the app only (the mount, its guard, the lifespan)."""
    return services_of(app).get(McpRuntime)


async def _identify_http(ctx: Context) -> McpIdentity:
    """The identity the mount's guard stored in the request's scope."""
    request = ctx.request
    identity = request.scope.get("state", {}).get(_IDENTITY_KEY) if request is not None else None
    if not isinstance(identity, McpIdentity):  # pragma: no cover - the guard runs before every request
        raise AuthenticationError("MCP needs an API key.")
    return identity


@asynccontextmanager
async def mcp_lifespan(app: Litestar) -> AsyncIterator[None]:
    """Hold the task group the MCP session manager runs in once the first `/mcp` request started it."""
    runtime = mcp_runtime(app)
    async with anyio.create_task_group() as group:
        runtime.group, runtime.starting = group, anyio.Lock()
        try:
            yield
        finally:
            runtime.group = runtime.manager = None
            group.cancel_scope.cancel()  # ends the session manager's run()


async def _running_manager(app: Litestar) -> StreamableHTTPSessionManager:
    """The session manager, started by the first caller (the SDK is imported here, not with the app)."""
    runtime = mcp_runtime(app)
    manager = runtime.manager
    if manager is not None:
        return manager
    if runtime.group is None or runtime.starting is None:  # before start-up or after shutdown
        raise ServiceUnavailableError("The MCP endpoint is not running.", headers={"Retry-After": "1"})
    async with runtime.starting:
        if runtime.manager is None:
            manager = runtime.new_manager(runtime.server(_identify_http))
            await runtime.group.start(_run_manager, runtime, manager)
    if runtime.manager is None:  # pragma: no cover - shut down while starting
        raise ServiceUnavailableError("The MCP endpoint is not running.", headers={"Retry-After": "1"})
    return runtime.manager


async def _run_manager(
    runtime: McpRuntime, manager: StreamableHTTPSessionManager, *, task_status: TaskStatus[None]
) -> None:
    async with manager.run():
        runtime.manager = manager
        task_status.started()
        try:
            await anyio.sleep_forever()
        finally:
            if runtime.manager is manager:
                runtime.manager = None


async def mcp_api_key(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Guard of `/mcp`: an API key (401 otherwise, the REST problem), and the label the prompt list follows."""
    caller = await authenticate(connection)
    if caller.api_key is None:
        raise AuthenticationError("MCP needs an API key: send `Authorization: Bearer psk_…`.")
    runtime = mcp_runtime(connection.app)
    label = connection.query_params.get("label") or runtime.settings.mcp_prompt_label
    if len(label) > 64 or not _LABEL.match(label):
        raise BadRequestError("`label` must be a label name (lowercase letters, digits, `.`, `_`, `-`).")
    connection.scope.setdefault("state", {})[_IDENTITY_KEY] = McpIdentity(
        caller=caller,
        label=label,
        request_id=get_request_id(connection.scope),
        client_address=client_address(connection),
    )


@asgi(MCP_PATH, is_mount=True, copy_scope=True, guards=[mcp_api_key], name="mcp")
async def mcp_endpoint(scope: Scope, receive: Receive, send: Send) -> None:
    """The MCP streamable HTTP endpoint (the SDK's transport, behind our authentication)."""
    manager = await _running_manager(Litestar.from_scope(scope))
    await manager.handle_request(scope, receive, send)  # type: ignore[arg-type]
