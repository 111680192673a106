"""Export then import into an empty workspace is lossless; re-import creates nothing; a bad document changes nothing."""

from __future__ import annotations

import copy
import io
import zipfile
from typing import Any

from tests.integration.helpers import create_api_key, create_workspace, register
from tests.integration.prompts.conftest import Api


async def _fill(api: Api) -> None:
    await api.create_prompt("support/triage", description="Triage", tags=["cs", "beta"])
    await api.add_version(
        "support/triage",
        "v1 {{q}}",
        variables=[{"name": "q", "type": "string", "maxLength": 10}],
        commitMessage="first",
        modelConfig={"model": "m1", "tools": [{"type": "function"}]},
    )
    await api.add_version("support/triage", "v2 {{q}}", variables=[{"name": "q", "type": "string"}])
    await api.add_version(
        "support/triage",
        "v1 {{q}}",
        variables=[{"name": "q", "type": "string", "maxLength": 10}],
        commitMessage="revert to v1 content",
        modelConfig={"model": "m1", "tools": [{"type": "function"}]},
    )
    await api.set_label("support/triage", "production", 2)
    await api.set_label("support/triage", "staging", 3)
    await api.create_prompt("chat/bot", kind="chat")
    r = await api.post(
        api.url("chat/bot", "/versions"),
        json={
            "messages": [
                {"role": "system", "content": "Be brief.\n```\ncode\n```"},
                {"role": "placeholder", "name": "history"},
            ]
        },
    )
    assert r.status_code == 201, r.text
    await api.create_prompt("empty/one", description="no versions yet")


def _comparable(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return copy.deepcopy(doc["prompts"])


async def _second_workspace(client: Any) -> Api:
    account = await register(client)
    ws = await create_workspace(client, account["csrf"])
    return Api(client=client, slug=ws["slug"], key=await create_api_key(client, account["csrf"], ws["slug"]))


async def test_export_import_is_lossless_and_idempotent(api: Api, client: Any) -> None:
    await _fill(api)
    exported = (await api.get(api.url(suffix="/_export"))).json()
    assert exported["format"] == "promptsmith.export/v1"
    assert exported["workspace"] == api.slug
    assert [p["name"] for p in exported["prompts"]] == ["chat/bot", "empty/one", "support/triage"]

    target = await _second_workspace(client)
    first = await target.post(target.url(suffix="/_import"), json=exported)
    assert first.status_code == 200, first.text
    assert first.json()["promptsCreated"] == 3
    assert first.json()["versionsCreated"] == 4
    again = (await target.get(target.url(suffix="/_export"))).json()
    assert _comparable(again) == _comparable(exported)  # numbers, hashes, labels, authors, dates: all kept

    second = await target.post(target.url(suffix="/_import"), json=exported)
    assert second.status_code == 200, second.text
    counts = second.json()
    assert (counts["promptsCreated"], counts["versionsCreated"], counts["labelsMoved"]) == (0, 0, 0)
    history = (await target.get(target.url("support/triage", "/labels/production/history"))).json()
    assert history["total"] == 1

    resolved = (await target.get(target.url("support/triage", "/resolve"))).json()
    assert resolved["version"] == 2
    assert resolved["text"] == "v2 {{q}}"


async def test_markdown_export_round_trips(api: Api, client: Any) -> None:
    await _fill(api)
    one = await api.get(api.url("support/triage", "/export"), params={"format": "markdown"})
    assert one.status_code == 200
    assert one.headers["content-type"].startswith("text/markdown")
    assert one.text.startswith("---\n")
    assert "## Version 3" in one.text
    archive = await api.get(api.url(suffix="/_export"), params={"format": "markdown"})
    assert archive.headers["content-type"] == "application/zip"
    assert sorted(zipfile.ZipFile(io.BytesIO(archive.content)).namelist()) == [
        "chat__bot.md",
        "empty__one.md",
        "support__triage.md",
    ]

    target = await _second_workspace(client)
    r = await target.post(target.url(suffix="/_import"), content=one.content, headers={"Content-Type": "text/markdown"})
    assert r.status_code == 200, r.text
    assert r.json()["versionsCreated"] == 3
    r = await target.post(
        target.url(suffix="/_import"), content=archive.content, headers={"Content-Type": "application/zip"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["versionsCreated"] == 1
    assert r.json()["promptsCreated"] == 2
    source = (await api.get(api.url(suffix="/_export"))).json()
    copied = (await target.get(target.url(suffix="/_export"))).json()
    assert _comparable(copied) == _comparable(source)


async def test_a_broken_document_changes_nothing_and_names_the_entry(api: Api) -> None:
    await _fill(api)
    doc = (await api.get(api.url(suffix="/_export"))).json()
    before = doc
    bad = copy.deepcopy(doc)
    bad["prompts"].append({"name": "new/prompt", "kind": "text", "versions": [{"version": 1, "text": "ok"}]})
    bad["prompts"][2]["versions"].append({"version": 4, "text": "new content"})  # valid on its own
    bad["prompts"][0]["versions"][0]["variables"] = [{"name": "x", "type": "strng"}]
    r = await api.post(api.url(suffix="/_import"), json=bad)
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == "prompts[0].versions[0].variables[0].type"

    semantic = copy.deepcopy(doc)
    semantic["prompts"].append({"name": "new/prompt", "kind": "text", "versions": [{"version": 1, "text": "ok"}]})
    semantic["prompts"][2]["versions"].append({"version": 4, "text": None})
    semantic["prompts"][2]["labels"]["qa"] = 7
    semantic["prompts"][1]["kind"] = "chat"  # exists as text
    r = await api.post(api.url(suffix="/_import"), json=semantic)
    assert r.status_code == 400, r.text
    fields = {e["field"] for e in r.json()["errors"]}
    assert fields == {"prompts[2].versions[3].text", "prompts[2].labels.qa", "prompts[1].kind"}

    md = '---\nname: "x"\nkind: "text"\n---\n## Version 1\nno metadata line\n'
    r = await api.post(api.url(suffix="/_import"), content=md, headers={"Content-Type": "text/markdown"})
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == "prompts[0].versions[0]"

    after = (await api.get(api.url(suffix="/_export"))).json()
    assert _comparable(after) == _comparable(before)
    assert (await api.get(api.url("new/prompt"))).status_code == 404
