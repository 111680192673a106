"""A prompt that carries a protected label cannot be taken out of service by someone who may not move that
label: deleting or renaming it needs the same permission as moving the label (#14 item 3)."""

from __future__ import annotations

from typing import Any

from tests.integration.helpers import add_member, create_api_key, create_workspace, login, register
from tests.integration.prompts.conftest import Api


async def _workspace_with_production_prompt(client: Any) -> tuple[Api, Api, Api, dict[str, Any]]:
    """(admin key, write-scoped key, editor session) on a workspace whose `live/p` carries `production`."""
    editor = await register(client)
    owner = await register(client)
    ws = await create_workspace(client, owner["csrf"])
    admin = Api(client=client, slug=ws["slug"], key=await create_api_key(client, owner["csrf"], ws["slug"]))
    writer = Api(
        client=client, slug=ws["slug"], key=await create_api_key(client, owner["csrf"], ws["slug"], scopes=["write"])
    )
    await add_member(client, owner["csrf"], ws["slug"], editor["email"], "editor")
    for name in ("live/p", "draft/p"):
        await admin.create_prompt(name)
        await admin.add_version(name, "one")
    await admin.set_label("live/p", "production", 1)
    await admin.set_label("draft/p", "staging", 1)
    as_editor = Api(client=client, slug=ws["slug"], csrf=await login(client, editor["email"]))
    return admin, writer, as_editor, owner


async def test_editor_and_write_key_cannot_delete_or_rename_a_prompt_with_a_protected_label(client: Any) -> None:
    admin, writer, as_editor, _ = await _workspace_with_production_prompt(client)
    for caller in (as_editor, writer):
        deleted = await caller.delete(caller.url("live/p"))
        assert deleted.status_code == 403, deleted.text
        assert deleted.headers["content-type"].startswith("application/problem+json")
        renamed = await caller.patch(caller.url("live/p"), json={"name": "live/q"})
        assert renamed.status_code == 403, renamed.text
    resolved = await admin.get(admin.url("live/p", "/resolve"), params={"label": "production"})
    assert resolved.status_code == 200
    # Other changes, and prompts without a protected label, stay open to editors.
    described = await as_editor.patch(as_editor.url("live/p"), json={"description": "still live"})
    assert described.status_code == 200, described.text
    assert (await as_editor.patch(as_editor.url("draft/p"), json={"name": "draft/q"})).status_code == 200
    assert (await writer.delete(writer.url("draft/q"))).status_code == 204


async def test_admin_may_rename_and_delete_a_prompt_with_a_protected_label(client: Any) -> None:
    admin, _, _, _ = await _workspace_with_production_prompt(client)
    renamed = await admin.patch(admin.url("live/p"), json={"name": "live/q"})
    assert renamed.status_code == 200, renamed.text
    assert (await admin.delete(admin.url("live/q"))).status_code == 204
