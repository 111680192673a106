"""Variables from the text: `{{name}}` placeholders become variables when a version declares none."""

from __future__ import annotations

from tests.integration.prompts.conftest import Api


async def test_placeholders_become_required_untrusted_string_variables_and_render_checks_them(api: Api) -> None:
    await api.create_prompt("greet")
    version = await api.add_version("greet", "Hi {{name}}, welcome to {{ place }}. Bye {{name}}.")
    assert version["variables"] == [
        {
            "name": "name",
            "type": "string",
            "required": True,
            "default": None,
            "enumValues": None,
            "maxLength": None,
            "description": "",
            "trusted": False,
        },
        {
            "name": "place",
            "type": "string",
            "required": True,
            "default": None,
            "enumValues": None,
            "maxLength": None,
            "description": "",
            "trusted": False,
        },
    ]
    missing = await api.post(api.url("greet", "/render"), json={"version": 1, "variables": {"name": "Ada"}})
    assert missing.status_code == 400
    assert [e["field"] for e in missing.json()["errors"]] == ["variables.place"]
    rendered = await api.post(
        api.url("greet", "/render"), json={"version": 1, "variables": {"name": "<Ada>", "place": "Paris"}}
    )
    assert rendered.status_code == 200, rendered.text
    assert rendered.json()["text"] == (
        "Hi <name>&lt;Ada&gt;</name>, welcome to <place>Paris</place>. Bye <name>&lt;Ada&gt;</name>."
    )


async def test_declared_variables_win_and_nothing_is_inferred(api: Api) -> None:
    await api.create_prompt("declared")
    version = await api.add_version(
        "declared", "Hi {{name}} from {{city}}", variables=[{"name": "name", "type": "string", "trusted": True}]
    )
    assert [v["name"] for v in version["variables"]] == ["name"]
    assert "VAR-01" in version["lint"]["ruleIds"]  # `city` is used but not declared: a lint finding


async def test_chat_placeholder_messages_stay_message_lists_and_other_dialects_are_not_variables(api: Api) -> None:
    await api.create_prompt("bot", kind="chat")
    r = await api.post(
        api.url("bot", "/versions"),
        json={
            "messages": [
                {"role": "system", "content": "Help {{company}} customers. Not {topic} nor ${x} nor {{user.name}}."},
                {"role": "placeholder", "name": "history"},
                {"role": "user", "content": "{{question}}"},
            ]
        },
    )
    assert r.status_code == 201, r.text
    assert [v["name"] for v in r.json()["variables"]] == ["company", "question"]
    rendered = await api.post(
        api.url("bot", "/render"),
        json={
            "version": 1,
            "variables": {"company": "Acme", "question": "Hi?", "history": [{"role": "user", "content": "earlier"}]},
        },
    )
    assert rendered.status_code == 200, rendered.text
    assert [m["role"] for m in rendered.json()["messages"]] == ["system", "user", "user"]


async def test_an_import_without_declared_variables_infers_them_and_stays_idempotent(api: Api) -> None:
    doc = {
        "format": "promptsmith.export/v1",
        "prompts": [{"name": "legacy", "kind": "text", "versions": [{"version": 1, "text": "Sum up {{doc}}"}]}],
    }
    first = await api.post(api.url(suffix="/_import"), json=doc)
    assert first.status_code == 200, first.text
    assert first.json()["prompts"][0]["versions"][0]["variablesInferred"] == ["doc"]
    stored = (await api.get(api.url("legacy", "/versions/1"))).json()
    assert [v["name"] for v in stored["variables"]] == ["doc"]
    again = await api.post(api.url(suffix="/_import"), json=doc)
    assert again.json()["versionsCreated"] == 0
    assert again.json()["prompts"][0]["versions"][0] == {
        "fileVersion": 1,
        "version": 1,
        "created": False,
        "variablesInferred": ["doc"],
        "unmapped": [],
    }
