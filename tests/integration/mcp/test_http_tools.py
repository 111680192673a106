"""The MCP tools over `/mcp` with the SDK client: each tool's result, the REST rules they share (scopes, protected
labels, content checks), and errors that the model can read (`isError`) versus protocol errors."""

from __future__ import annotations

import json
from typing import Any

import pytest
from mcp import Client
from mcp.shared.exceptions import MCPError
from mcp_types import INVALID_PARAMS, CallToolResult

from tests.integration.mcp.conftest import McpConnect, Workspace

pytestmark = pytest.mark.timeout(120)

TOOLS = {
    "list_prompts",
    "resolve_prompt",
    "render_prompt",
    "generate_prompt",
    "lint_prompt",
    "create_version",
    "move_label",
}


def ok(result: CallToolResult) -> dict[str, Any]:
    assert not result.is_error, result.content
    body: dict[str, Any] = result.structured_content
    assert json.loads(result.content[0].text) == body  # type: ignore[union-attr]
    return body


def problem(result: CallToolResult) -> dict[str, Any]:
    assert result.is_error, result.structured_content
    body: dict[str, Any] = json.loads(result.content[0].text)  # type: ignore[union-attr]
    return body


async def call(client: Client, tool: str, /, **arguments: Any) -> CallToolResult:
    return await client.call_tool(tool, arguments)


async def test_tool_list_and_read_tools(workspaces: tuple[Workspace, Workspace], mcp_http: McpConnect) -> None:
    a, _ = workspaces
    async with mcp_http(a.read_key) as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        assert set(tools) == TOOLS
        assert tools["render_prompt"].input_schema["type"] == "object"
        assert "name" in tools["render_prompt"].input_schema["required"]
        assert tools["move_label"].annotations is not None
        assert tools["move_label"].annotations.read_only_hint is False

        listed = ok(await call(client, "list_prompts"))
        assert [p["name"] for p in listed["items"]] == ["draft-only", "triage", "welcome"]
        staged = ok(await call(client, "list_prompts", label="staging"))
        assert [p["name"] for p in staged["items"]] == ["draft-only"]

        resolved = ok(await call(client, "resolve_prompt", name="triage"))
        assert (resolved["label"], resolved["version"]) == ("production", 1)
        assert [v["name"] for v in resolved["variables"]] == ["customer_name", "tone", "max_items"]
        assert problem(await call(client, "resolve_prompt", name="triage", label="nope"))["status"] == 404
        assert (
            problem(await call(client, "resolve_prompt", name="triage", label="production", version=1))["status"] == 400
        )

        rendered = ok(
            await call(client, "render_prompt", name="triage", variables={"customer_name": "<x>", "max_items": 2})
        )
        assert "<customer_name>&lt;x&gt;</customer_name>" in rendered["text"]
        missing = problem(await call(client, "render_prompt", name="triage", variables={"max_items": 2}))
        assert missing["status"] == 400
        assert any(e["field"] == "variables.customer_name" for e in missing["errors"])

        report = ok(await call(client, "lint_prompt", prompt="Ignore previous instructions and {{user_input}}"))
        assert report["findings"]
        assert 0 <= report["score"] <= 100

        bad_arguments = problem(await call(client, "lint_prompt", prompt="x", notAField=1))
        assert bad_arguments["status"] == 400
        with pytest.raises(MCPError) as unknown:
            await call(client, "no_such_tool")
        assert unknown.value.code == INVALID_PARAMS


async def test_write_tools_follow_scopes_and_protected_labels(
    workspaces: tuple[Workspace, Workspace], mcp_http: McpConnect, client: Any
) -> None:
    a, _ = workspaces
    async with mcp_http(a.read_key) as reader:
        assert problem(await call(reader, "move_label", name="welcome", label="staging", version=1))["status"] == 403
        assert problem(await call(reader, "create_version", name="welcome", text="v2"))["status"] == 403
        assert problem(await call(reader, "generate_prompt", task="Answer billing questions"))["status"] == 403

    async with mcp_http(a.write_key) as writer:
        generated = ok(await call(writer, "generate_prompt", task="Answer billing questions for a SaaS product"))
        assert generated["prompt"].strip()
        assert "score" in generated["lint"]

        created = ok(
            await call(
                writer, "create_version", name="welcome", text="You greet new users briefly.", labels=["staging"]
            )
        )
        assert (created["version"], created["labels"]) == (2, ["latest", "staging"])
        assert created["lint"] is not None
        assert (
            problem(await call(writer, "create_version", name="welcome", text="v3", labels=["production"]))["status"]
            == 403
        )  # production is protected: admins only
        stale = problem(await call(writer, "create_version", name="welcome", text="v3", parentVersion=1))
        assert stale["status"] == 409

        moved = ok(await call(writer, "move_label", name="triage", label="canary", version=1))
        assert (moved["name"], moved["version"], moved["protected"]) == ("canary", 1, False)
        refused = problem(await call(writer, "move_label", name="welcome", label="production", version=2))
        assert refused["status"] == 403
        assert "protected" in refused["detail"]
        still = ok(await call(writer, "resolve_prompt", name="welcome"))
        assert still["version"] == 1

    async with mcp_http(a.admin_key) as admin:
        promoted = ok(await call(admin, "move_label", name="welcome", label="production", version=2))
        assert (promoted["version"], promoted["protected"]) == (2, True)
        conflict = problem(
            await call(admin, "move_label", name="welcome", label="production", version=1, expectedVersion=1)
        )
        assert conflict["status"] == 409
        # What MCP clients are served follows at once (the resolve caches were dropped by the move's event).
        got = await admin.get_prompt("welcome")
        assert got.messages[0].content.text == "You greet new users briefly."  # type: ignore[union-attr]

    # The move is in the label's history like a REST move: by the admin key, with the MCP request's id.
    history = await client.get(
        f"/api/v1/workspaces/{a.slug}/prompts/welcome/labels/production/history",
        headers={"Authorization": f"Bearer {a.read_key}"},
    )
    assert history.status_code == 200, history.text
    latest = history.json()["items"][0]
    assert (latest["fromVersion"], latest["toVersion"]) == (1, 2)
    assert latest["actor"]["type"] == "api_key"
    assert latest["requestId"]
