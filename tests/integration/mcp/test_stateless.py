"""Stateless: one MCP client whose HTTP requests alternate between two app instances (two uvicorn servers on the
same database and Redis) gets the same answers as from one, on both protocol eras: no instance keeps anything of
a client between requests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import httpx2
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client

from app.config.settings import Settings
from app.server.asgi import create_app
from tests.integration.faults._server import serve_in_loop
from tests.integration.mcp.conftest import Workspace

pytestmark = pytest.mark.timeout(120)


class Alternating(httpx2.AsyncBaseTransport):
    """Sends request n to port `ports[n % 2]`: a load balancer with no affinity at all."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.sent: list[int] = []
        self.inner = httpx2.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        port = self.ports[len(self.sent) % len(self.ports)]
        self.sent.append(port)
        request.url = request.url.copy_with(port=port)
        request.headers["host"] = f"127.0.0.1:{port}"
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@pytest.fixture
async def two_ports(settings: Settings) -> AsyncIterator[list[int]]:
    async with AsyncExitStack() as stack:
        ports = []
        for _ in range(2):
            http = await stack.enter_async_context(serve_in_loop(create_app(settings)))
            ports.append(int(http.base_url.port or 0))
        yield ports


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_requests_spread_over_two_instances_behave_as_one(
    workspaces: tuple[Workspace, Workspace], two_ports: list[int], mode: str
) -> None:
    a, _ = workspaces
    transport = Alternating(two_ports)
    async with httpx2.AsyncClient(transport=transport, headers={"Authorization": f"Bearer {a.write_key}"}) as http:
        url = f"http://127.0.0.1:{two_ports[0]}/mcp"
        async with Client(streamable_http_client(url, http_client=http), mode=mode, cache=None) as client:
            for _ in range(2):
                listed = await client.list_prompts()
                assert sorted(p.name for p in listed.prompts) == ["triage", "welcome"]
                got = await client.get_prompt("triage", {"customer_name": "Zed", "max_items": "1"})
                assert "<customer_name>Zed</customer_name>" in got.messages[0].content.text  # type: ignore[union-attr]
            moved = await client.call_tool("move_label", {"name": "triage", "label": "beta", "version": 1})
            assert not moved.is_error, moved.content
            seen = await client.call_tool("resolve_prompt", {"name": "triage", "label": "beta"})
            assert seen.structured_content["version"] == 1  # type: ignore[index]
    assert set(transport.sent) == set(two_ports)  # both instances really answered
