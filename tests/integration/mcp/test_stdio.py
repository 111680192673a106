"""`python -m app mcp --workspace SLUG` spawned by the SDK's own stdio client: the same prompts and tools as HTTP,
the key from `PROMPTSMITH_API_KEY`, and a clear refusal to start with a wrong key or workspace."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import Client, StdioServerParameters
from mcp.shared.exceptions import MCPError
from mcp.shared.subscriptions import PromptsListChanged
from mcp_types import INVALID_PARAMS, PromptListChangedNotification

from app.config.settings import Settings
from tests.integration.instances import instance_env
from tests.integration.mcp.conftest import Workspace
from tests.integration.system.conftest import subprocess_env

pytestmark = pytest.mark.timeout(180)

REPO = Path(__file__).resolve().parents[3]


def _params(settings: Settings, slug: str, key: str, *extra: str) -> StdioServerParameters:
    return StdioServerParameters(
        command=sys.executable,
        args=["-m", "app", "mcp", "--workspace", slug, *extra],
        env=instance_env(settings, PROMPTSMITH_API_KEY=key, PYTHONUNBUFFERED="1"),
        cwd=str(REPO),
    )


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_stdio_serves_the_keys_workspace(
    workspaces: tuple[Workspace, Workspace], settings: Settings, mode: str
) -> None:
    a, _ = workspaces
    async with Client(_params(settings, a.slug, a.read_key), mode=mode, cache=None) as client:
        listed = await client.list_prompts()
        assert sorted(p.name for p in listed.prompts) == ["triage", "welcome"]
        got = await client.get_prompt("triage", {"customer_name": "Eve & co", "max_items": "4"})
        text = got.messages[0].content.text  # type: ignore[union-attr]
        assert "<customer_name>Eve &amp; co</customer_name>" in text
        assert got.messages[0].content.meta == {"dev.promptsmith/role": "system"}  # type: ignore[union-attr]
        with pytest.raises(MCPError) as missing:
            await client.get_prompt("triage", {"customer_name": "Eve"})
        assert missing.value.code == INVALID_PARAMS
        resolved = await client.call_tool("resolve_prompt", {"name": "welcome"})
        assert resolved.structured_content["version"] == 1  # type: ignore[index]
        refused = await client.call_tool("move_label", {"name": "welcome", "label": "staging", "version": 1})
        assert refused.is_error
        assert '"status":403' in refused.content[0].text  # type: ignore[union-attr]


async def test_stdio_label_option(workspaces: tuple[Workspace, Workspace], settings: Settings) -> None:
    a, _ = workspaces
    async with Client(_params(settings, a.slug, a.read_key, "--label", "staging"), cache=None) as client:
        assert [p.name for p in (await client.list_prompts()).prompts] == ["draft-only"]


@pytest.mark.parametrize("case", ["other-workspace", "bad-key", "no-key"])
def test_stdio_refuses_to_start_without_a_key_of_that_workspace(
    workspaces: tuple[Workspace, Workspace], settings: Settings, case: str
) -> None:
    a, b = workspaces
    key = {"other-workspace": b.read_key, "bad-key": "psk_notarealkey_000000000000000000000000", "no-key": ""}[case]
    env = subprocess_env(**{k: v for k, v in instance_env(settings, PROMPTSMITH_API_KEY=key).items() if k != "PATH"})
    result = subprocess.run(
        [sys.executable, "-m", "app", "mcp", "--workspace", a.slug],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == (2 if case == "no-key" else 3), result.stderr
    assert result.stdout == ""  # nothing on the protocol channel
    assert result.stderr.count("\n") <= 2, result.stderr  # one line, no traceback
    expected = {"other-workspace": "not found", "bad-key": "PROMPTSMITH_API_KEY", "no-key": "PROMPTSMITH_API_KEY"}
    assert expected[case] in result.stderr


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_stdio_clients_hear_of_label_moves_made_elsewhere(
    workspaces: tuple[Workspace, Workspace], settings: Settings, client: Any, mode: str
) -> None:
    """A move through REST on another app instance reaches the stdio server through the Redis invalidation bus:
    2026-07-28 clients hear it on their listen stream, handshake-era ones as a notification on the connection."""
    a, _ = workspaces
    heard = anyio.Event()

    async def on_message(message: Any) -> None:
        if isinstance(message, PromptListChangedNotification):
            heard.set()

    handler = on_message if mode == "legacy" else None
    async with Client(_params(settings, a.slug, a.read_key), mode=mode, cache=None, message_handler=handler) as mcp:
        assert sorted(p.name for p in (await mcp.list_prompts()).prompts) == ["triage", "welcome"]

        async def promote() -> None:
            r = await client.put(
                f"/api/v1/workspaces/{a.slug}/prompts/draft-only/labels/production",
                json={"version": 1},
                headers={"Authorization": f"Bearer {a.admin_key}"},
            )
            assert r.status_code == 200, r.text

        if mode == "legacy":
            await promote()
            with anyio.fail_after(15):
                await heard.wait()
        else:
            async with mcp.listen(prompts_list_changed=True) as stream:
                await promote()
                with anyio.fail_after(15):
                    assert isinstance(await stream.__anext__(), PromptsListChanged)
        assert sorted(p.name for p in (await mcp.list_prompts()).prompts) == ["draft-only", "triage", "welcome"]
