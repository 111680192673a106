"""The prompt list's page cache (`prompts.listcache`): a repeated query is served from memory (`X-Cache: hit`),
and every kind of registry write drops the workspace's pages before its response leaves, on this instance and,
through the invalidation bus, on another one. Real PostgreSQL and Redis; every write below would leave a stale
`hit` behind if its invalidation were missing.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from app.config.settings import Settings
from tests.integration.faults._procs import kill_group
from tests.integration.helpers import api_headers, create_api_key, create_workspace, register
from tests.integration.instances import start_instance
from tests.integration.prompts.conftest import Api


async def _listed(api: Api, **params: Any) -> tuple[str, dict[str, Any]]:
    r = await api.get(api.url(), params=params)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    # A page the list fast path replayed (`hit; fast`, `prompts.fastpath`) came from this cache as well.
    outcome = "hit" if r.headers["x-cache"] == "hit; fast" else r.headers["x-cache"]
    return outcome, body


async def _cached(api: Api, **params: Any) -> dict[str, Any]:
    """List until the page comes from the cache, every answer equal to the first. The bus echoes this instance's
    own invalidations back a moment after the write (Redis pub/sub), which may empty the page once more."""
    _, first = await _listed(api, **params)
    deadline = time.monotonic() + 3
    while True:
        outcome, again = await _listed(api, **params)
        assert again == first
        if outcome == "hit":
            return first
        assert time.monotonic() < deadline, "the page never came from the cache"
        await asyncio.sleep(0.02)


async def _settled(api: Api) -> dict[str, Any]:
    """The cached page once the echoes of earlier writes have arrived (still a hit after a pause)."""
    while True:
        page = await _cached(api)
        await asyncio.sleep(0.3)
        outcome, again = await _listed(api)
        if outcome == "hit":
            assert again == page
            return page


def _by_name(page: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["name"]: item for item in page["items"]}


async def test_every_registry_write_drops_the_workspace_pages(api: Api) -> None:
    await api.create_prompt("cache/a", description="first")
    await api.add_version("cache/a", "one")
    await _cached(api)
    await _cached(api, count="true", sort="name", order="asc")

    async def after(write: Callable[[], Awaitable[Any]], **params: Any) -> dict[str, Any]:
        """The page right after `write`: read from the database (a miss), then cached again."""
        await write()
        outcome, page = await _listed(api, **params)
        assert outcome == "miss", "the write left the cached page in place"
        assert await _cached(api, **params) == page
        return page

    async def ok(response: Awaitable[Any], status: int = 200) -> None:
        r = await response
        assert r.status_code == status, r.text

    page = await after(lambda: api.create_prompt("cache/b"), count="true", sort="name", order="asc")
    assert [i["name"] for i in page["items"]] == ["cache/a", "cache/b"]
    assert page["total"] == 2
    page = await after(lambda: ok(api.patch(api.url("cache/a"), json={"description": "second", "tags": ["t"]})))
    assert (_by_name(page)["cache/a"]["description"], _by_name(page)["cache/a"]["tags"]) == ("second", ["t"])
    page = await after(lambda: api.add_version("cache/a", "two"))
    assert _by_name(page)["cache/a"]["latestVersion"] == 2
    page = await after(lambda: api.set_label("cache/a", "production", 1))
    assert _by_name(page)["cache/a"]["labels"] == {"latest": 2, "production": 1}
    page = await after(lambda: api.set_label("cache/a", "production", 2))
    assert _by_name(page)["cache/a"]["labels"] == {"latest": 2, "production": 2}
    page = await after(lambda: ok(api.delete(api.url("cache/a", "/labels/production")), 204))
    assert _by_name(page)["cache/a"]["labels"] == {"latest": 2}
    page = await after(lambda: ok(api.patch(api.url("cache/a"), json={"name": "cache/renamed"})))
    assert set(_by_name(page)) == {"cache/renamed", "cache/b"}
    page = await after(lambda: ok(api.post(api.url("cache/b", "/archive"))))
    assert set(_by_name(page)) == {"cache/renamed"}
    page = await after(lambda: ok(api.delete(api.url("cache/renamed")), 204))
    assert page["items"] == []
    exported = {
        "format": "promptsmith.export/v1",
        "prompts": [{"name": "cache/imported", "kind": "text", "versions": [{"version": 1, "text": "hi"}]}],
    }
    page = await after(lambda: ok(api.post(api.url(suffix="/_import"), json=exported)))
    assert set(_by_name(page)) == {"cache/imported"}


async def test_pages_and_their_invalidation_stay_in_their_workspace(api: Api, client: Any) -> None:
    await api.create_prompt("scoped/mine", description="mine")
    owner = await register(client)
    ws = await create_workspace(client, owner["csrf"])
    other = Api(client=client, slug=ws["slug"], key=await create_api_key(client, owner["csrf"], ws["slug"]))
    mine = await _settled(api)
    # The same query in another workspace is its own entry, never this workspace's page.
    outcome, theirs = await _listed(other)
    assert (outcome, theirs["items"]) == ("miss", [])
    # A write in the other workspace leaves this workspace's pages cached.
    await other.create_prompt("scoped/theirs")
    outcome, again = await _listed(api)
    assert (outcome, again) == ("hit", mine)
    assert [i["name"] for i in (await _listed(other))[1]["items"]] == ["scoped/theirs"]
    # A caller without access to the workspace is refused before any cached page is looked at.
    r = await other.client.get(api.url(), headers=other.headers)
    assert r.status_code in (403, 404), r.text


@pytest.mark.slow
async def test_a_write_on_one_instance_drops_the_pages_of_another(settings: Settings, client: Any) -> None:
    # A TTL of a minute: only the invalidation bus can make instance B read the new page in time.
    procs = []
    try:
        urls = []
        for _ in range(2):
            proc, url = start_instance(settings, LIST_CACHE_TTL="60")
            procs.append(proc)
            urls.append(url)
        account = await register(client)
        ws = await create_workspace(client, account["csrf"])
        headers = api_headers(await create_api_key(client, account["csrf"], ws["slug"]))
        base = f"/api/v1/workspaces/{ws['slug']}/prompts"
        async with (
            httpx.AsyncClient(base_url=urls[0], headers=headers, timeout=10) as a,
            httpx.AsyncClient(base_url=urls[1], headers=headers, timeout=10) as b,
        ):
            assert (await a.post(base, json={"name": "multi/one"})).status_code == 201
            deadline = time.monotonic() + 3
            while True:  # B caches a page with the prompt (the create's own message may empty it once)
                listed = await b.get(base)
                if listed.headers["x-cache"].startswith("hit") and len(listed.json()["items"]) == 1:
                    break
                assert time.monotonic() < deadline, listed.text
                await asyncio.sleep(0.05)
            assert (await a.patch(f"{base}/multi%2Fone", json={"description": "changed on A"})).status_code == 200
            started = time.monotonic()
            while (await b.get(base)).json()["items"][0]["description"] != "changed on A":
                assert time.monotonic() - started < 1.0, "instance B still serves its cached page"
                await asyncio.sleep(0.02)
    finally:
        for proc in procs:
            kill_group(proc)


async def test_a_zero_ttl_turns_the_cache_off(settings: Settings) -> None:
    from litestar.testing import AsyncTestClient

    from app.server.asgi import create_app
    from tests.conftest import make_settings

    off = make_settings(LIST_CACHE_TTL="0")
    async with AsyncTestClient(app=create_app(off), base_url="https://testserver.local") as client:
        account = await register(client)
        slug = account["personalWorkspace"]
        api = Api(client=client, slug=slug, key=await create_api_key(client, account["csrf"], slug))
        await api.create_prompt("off/one")
        assert [(await _listed(api))[0] for _ in range(2)] == ["miss", "miss"]
