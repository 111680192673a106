"""The new-version editor: chat messages and variable contracts as form rows, saved through the version service."""

from __future__ import annotations

from typing import Any

from tests.integration.console.test_console_pages import _console_register, _create_prompt, _token
from tests.integration.helpers import unique_email


async def _api_csrf(client: Any) -> str:
    return str((await client.get("/api/v1/auth/csrf")).json()["csrfToken"])


async def test_a_chat_version_is_written_as_messages_and_variables(client: Any) -> None:
    slug = await _console_register(client, unique_email("chat"))
    created = await client.post(
        f"/api/v1/workspaces/{slug}/prompts",
        json={"name": "support/chat", "kind": "chat"},
        headers={"X-CSRF-Token": await _api_csrf(client)},
    )
    assert created.status_code == 201, created.text
    editor = await client.get(f"/ui/w/{slug}/prompts/support%2Fchat/versions/new")
    assert editor.status_code == 200
    assert 'name="message_role_0"' in editor.text
    assert 'name="text"' not in editor.text  # a chat prompt has no single text

    form = {
        "_csrf": _token(editor.text),
        "message_role_0": "system",
        "message_content_0": "You help {{customer}} with orders.",
        "message_role_1": "placeholder",
        "message_content_1": "",
        "message_name_1": "history",
        "message_role_2": "user",
        "message_content_2": "   ",  # blank: dropped
        "var_name_0": "customer",
        "var_type_0": "string",
        "var_required_0": "on",
        "var_description_0": "The customer's first name",
        "var_name_1": "",  # the blank row: dropped
        "commit_message": "first chat",
        "action": "save",
    }
    saved = await client.post(f"/ui/w/{slug}/prompts/support%2Fchat/versions", data=form, follow_redirects=False)
    assert saved.status_code == 303, saved.text

    version = (await client.get(f"/api/v1/workspaces/{slug}/prompts/support%2Fchat/versions/1")).json()
    assert version["messages"] == [
        {"role": "system", "content": "You help {{customer}} with orders.", "name": None},
        {"role": "placeholder", "content": "", "name": "history"},
    ]
    customer = next(v for v in version["variables"] if v["name"] == "customer")
    assert (customer["required"], customer["trusted"], customer["description"]) == (
        True,
        False,
        "The customer's first name",
    )

    again = await client.get(f"/ui/w/{slug}/prompts/support%2Fchat/versions/new")
    assert "You help {{customer}} with orders." in again.text  # the next version starts from this one
    assert 'value="customer"' in again.text


async def test_adding_a_row_keeps_everything_typed(client: Any) -> None:
    slug = await _console_register(client, unique_email("rows"))
    await _create_prompt(client, slug, "greeting", "Hello {{name}}.")
    editor = await client.get(f"/ui/w/{slug}/prompts/greeting/versions/new")
    form = {
        "_csrf": _token(editor.text),
        "text": "Hello {{name}}, welcome to {{shop}}.",
        "var_name_0": "name",
        "var_type_0": "string",
        "commit_message": "draft",
        "action": "add_variable",
    }
    response = await client.post(f"/ui/w/{slug}/prompts/greeting/versions", data=form)
    assert response.status_code == 200
    assert "Hello {{name}}, welcome to {{shop}}." in response.text
    assert 'name="var_name_1"' in response.text  # the new blank row
    assert 'value="draft"' in response.text
    versions = (await client.get(f"/api/v1/workspaces/{slug}/prompts/greeting/versions")).json()
    assert [v["version"] for v in versions["items"]] == [1]  # nothing saved


async def test_lint_in_the_editor_uses_the_declared_contracts(client: Any) -> None:
    slug = await _console_register(client, unique_email("lintvars"))
    await _create_prompt(client, slug, "welcome", "Hi.")
    editor = await client.get(f"/ui/w/{slug}/prompts/welcome/versions/new")
    base = {"_csrf": _token(editor.text), "text": "You greet {{name}} warmly.", "action": "check", "target": "claude"}
    undeclared = await client.post(f"/ui/w/{slug}/prompts/welcome/versions", data=base)
    assert "VAR-01" in undeclared.text  # {{name}} has no contract
    declared = await client.post(
        f"/ui/w/{slug}/prompts/welcome/versions", data={**base, "var_name_0": "name", "var_type_0": "string"}
    )
    assert declared.status_code == 200
    assert "VAR-01" not in declared.text


async def test_a_chat_prompt_is_created_in_the_console_with_its_system_message(client: Any) -> None:
    slug = await _console_register(client, unique_email("newchat"))
    new_page = await client.get(f"/ui/w/{slug}/prompts/new")
    response = await client.post(
        f"/ui/w/{slug}/prompts/",
        data={"_csrf": _token(new_page.text), "name": "bot", "kind": "chat", "text": "You are {{bot}}.", "tags": ""},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    prompt = (await client.get(f"/api/v1/workspaces/{slug}/prompts/bot")).json()
    assert prompt["kind"] == "chat"
    version = (await client.get(f"/api/v1/workspaces/{slug}/prompts/bot/versions/1")).json()
    assert version["messages"] == [{"role": "system", "content": "You are {{bot}}.", "name": None}]


async def test_rolling_back_a_label_asks_first_and_is_recorded_as_a_rollback(client: Any) -> None:
    slug = await _console_register(client, unique_email("rollback"))
    await _create_prompt(client, slug, "faq", "First answer style.")
    csrf = await _api_csrf(client)
    base = f"/api/v1/workspaces/{slug}/prompts/faq"
    assert (
        await client.post(f"{base}/versions", json={"text": "Second."}, headers={"X-CSRF-Token": csrf})
    ).status_code == 201
    for version in (1, 2):
        moved = await client.put(f"{base}/labels/staging", json={"version": version}, headers={"X-CSRF-Token": csrf})
        assert moved.status_code == 200

    prompt_page = await client.get(f"/ui/w/{slug}/prompts/faq")
    assert "/labels/staging/move?version=1&amp;rollback=1" in prompt_page.text
    confirm = await client.get(f"/ui/w/{slug}/prompts/faq/labels/staging/move?version=1&rollback=1")
    assert "Roll back" in confirm.text
    assert 'class="del"' in confirm.text or "Second." in confirm.text  # the diff from what is served now
    done = await client.post(
        f"/ui/w/{slug}/prompts/faq/labels/staging",
        data={"_csrf": _token(confirm.text), "version": "1", "action": "rollback"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    labels = {label["name"]: label["version"] for label in (await client.get(f"{base}/labels")).json()}
    assert labels["staging"] == 1
    history = (await client.get(f"{base}/labels/staging/history")).json()["items"]
    assert history[0]["action"] == "rollback"
