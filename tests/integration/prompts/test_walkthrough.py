"""The issue's "done when", as a new user would try it (one instance; cross-instance is in test_instances)."""

from __future__ import annotations

from typing import Any

from tests.integration.prompts.conftest import Api

TEXT = "You are the triage assistant for {{product}}.\nClassify the ticket:\n{{ticket}}\n"


async def test_new_user_walkthrough(api: Api) -> None:
    created = await api.create_prompt("support/triage", description="Ticket triage", tags=["support"])
    assert created["name"] == "support/triage"
    assert created["latestVersion"] is None
    variables: list[dict[str, Any]] = [
        {"name": "product", "type": "string", "trusted": True},
        {"name": "ticket", "type": "string", "maxLength": 4000},
    ]
    v1 = await api.add_version("support/triage", TEXT, variables=variables, commitMessage="first")
    v2 = await api.add_version(
        "support/triage",
        TEXT + "Answer in one word.\n",
        variables=variables,
        modelConfig={"provider": "anthropic", "model": "claude-sonnet-4", "temperature": 0.2},
    )
    v3 = await api.add_version(
        "support/triage",
        TEXT + "Answer in one word.\nUse {{tone}} tone.\n",
        variables=[*variables, {"name": "tone", "type": "enum", "enumValues": ["formal", "casual"]}],
        modelConfig={"provider": "anthropic", "model": "claude-sonnet-4", "temperature": 0.0},
    )
    assert [v1["version"], v2["version"], v3["version"]] == [1, 2, 3]
    assert v3["labels"] == ["latest"]
    assert v1["author"]["type"] == "api_key"
    # Computed by the engine at save (absent only when the engine is missing, never invented).
    assert v1["tokenCounts"]
    assert all(c["count"] > 0 for c in v1["tokenCounts"])
    assert v1["lint"] is not None
    assert 0 <= v1["lint"]["score"] <= 100

    await api.set_label("support/triage", "production", 2)
    r = await api.get(api.url("support/triage", "/resolve"))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["version"] == 2
    assert body["label"] == "production"
    assert body["modelConfig"] == {"provider": "anthropic", "model": "claude-sonnet-4", "temperature": 0.2}
    assert body["variables"][1] == {
        "name": "ticket",
        "type": "string",
        "required": True,
        "default": None,
        "enumValues": None,
        "maxLength": 4000,
        "description": "",
        "trusted": False,
    }
    etag = r.headers["etag"]
    again = await api.get(api.url("support/triage", "/resolve"), headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag

    await api.set_label("support/triage", "production", 3)
    r = await api.get(api.url("support/triage", "/resolve"), headers={"If-None-Match": etag})
    assert r.status_code == 200
    assert r.json()["version"] == 3
    assert r.headers["etag"] != etag

    rb = await api.post(api.url("support/triage", "/labels/production/rollback"))
    assert rb.status_code == 200, rb.text
    assert rb.json()["version"] == 2
    assert (await api.get(api.url("support/triage", "/resolve"))).json()["version"] == 2

    d = await api.get(api.url("support/triage", "/diff"), params={"from": 2, "to": 3})
    assert d.status_code == 200, d.text
    diff = d.json()
    assert "+Use {{tone}} tone." in diff["unifiedDiff"]
    assert diff["variables"] == [
        {
            "name": "tone",
            "change": "added",
            "fields": [],
            "breaking": True,
            "reason": "new required variable without default",
        }
    ]
    assert diff["breaking"] is True
    assert diff["config"] == [{"key": "temperature", "before": 0.2, "after": 0.0}]
    assert {t["target"] for t in diff["tokenDelta"]} >= {"gpt", "claude"}
    assert all(t["delta"] > 0 for t in diff["tokenDelta"])

    history = (await api.get(api.url("support/triage", "/labels/production/history"))).json()
    assert [(e["action"], e["fromVersion"], e["toVersion"]) for e in history["items"]] == [
        ("rollback", 3, 2),
        ("move", 2, 3),
        ("set", None, 2),
    ]
    assert all(e["requestId"] and e["actor"]["type"] == "api_key" for e in history["items"])

    exported = await api.get(api.url("support/triage", "/export"))
    assert exported.status_code == 200
    doc = exported.json()
    assert doc["format"] == "promptsmith.export/v1"
    assert [v["version"] for v in doc["prompts"][0]["versions"]] == [1, 2, 3]
    assert doc["prompts"][0]["labels"] == {"production": 2}
    reimport = await api.post(api.url(suffix="/_import"), json=doc)
    assert reimport.status_code == 200, reimport.text
    assert reimport.json()["versionsCreated"] == 0
    assert reimport.json()["labelsMoved"] == 0


async def test_name_addressing_and_etags(api: Api) -> None:
    await api.create_prompt("a/b/c")
    r = await api.get(api.url("a/b/c"))
    assert r.status_code == 200
    assert r.json()["name"] == "a/b/c"
    etag = r.headers["etag"]
    # Encoded slashes stay inside the segment (lower-case escapes too); raw slashes address other routes.
    assert (await api.get(f"/api/v1/workspaces/{api.slug}/prompts/a%2fb%2Fc")).json()["name"] == "a/b/c"
    assert (await api.get(f"/api/v1/workspaces/{api.slug}/prompts/a/b/c")).status_code == 404
    ok = await api.patch(api.url("a/b/c"), json={"description": "d1"}, headers={"If-Match": etag})
    assert ok.status_code == 200, ok.text
    assert ok.headers["etag"] != etag
    stale = await api.patch(api.url("a/b/c"), json={"description": "d2"}, headers={"If-Match": etag})
    assert stale.status_code == 412, stale.text
    assert stale.headers["content-type"].startswith("application/problem+json")
    assert (await api.get(api.url("a/b/c"))).json()["description"] == "d1"
    # A new version changes the representation (latestVersion), so the old ETag is stale too.
    etag2 = ok.headers["etag"]
    await api.add_version("a/b/c", "hello")
    assert (await api.patch(api.url("a/b/c"), json={"tags": ["x"]}, headers={"If-Match": etag2})).status_code == 412
