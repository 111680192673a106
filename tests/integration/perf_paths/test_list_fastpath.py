"""The prompt list's fast path (`app.domain.prompts.fastpath`): it replays a cached page only to a credential the
full path served it to, on the same URL, while the key, the workspace and the page are unchanged.
`X-Cache: hit; fast` marks a replay; the handler says `hit` or `miss`."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import httpx
from litestar.testing import AsyncTestClient

from app.server.asgi import create_app
from tests.conftest import make_settings
from tests.integration.helpers import api_headers, create_api_key, create_workspace, rate_limit_remaining, register

BASE_URL = "https://testserver.local"
FAST = "hit; fast"
VARYING = {"x-request-id", "x-cache", "ratelimit"}


class Setup:
    def __init__(self, client: Any, slug: str, key: str, csrf: str, cookies: dict[str, str]) -> None:
        self.client, self.slug, self.key, self.csrf, self.cookies = client, slug, key, csrf, cookies

    @property
    def url(self) -> str:
        return f"/api/v1/workspaces/{self.slug}/prompts"

    async def as_key(self, method: str, url: str, key: str | None = None, **kw: Any) -> httpx.Response:
        self.client.cookies.clear()  # API-key requests only (a cookie always takes the full path)
        headers = {**api_headers(key or self.key), **kw.pop("headers", {})}
        response: httpx.Response = await self.client.request(method, url, headers=headers, **kw)
        return response

    async def as_user(self, method: str, url: str, **kw: Any) -> httpx.Response:
        self.client.cookies.clear()
        self.client.cookies.update(self.cookies)
        headers = {"X-CSRF-Token": self.csrf, **kw.pop("headers", {})}
        response: httpx.Response = await self.client.request(method, url, headers=headers, **kw)
        return response


async def _setup(client: Any) -> Setup:
    account = await register(client)
    slug = (await create_workspace(client, account["csrf"]))["slug"]
    key = await create_api_key(client, account["csrf"], slug, scopes=["read", "write", "admin"])
    setup = Setup(client, slug, key, account["csrf"], dict(client.cookies))
    for name in ("fast/one", "fast/two"):
        assert (await setup.as_key("POST", setup.url, json={"name": name})).status_code == 201
    return setup


async def _fast(setup: Setup, url: str, **kw: Any) -> httpx.Response:
    """List until the fast path answers (the bus echoes the set-up's own writes back, which may drop a page)."""
    deadline = time.monotonic() + 3
    while True:
        r = await setup.as_key("GET", url, **kw)
        assert r.status_code == 200, r.text
        if r.headers["x-cache"] == FAST:
            return r
        assert time.monotonic() < deadline, f"the fast path never answered (X-Cache {r.headers['x-cache']})"
        await asyncio.sleep(0.02)


async def test_a_repeated_page_is_replayed_with_the_same_body_and_headers(client: Any) -> None:
    setup = await _setup(client)
    url = setup.url + "?limit=1"
    fast = await _fast(setup, url)
    full = await setup.as_user("GET", url)  # a session cookie: the full path, from the list cache
    assert full.status_code == 200
    assert full.headers["x-cache"] == "hit"
    assert fast.content == full.content
    assert len(fast.json()["items"]) == 1
    assert {k for k in full.headers if k not in VARYING} == {k for k in fast.headers if k not in VARYING}
    assert fast.headers["content-type"] == "application/json"
    assert fast.headers["x-content-type-options"] == "nosniff"
    # Another query string is another URL: the full path first.
    other = await setup.as_key("GET", setup.url + "?limit=2")
    assert other.headers["x-cache"] in {"hit", "miss"}
    assert len(other.json()["items"]) == 2


async def test_gzip_on_the_fast_path_matches_the_full_path(client: Any) -> None:
    setup = await _setup(client)
    for i in range(12):  # a page above the gzip threshold
        assert (await setup.as_key("POST", setup.url, json={"name": f"fast/bulk-{i}"})).status_code == 201
    fast = await _fast(setup, setup.url, headers={"Accept-Encoding": "gzip"})
    full = await setup.as_user("GET", setup.url, headers={"Accept-Encoding": "gzip"})
    assert fast.headers["content-encoding"] == full.headers["content-encoding"] == "gzip"
    assert fast.headers["vary"] == full.headers["vary"]
    assert fast.json() == full.json()
    assert len(fast.json()["items"]) == 14


async def test_a_write_in_the_workspace_ends_the_replay(client: Any) -> None:
    setup = await _setup(client)
    await _fast(setup, setup.url)
    assert (await setup.as_key("POST", setup.url, json={"name": "fast/three"})).status_code == 201
    after = await setup.as_key("GET", setup.url)
    assert after.headers["x-cache"] == "miss"
    assert "fast/three" in {item["name"] for item in after.json()["items"]}


async def test_revoked_key_gets_401_on_the_next_request(client: Any) -> None:
    setup = await _setup(client)
    await _fast(setup, setup.url)
    keys = (await setup.as_user("GET", f"/api/v1/workspaces/{setup.slug}/api-keys")).json()["items"]
    revoked = await setup.as_user("DELETE", f"/api/v1/workspaces/{setup.slug}/api-keys/{keys[0]['id']}")
    assert revoked.status_code == 204
    r = await setup.as_key("GET", setup.url)
    assert r.status_code == 401, r.text


async def test_other_credentials_never_get_the_replayed_page(client: Any) -> None:
    setup = await _setup(client)
    await _fast(setup, setup.url)
    stranger = await _setup(client)  # another account, workspace and key
    for _ in range(3):
        r = await stranger.as_key("GET", setup.url)
        assert r.status_code in (403, 404), r.text
        assert "x-cache" not in r.headers
    assert (await setup.as_key("GET", setup.url, key=setup.key[:-1] + "x")).status_code == 401
    # A second key of the same workspace is its own credential: the full path first.
    client.cookies.clear()
    client.cookies.update(setup.cookies)
    reader = await create_api_key(client, setup.csrf, setup.slug, scopes=["read"], name="reader")
    assert (await setup.as_key("GET", setup.url, key=reader)).headers["x-cache"] in {"hit", "miss"}


async def test_rate_limit_is_enforced_on_the_fast_path(database_url: str) -> None:
    settings = make_settings(
        REDIS_NAMESPACE=f"promptsmith-test-{uuid.uuid4().hex[:8]}", RATE_LIMIT_API_KEY_PER_MINUTE=5
    )
    if 60 - time.time() % 60 < 5:  # keep the whole test inside one window
        await asyncio.sleep(60 - time.time() % 60 + 0.05)
    async with AsyncTestClient(app=create_app(settings), base_url=BASE_URL) as client:
        account = await register(client)
        slug = account["personalWorkspace"]
        key = await create_api_key(client, account["csrf"], slug, scopes=["read"])
        client.cookies.clear()
        url = f"/api/v1/workspaces/{slug}/prompts"
        served = [await client.get(url, headers=api_headers(key)) for _ in range(5)]
        assert [r.status_code for r in served] == [200] * 5
        assert [r.headers["x-cache"] for r in served[2:]] == [FAST] * 3
        assert [rate_limit_remaining(r.headers) for r in served] == [4, 3, 2, 1, 0]
        refused = await client.get(url, headers=api_headers(key))
        assert refused.status_code == 429, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
