"""The version list (`GET …/prompts/{name}/versions`): one statement on PostgreSQL (`prompts.versionlist`). Each
item must say what the single-version endpoint (the ORM path) says about that version, with its labels."""

from __future__ import annotations

from typing import Any

from tests.integration.helpers import api_headers, create_api_key, create_workspace, register
from tests.integration.prompts.conftest import Api


async def test_items_total_labels_and_pages(api: Api) -> None:
    name = "vlist/page"
    await api.create_prompt(name)
    await api.add_version(name, "one", commitMessage="first")
    await api.add_version(name, "two", labels=["production"])
    await api.add_version(name, "three", labels=["staging"])
    await api.set_label(name, "beta", 2)
    url = api.url(name, "/versions")
    listed = (await api.get(url)).json()
    assert listed["total"] == 3
    assert (listed["limit"], listed["offset"]) == (50, 0)
    assert [v["version"] for v in listed["items"]] == [3, 2, 1]
    labels = {v["version"]: v["labels"] for v in listed["items"]}
    assert labels[2] == ["beta", "production"]  # sorted by name
    assert "staging" in labels[3]
    assert "production" not in labels[1]
    for item in listed["items"]:
        one: dict[str, Any] = (await api.get(api.url(name, f"/versions/{item['version']}"))).json()
        for field in ("commitMessage", "author", "source", "contentHash", "createdAt"):
            assert item[field] == one[field], field
        assert item["labels"] == sorted(one["labels"])
    assert listed["items"][2]["commitMessage"] == "first"
    page = (await api.get(url, params={"limit": 1, "offset": 1})).json()
    assert ([v["version"] for v in page["items"]], page["total"], page["limit"], page["offset"]) == ([2], 3, 1, 1)
    past = (await api.get(url, params={"offset": 10})).json()
    assert (past["items"], past["total"]) == ([], 3)


async def test_a_prompt_without_versions_and_a_missing_prompt(api: Api) -> None:
    await api.create_prompt("vlist/empty")
    empty = (await api.get(api.url("vlist/empty", "/versions"))).json()
    assert (empty["items"], empty["total"]) == ([], 0)
    missing = await api.get(api.url("vlist/nothing-here", "/versions"))
    assert missing.status_code == 404, missing.text
    assert missing.headers["content-type"].startswith("application/problem+json")


async def test_another_workspace_never_sees_the_versions(api: Api, client: Any) -> None:
    await api.create_prompt("vlist/mine")
    await api.add_version("vlist/mine", "secret text")
    other = await register(client)
    slug = (await create_workspace(client, other["csrf"]))["slug"]
    key = await create_api_key(client, other["csrf"], slug)
    client.cookies.clear()
    # Their key on our URL: refused; our prompt's name in their workspace: not found.
    ours = await client.get(api.url("vlist/mine", "/versions"), headers=api_headers(key))
    assert ours.status_code in (403, 404), ours.text
    theirs = await client.get(f"/api/v1/workspaces/{slug}/prompts/vlist%2Fmine/versions", headers=api_headers(key))
    assert theirs.status_code == 404, theirs.text
