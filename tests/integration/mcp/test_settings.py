"""The MCP endpoint's settings: the Host allow-list comes from MCP_ALLOWED_HOSTS (on by default, never off), the
body limit from MCP_MAX_BODY_SIZE, the default label from MCP_PROMPT_LABEL, and MCP_ENABLED=false unmounts it."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from app.server.asgi import create_app
from tests.conftest import make_settings
from tests.integration.mcp.conftest import Workspace

pytestmark = pytest.mark.timeout(120)

LIST = {
    "jsonrpc": "2.0",
    "id": 7,
    "method": "prompts/list",
    "params": {
        "_meta": {
            "io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities": {},
        }
    },
}


def _headers(key: str) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {key}",
        "Accept": "application/json, text/event-stream",
        "MCP-Protocol-Version": "2026-07-28",
        "Mcp-Method": "prompts/list",
    }


async def _post(overrides: dict[str, str], key: str, **kw: Any) -> Any:
    app = create_app(make_settings(**overrides))
    async with AsyncTestClient(app=app, base_url="http://prompts.example.com") as test_client:
        return await test_client.post("/mcp", headers=_headers(key), **kw)


async def test_host_allow_list_comes_from_settings(workspaces: tuple[Workspace, Workspace]) -> None:
    a, _ = workspaces
    refused = await _post({}, a.read_key, json=LIST)  # default: loopback names only
    assert refused.status_code == 421
    allowed = await _post({"MCP_ALLOWED_HOSTS": "prompts.example.com"}, a.read_key, json=LIST)
    assert allowed.status_code == 200, allowed.text
    assert {p["name"] for p in allowed.json()["result"]["prompts"]} == {"triage", "welcome"}


async def test_default_label_and_body_limit_come_from_settings(workspaces: tuple[Workspace, Workspace]) -> None:
    a, _ = workspaces
    hosts = {"MCP_ALLOWED_HOSTS": "prompts.example.com"}
    staged = await _post({**hosts, "MCP_PROMPT_LABEL": "staging"}, a.read_key, json=LIST)
    assert [p["name"] for p in staged.json()["result"]["prompts"]] == ["draft-only"]
    small = await _post({**hosts, "MCP_MAX_BODY_SIZE": "200"}, a.read_key, json={**LIST, "pad": "x" * 300})
    assert small.status_code == 413


async def test_disabled_endpoint_is_not_mounted(workspaces: tuple[Workspace, Workspace]) -> None:
    a, _ = workspaces
    response = await _post({"MCP_ENABLED": "false", "MCP_ALLOWED_HOSTS": "prompts.example.com"}, a.read_key, json=LIST)
    assert response.status_code == 404


async def test_a_session_cookie_does_not_open_mcp(workspaces: tuple[Workspace, Workspace], client: Any) -> None:
    """MCP acts for API keys only: the logged-in user's cookie (with a valid CSRF token) is refused."""
    csrf = (await client.get("/api/v1/auth/csrf")).json()["csrfToken"]
    headers = {k: v for k, v in _headers("unused").items() if k != "Authorization"}
    response = await client.post("/mcp", json=LIST, headers={**headers, "X-CSRF-Token": csrf})
    assert response.status_code == 401
    assert "API key" in response.json()["detail"]


async def test_mcp_requests_count_against_the_keys_rate_limit(workspaces: tuple[Workspace, Workspace]) -> None:
    a, _ = workspaces
    app = create_app(make_settings(MCP_ALLOWED_HOSTS="prompts.example.com", RATE_LIMIT_API_KEY_PER_MINUTE="2"))
    async with AsyncTestClient(app=app, base_url="http://prompts.example.com") as test_client:
        statuses = [
            (await test_client.post("/mcp", headers=_headers(a.read_key), json=LIST)).status_code for _ in range(3)
        ]
    assert statuses == [200, 200, 429]
