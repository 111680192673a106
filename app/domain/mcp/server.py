"""The MCP server: the SDK's low-level `Server` with Promptsmith's prompts, tools and list-changed streams.

The low-level server (not `MCPServer`'s decorators) because every list depends on the caller: the prompts and
their arguments are the workspace's own, read per request. One builder serves both transports; they differ only
in how a request's caller is found (`Identify`): the HTTP mount's guard has authenticated the request's API key,
stdio authenticates the key from the environment on every request (a revoked key stops working at once). What the
handlers use comes in as arguments (`McpServices`, the hub), never from the app.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from mcp.server import Server
from mcp.server.context import ServerRequestContext
from mcp.shared.exceptions import MCPError
from mcp_types import (
    INVALID_PARAMS,
    CallToolRequestParams,
    CallToolResult,
    CompleteRequestParams,
    CompleteResult,
    Completion,
    GetPromptRequestParams,
    GetPromptResult,
    ListPromptsResult,
    ListToolsResult,
    PaginatedRequestParams,
    PromptReference,
    SubscriptionsListenRequestParams,
    SubscriptionsListenResult,
)

from app import __version__
from app.domain.mcp import prompts
from app.domain.mcp.errors import invalid_arguments, protocol_error, tool_error
from app.domain.mcp.notifications import PromptListHub, listen, topic
from app.domain.mcp.tools import TOOLS, tool_input_schema, tool_result
from app.domain.mcp.workspace import McpIdentity, McpServices, open_workspace
from app.lib.errors import ProblemError

Context = ServerRequestContext[Any, Any]
Identify = Callable[[Context], Awaitable[McpIdentity]]
"""Finds the caller of one MCP request (raises a `ProblemError` when there is none)."""

INSTRUCTIONS = (
    "Promptsmith prompt registry. prompts/list serves this workspace's prompts that carry one label (default "
    "production); prompts/get renders one with typed arguments (untrusted values are delimited as data). "
    "MCP has no system role, so a system prompt comes as a user message marked "
    '_meta["dev.promptsmith/role"] = "system". Tools resolve, render, lint, generate and version prompts.'
)


def build_server(services: McpServices, identify: Identify, hub: PromptListHub) -> Server[Any]:
    """The MCP server on `services` (the app's database, caches and events), with callers found by `identify`
    and list-changed streams served from `hub`."""

    async def caller(ctx: Context) -> McpIdentity:
        try:
            return await identify(ctx)
        except ProblemError as exc:
            raise protocol_error(exc) from None

    async def on_list_prompts(ctx: Context, params: PaginatedRequestParams | None) -> ListPromptsResult:
        identity = await caller(ctx)
        try:
            async with open_workspace(services, identity) as scope:
                return await prompts.list_prompts(scope, identity.label, params.cursor if params else None)
        except ProblemError as exc:
            raise protocol_error(exc) from None

    async def on_get_prompt(ctx: Context, params: GetPromptRequestParams) -> GetPromptResult:
        identity = await caller(ctx)
        try:
            async with open_workspace(services, identity) as scope:
                return await prompts.get_prompt(scope, params.name, params.arguments, identity.label)
        except ProblemError as exc:
            raise protocol_error(exc) from None

    async def on_list_tools(ctx: Context, params: PaginatedRequestParams | None) -> ListToolsResult:
        await caller(ctx)
        return ListToolsResult(tools=[spec.definition() for spec in TOOLS.values()])

    async def on_call_tool(ctx: Context, params: CallToolRequestParams) -> CallToolResult:
        spec = TOOLS.get(params.name)
        if spec is None:
            raise MCPError(INVALID_PARAMS, f"Unknown tool {params.name!r}.")
        identity = await caller(ctx)
        try:
            arguments = msgspec.convert(params.arguments or {}, spec.arguments)
        except msgspec.ValidationError as exc:
            return invalid_arguments(exc)
        try:
            async with open_workspace(services, identity) as scope:
                scope.require(spec.permission)
                body = await spec.run(scope, arguments)
        except ProblemError as exc:
            return tool_error(exc)
        return tool_result(body)

    async def on_completion(ctx: Context, params: CompleteRequestParams) -> CompleteResult:
        identity = await caller(ctx)
        if not isinstance(params.ref, PromptReference):  # no resources here
            return CompleteResult(completion=Completion(values=[]))
        try:
            async with open_workspace(services, identity) as scope:
                completion = await prompts.complete_argument(
                    scope, params.ref.name, params.argument.name, params.argument.value, identity.label
                )
        except ProblemError as exc:
            raise protocol_error(exc) from None
        return CompleteResult(completion=completion)

    async def on_listen(ctx: Context, params: SubscriptionsListenRequestParams) -> SubscriptionsListenResult:
        identity = await caller(ctx)
        key = identity.caller.api_key
        assert key is not None  # `open_workspace` semantics: MCP callers are API keys
        return await listen(hub, topic(key.workspace_id, identity.label), ctx, params)

    return Server(
        "promptsmith",
        version=__version__,
        title="Promptsmith",
        instructions=INSTRUCTIONS,
        # Every caller sees the same tools: the SDK checks `Mcp-Param-*` headers against this, not a tools/list run.
        get_tool_input_schema=tool_input_schema,
        on_list_prompts=on_list_prompts,
        on_get_prompt=on_get_prompt,
        on_list_tools=on_list_tools,
        on_call_tool=on_call_tool,
        on_subscriptions_listen=on_listen,
        on_completion=on_completion,
    )
