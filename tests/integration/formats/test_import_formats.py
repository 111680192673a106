"""Other tools' files import through `POST .../prompts/_import` into a fresh workspace, with a report of what
did not map; `dryRun` plans without writing."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from tests.integration.formats.conftest import FIXTURES, Api


async def _import(api: Api, body: bytes | str, content_type: str, **params: Any) -> Any:
    query = {k: ("true" if v is True else v) for k, v in params.items()}
    return await api.post(
        api.url(suffix="/_import"), content=body, headers={"Content-Type": content_type}, params=query
    )


async def _version(api: Api, name: str, number: int) -> dict[str, Any]:
    r = await api.get(api.url(name, f"/versions/{number}"))
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


async def test_dotprompt_maps_schema_config_and_roles_and_reports_partials_helpers_and_settings(empty: Api) -> None:
    source = (FIXTURES / "greeting.prompt").read_bytes()
    r = await _import(empty, source, "text/x-dotprompt", filename="greeting.prompt")
    assert r.status_code == 200, r.text
    result = r.json()
    assert (result["format"], result["dryRun"], result["promptsCreated"], result["versionsCreated"]) == (
        "dotprompt",
        False,
        1,
        1,
    )
    report = result["prompts"][0]
    assert report["name"] == "greetingPrompt"
    unmapped = report["versions"][0]["unmapped"]
    assert "partial 'signature' (kept verbatim in the text)" in unmapped
    assert "helper 'if' (kept verbatim in the text)" in unmapped
    assert {"config.version", "config.topK", "config.topP", "config.stopSequences"} <= set(unmapped)
    assert report["versions"][0]["variablesInferred"] == []  # the file declares its inputs

    version = await _version(empty, "greetingPrompt", 1)
    assert version["source"] == "imported"
    assert [m["role"] for m in version["messages"]] == ["system", "user", "placeholder"]
    variables = {v["name"]: v for v in version["variables"]}
    assert set(variables) == {"name", "language", "tone", "interests"}
    assert (variables["name"]["required"], variables["name"]["default"]) == (True, "Guest")
    assert variables["language"]["required"] is False
    assert (variables["tone"]["type"], variables["tone"]["enumValues"]) == ("enum", ["formal", "casual"])
    assert variables["interests"]["type"] == "list"
    config = version["modelConfig"]
    assert (config["model"], config["temperature"], config["tools"]) == (
        "googleai/gemini-1.5-flash",
        0.7,
        ["timeOfDay"],
    )
    assert set(config["responseSchema"]["properties"]) == {"greeting", "formalityLevel"}


async def test_prompty_display_name_becomes_a_prompt_name_and_connection_settings_are_reported(empty: Api) -> None:
    r = await _import(empty, (FIXTURES / "basic.prompty").read_bytes(), "text/x-prompty")
    assert r.status_code == 200, r.text
    report = r.json()["prompts"][0]
    assert report["name"] == "Basic-Prompt"
    unmapped = report["versions"][0]["unmapped"]
    assert unmapped[0] == "name 'Basic Prompt' (imported as 'Basic-Prompt')"
    assert {"sample (not kept)", "model.configuration.type", "model.configuration.connection", "metadata"} <= set(
        unmapped
    )
    version = await _version(empty, "Basic-Prompt", 1)
    assert [m["role"] for m in version["messages"]] == ["system", "user", "assistant"]
    assert version["modelConfig"] == {
        "model": "gpt-35-turbo",
        "temperature": 0.2,
        "maxTokens": 128,
        "responseSchema": {"type": "object", "properties": {"answer": {"type": "string"}}},
    }
    assert {v["name"]: v["default"] for v in version["variables"]} == {
        "first_name": "John",
        "last_name": "Doh",
        "question": None,
    }
    prompt = (await empty.get(empty.url("Basic-Prompt"))).json()
    assert prompt["description"].startswith("A basic prompt")
    assert prompt["tags"] == ["basic", "qa"]


async def test_langfuse_export_imports_versions_labels_and_tags_and_infers_variables(empty: Api) -> None:
    source = (FIXTURES / "langfuse-export.json").read_bytes()
    r = await _import(empty, source, "application/json")
    assert r.status_code == 200, r.text
    result = r.json()
    assert result["format"] == "langfuse"
    by_name = {p["name"]: p for p in result["prompts"]}
    critic = by_name["movie-critic"]
    assert critic["versions"][0]["fileVersion"] == 3
    assert critic["versions"][0]["version"] == 1
    assert critic["labelsMoved"] == ["production"]
    assert critic["versions"][0]["variablesInferred"] == ["criticLevel", "movie"]
    assert {"field 'id'", "field 'createdAt'", "field 'projectId'"} <= set(critic["versions"][0]["unmapped"])

    prompt = (await empty.get(empty.url("movie-critic"))).json()
    assert prompt["labels"]["production"] == 1
    assert prompt["tags"] == ["movies"]
    version = await _version(empty, "movie-critic", 1)
    assert version["commitMessage"] == "Make the critic harsher"
    assert version["modelConfig"] == {"model": "gpt-4o", "temperature": 0.7}
    assert [(v["name"], v["type"], v["required"], v["trusted"]) for v in version["variables"]] == [
        ("criticLevel", "string", True, False),
        ("movie", "string", True, False),
    ]
    chat = await _version(empty, "movie-critic-chat", 1)
    assert chat["messages"][1] == {"role": "placeholder", "content": "", "name": "chat_history"}
    assert chat["modelConfig"]["responseSchema"]["properties"] == {"verdict": {"type": "string"}}
    assert [v["name"] for v in chat["variables"]] == ["criticLevel", "movie"]  # not the history placeholder
    staged = (await empty.get(empty.url("movie-critic-chat"))).json()
    assert staged["labels"]["staging"] == 1

    again = await _import(empty, source, "application/json")
    assert (again.json()["versionsCreated"], again.json()["labelsMoved"]) == (0, 0)


async def test_openai_prompt_objects_keep_saved_values_as_defaults_and_report_file_inputs(empty: Api) -> None:
    r = await _import(empty, (FIXTURES / "openai-prompt.json").read_bytes(), "application/json")
    assert r.status_code == 200, r.text
    report = r.json()["prompts"][0]
    assert r.json()["format"] == "openai"
    assert report["name"] == "pmpt_68a1b2c3d4e5f6"
    assert "variables.photo: non-text value (file or image input)" in report["versions"][0]["unmapped"]
    version = await _version(empty, "pmpt_68a1b2c3d4e5f6", 1)
    assert {v["name"]: v["default"] for v in version["variables"]} == {
        "customer_name": "Jane Doe",
        "product": "40oz juice box",
        "photo": None,
    }


async def test_plain_markdown_is_a_text_prompt_named_after_its_file(empty: Api) -> None:
    body = (FIXTURES / "support-agent.md").read_bytes() + b"\nCustomer: {{question}}. Mention {product}.\n"
    r = await _import(empty, body, "text/markdown", filename="support/agent.md")
    assert r.status_code == 200, r.text
    report = r.json()["prompts"][0]
    assert report["name"] == "support/agent"
    assert report["versions"][0]["variablesInferred"] == ["question"]
    assert report["versions"][0]["unmapped"] == [
        "placeholder {product} (format syntax) is not substituted; write {{product}} to make it a variable"
    ]
    version = await _version(empty, "support/agent", 1)
    assert version["text"].startswith("# Support agent\n\nYou are a support agent for Acme.")

    unnamed = await _import(empty, body, "text/markdown")
    assert unnamed.status_code == 400
    assert unnamed.headers["content-type"].startswith("application/problem+json")
    assert unnamed.json()["errors"][0]["field"] == "filename"


async def test_dry_run_returns_the_plan_and_writes_nothing(empty: Api) -> None:
    source = (FIXTURES / "langfuse-export.json").read_bytes()
    plan = await _import(empty, source, "application/json", dryRun=True)
    assert plan.status_code == 200, plan.text
    assert plan.json()["dryRun"] is True
    assert (plan.json()["promptsCreated"], plan.json()["versionsCreated"], plan.json()["labelsMoved"]) == (2, 2, 2)
    listed = (await empty.get(empty.url())).json()
    assert listed["items"] == []
    audit = await empty.get(f"/api/v1/workspaces/{empty.slug}/audit-events", params={"action": "label.moved"})
    assert audit.status_code == 200, audit.text
    assert audit.json()["items"] == []

    done = await _import(empty, source, "application/json")
    planned = {k: v for k, v in plan.json().items() if k != "dryRun"}
    assert {k: v for k, v in done.json().items() if k != "dryRun"} == planned
    moved = await empty.get(f"/api/v1/workspaces/{empty.slug}/audit-events", params={"action": "label.moved"})
    assert len(moved.json()["items"]) == 2  # the real import records what the dry run did not


async def test_a_zip_of_files_in_several_formats_imports_with_folder_names(empty: Api) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("prompts/greet/formal.prompt", "---\nmodel: m\n---\nHello {{name}}.\n")
        archive.writestr("prompts/basic.prompty", (FIXTURES / "basic.prompty").read_text())
        archive.writestr("prompts/notes/agent.md", "Answer {{question}} kindly.\n")
        archive.writestr("prompts/langfuse.json", (FIXTURES / "langfuse-export.json").read_text())
        archive.writestr("README.txt", "not a prompt")
    r = await _import(empty, buffer.getvalue(), "application/zip")
    assert r.status_code == 200, r.text
    names = sorted(p["name"] for p in r.json()["prompts"])
    assert names == ["Basic-Prompt", "movie-critic", "movie-critic-chat", "prompts/greet/formal", "prompts/notes/agent"]
    version = await _version(empty, "prompts/greet/formal", 1)
    assert (version["text"], version["modelConfig"]) == ("Hello {{name}}.", {"model": "m"})
