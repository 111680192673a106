"""Export in every format (media type, file name, what the format could not hold), then import into an empty
workspace: the same prompts, variables and model settings (and, for Langfuse, versions and labels)."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest

from tests.integration.formats.conftest import Api

CONFIG = {
    "provider": "openai",
    "model": "gpt-4o",
    "temperature": 0.3,
    "maxTokens": 500,
    "tools": [{"type": "function", "function": {"name": "lookup"}}],
    "responseSchema": {"type": "object", "properties": {"team": {"type": "string"}}},
}
TYPED_VARIABLES = [
    {"name": "document", "type": "string", "maxLength": 5000, "description": "The pasted document"},
    {"name": "depth", "type": "enum", "enumValues": ["short", "long"], "required": False, "default": "short"},
    {"name": "limit", "type": "integer", "required": False, "default": 3},
    {"name": "company", "type": "string", "trusted": True},
]


async def _fill(api: Api) -> None:
    await api.create_prompt("support/triage", description="Routes tickets", tags=["cs"])
    # No variables declared: both versions get {{ticket}} and {{team}} as string, required, untrusted.
    await api.add_version("support/triage", "Classify {{ticket}} for {{team}}.", modelConfig=CONFIG)
    await api.add_version(
        "support/triage", "Classify {{ticket}} for {{team}}. Be brief.", modelConfig=CONFIG, commitMessage="shorter"
    )
    await api.set_label("support/triage", "production", 1)
    await api.set_label("support/triage", "staging", 2)
    await api.create_prompt("typed/extract")
    await api.add_version(
        "typed/extract",
        "For {{company}}: extract {{limit}} facts ({{depth}}) from {{document}}.",
        variables=TYPED_VARIABLES,
        modelConfig={"model": "claude-x", "temperature": 0.0},
    )
    await api.create_prompt("chat/bot", kind="chat")
    r = await api.post(
        api.url("chat/bot", "/versions"),
        json={
            "messages": [
                {"role": "system", "content": "You answer for {{company}}."},
                {"role": "placeholder", "name": "history"},
                {"role": "user", "content": "{{question}}"},
            ],
            "modelConfig": {"model": "gpt-4o-mini", "maxTokens": 200},
        },
    )
    assert r.status_code == 201, r.text


def _content(version: dict[str, Any]) -> dict[str, Any]:
    return {k: version[k] for k in ("kind", "text", "messages", "variables", "modelConfig")}


async def _latest(api: Api, name: str, label: str = "latest") -> dict[str, Any]:
    r = await api.get(api.url(name, "/resolve"), params={"label": label})
    assert r.status_code == 200, r.text
    number = r.json()["version"]
    version: dict[str, Any] = (await api.get(api.url(name, f"/versions/{number}"))).json()
    return version


async def _import(api: Api, body: bytes, content_type: str, **params: Any) -> dict[str, Any]:
    r = await api.post(api.url(suffix="/_import"), content=body, headers={"Content-Type": content_type}, params=params)
    assert r.status_code == 200, r.text
    result: dict[str, Any] = r.json()
    return result


@pytest.mark.parametrize(
    ("fmt", "media_type", "suffix", "names"),
    [
        ("dotprompt", "text/x-dotprompt", ".prompt", ["support/triage", "typed/extract", "chat/bot"]),
        ("prompty", "text/x-prompty", ".prompty", ["support/triage"]),
    ],
)
async def test_one_version_formats_round_trip_text_variables_and_model_settings(
    api: Api, empty: Api, fmt: str, media_type: str, suffix: str, names: list[str]
) -> None:
    await _fill(api)
    for name in names:
        r = await api.get(api.url(name, "/export"), params={"format": fmt, "label": "latest"})
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith(media_type)
        assert r.headers["content-disposition"] == f'attachment; filename="{name.replace("/", "__")}{suffix}"'
        result = await _import(empty, r.content, media_type, filename=name + suffix)
        assert [p["name"] for p in result["prompts"]] == [name]
        assert _content(await _latest(empty, name)) == _content(await _latest(api, name)), name

    again = await api.get(api.url(names[0], "/export"), params={"format": fmt})
    repeat = await _import(empty, again.content, media_type, filename=names[0] + suffix)
    assert repeat["versionsCreated"] == 0  # the same content is already there


async def test_one_version_formats_export_the_labelled_version_and_report_what_they_cannot_hold(api: Api) -> None:
    await _fill(api)
    production = await api.get(
        api.url("support/triage", "/export"), params={"format": "dotprompt", "label": "production"}
    )
    assert production.status_code == 200
    assert "Be brief." not in production.text
    assert "Classify {{ticket}} for {{team}}." in production.text
    unmapped = json.loads(production.headers["promptsmith-unmapped"])
    assert any(entry.startswith("labels") and "production" in entry for entry in unmapped)
    by_number = await api.get(api.url("support/triage", "/export"), params={"format": "dotprompt", "version": 2})
    assert "Be brief." in by_number.text

    prompty = await api.get(api.url("chat/bot", "/export"), params={"format": "prompty"})
    assert "messages[1]: placeholder 'history'" in json.loads(prompty.headers["promptsmith-unmapped"])
    typed = await api.get(api.url("typed/extract", "/export"), params={"format": "prompty"})
    assert {"variables.document: max length 5000", "variables.company: trusted flag"} <= set(
        json.loads(typed.headers["promptsmith-unmapped"])
    )

    missing = await api.get(api.url("support/triage", "/export"), params={"format": "dotprompt", "label": "qa"})
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    both = await api.get(
        api.url("support/triage", "/export"), params={"format": "dotprompt", "label": "qa", "version": 1}
    )
    assert both.status_code == 400


async def test_accept_header_picks_the_format_when_no_parameter_is_given(api: Api) -> None:
    await _fill(api)
    r = await api.get(api.url("support/triage", "/export"), headers={"Accept": "text/x-prompty"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/x-prompty")
    assert r.text.startswith("---\nname: support/triage\n")
    default = await api.get(api.url("support/triage", "/export"))
    assert default.json()["format"] == "promptsmith.export/v1"


async def test_langfuse_workspace_export_round_trips_every_version_and_label(api: Api, empty: Api) -> None:
    await _fill(api)
    r = await api.get(api.url(suffix="/_export"), params={"format": "langfuse"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["content-disposition"] == f'attachment; filename="{api.slug}.langfuse.json"'
    items = r.json()
    assert [(i["name"], i["version"]) for i in items] == [
        ("chat/bot", 1),
        ("support/triage", 1),
        ("support/triage", 2),
        ("typed/extract", 1),
    ]
    assert "typed/extract: variables" in json.loads(r.headers["promptsmith-unmapped"])

    result = await _import(empty, r.content, "application/json")
    assert result["format"] == "langfuse"
    assert result["versionsCreated"] == 4
    for name in ("support/triage", "chat/bot"):  # default contracts: Langfuse loses nothing of them
        source = (await api.get(api.url(name))).json()
        copy = (await empty.get(empty.url(name))).json()
        assert copy["labels"] == source["labels"]
        assert (copy["description"], copy["tags"]) == ("", source["tags"])  # Langfuse has no description
        for number in range(1, source["latestVersion"] + 1):
            before = (await api.get(api.url(name, f"/versions/{number}"))).json()
            after = (await empty.get(empty.url(name, f"/versions/{number}"))).json()
            assert _content(after) == _content(before)
            assert after["commitMessage"] == before["commitMessage"]
    typed = await _latest(empty, "typed/extract")
    assert [v["type"] for v in typed["variables"]] == ["string"] * 4  # contracts are reported lost, then inferred

    again = await _import(empty, r.content, "application/json")
    assert (again["versionsCreated"], again["labelsMoved"], again["promptsCreated"]) == (0, 0, 0)


async def test_openai_export_round_trips_instructions_variables_and_model(api: Api, empty: Api) -> None:
    await _fill(api)
    r = await api.get(api.url("support/triage", "/export"), params={"format": "openai", "label": "staging"})
    assert r.status_code == 200, r.text
    assert [item["version"] for item in r.json()] == ["2"]
    result = await _import(empty, r.content, "application/json", format="openai")
    assert result["format"] == "openai"
    copy = await _latest(empty, "support/triage")
    source = await _latest(api, "support/triage", "staging")
    assert (copy["text"], copy["variables"]) == (source["text"], source["variables"])
    assert copy["modelConfig"] == {"model": "gpt-4o", "tools": CONFIG["tools"]}  # what the format holds
    lost = json.loads(r.headers["promptsmith-unmapped"])
    assert {"support/triage: config", "support/triage: output schema", "support/triage: labels"} <= set(lost)


async def test_a_folder_exports_as_a_zip_of_dotprompt_files_that_imports_back(api: Api, empty: Api) -> None:
    await _fill(api)
    await api.create_prompt("support/refunds")
    await api.add_version("support/refunds", "Refund {{order}} if eligible.")
    r = await api.get(api.url(suffix="/_export"), params={"format": "dotprompt", "folder": "support"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/zip"
    assert r.headers["content-disposition"] == f'attachment; filename="{api.slug}-support-dotprompt.zip"'
    archive = zipfile.ZipFile(io.BytesIO(r.content))
    assert sorted(archive.namelist()) == ["support/refunds.prompt", "support/triage.prompt"]
    labelled = await api.get(api.url(suffix="/_export"), params={"format": "prompty", "label": "production"})
    assert zipfile.ZipFile(io.BytesIO(labelled.content)).namelist() == ["support/triage.prompty"]
    skipped = json.loads(labelled.headers["promptsmith-unmapped"])
    assert "chat/bot: skipped, no version at label 'production'" in skipped
    assert "support/refunds: skipped, no version at label 'production'" in skipped

    result = await _import(empty, r.content, "application/zip")
    assert sorted(p["name"] for p in result["prompts"]) == ["support/refunds", "support/triage"]
    for name in ("support/refunds", "support/triage"):
        assert _content(await _latest(empty, name)) == _content(await _latest(api, name))


async def test_prompts_in_a_folder_with_wildcard_characters_are_matched_literally(api: Api) -> None:
    await api.create_prompt("a_b/one")
    await api.add_version("a_b/one", "one")
    await api.create_prompt("axb/two")
    await api.add_version("axb/two", "two")
    r = await api.get(api.url(suffix="/_export"), params={"folder": "a_b"})
    assert [p["name"] for p in r.json()["prompts"]] == ["a_b/one"]
