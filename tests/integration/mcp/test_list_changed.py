"""`notifications/prompts/list_changed` on `subscriptions/listen` streams (2026-07-28 clients over HTTP).

The listening server is one app instance (uvicorn, in the test's loop); changes are made through MCP on that
instance and through REST on another app instance (the `client` fixture's), which reaches the listener through
the shared Redis invalidation bus, as it would across workers and hosts."""

from __future__ import annotations

import anyio
import pytest
from mcp.client.subscriptions import Subscription
from mcp.shared.subscriptions import PromptsListChanged

from tests.integration.mcp.conftest import McpConnect, Workspace

pytestmark = pytest.mark.timeout(120)


async def next_event(sub: Subscription, timeout: float = 10.0) -> object:
    with anyio.fail_after(timeout):
        return await sub.__anext__()


async def no_event(sub: Subscription, wait: float = 1.5) -> bool:
    with anyio.move_on_after(wait):
        await sub.__anext__()
        return False
    return True


async def test_label_moves_notify_listeners_of_that_workspace_and_label_only(
    workspaces: tuple[Workspace, Workspace], mcp_http: McpConnect, client: object
) -> None:
    a, b = workspaces
    async with (
        mcp_http(a.read_key) as listener_a,
        mcp_http(a.read_key, query="?label=staging") as listener_a_staging,
        mcp_http(b.read_key) as listener_b,
        mcp_http(a.admin_key) as admin_a,
        listener_a.listen(prompts_list_changed=True) as production_stream,
        listener_a_staging.listen(prompts_list_changed=True) as staging_stream,
        listener_b.listen(prompts_list_changed=True) as other_workspace_stream,
    ):
        assert listener_a.server_capabilities.prompts is not None
        assert listener_a.server_capabilities.prompts.list_changed is True

        # A move through MCP on this instance.
        moved = await admin_a.call_tool("move_label", {"name": "draft-only", "label": "production", "version": 1})
        assert not moved.is_error, moved.content
        assert isinstance(await next_event(production_stream), PromptsListChanged)
        listed = await listener_a.list_prompts()
        assert sorted(p.name for p in listed.prompts) == ["draft-only", "triage", "welcome"]
        assert await no_event(staging_stream, wait=0.5)  # a production move leaves the staging list alone

        # A removal through REST on another instance: delivered through the Redis invalidation bus.
        r = await client.delete(  # type: ignore[attr-defined]
            f"/api/v1/workspaces/{a.slug}/prompts/draft-only/labels/staging",
            headers={"Authorization": f"Bearer {a.admin_key}"},
        )
        assert r.status_code == 204, r.text
        assert isinstance(await next_event(staging_stream), PromptsListChanged)
        assert (await listener_a_staging.list_prompts()).prompts == []

        # Nothing reached the other workspace's stream, and the staging move did not touch production's list.
        assert await no_event(other_workspace_stream)
        assert await no_event(production_stream, wait=0.5)
