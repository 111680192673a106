"""The resolve fast path (authorized response cache) and the cached authorization behind it.

The fast path only replays what the full path authorized for the same credential (see
`app.domain.delivery.fastpath`); these tests check that every invalidation rule reaches it, that the headers and
the rate limit are the same, and that `X-Cache` tells which path answered (`hit; fast` vs the handler's values).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from app.config.settings import Settings
from app.domain.access.runtime import AccessRuntime
from app.lib.invalidation import InvalidationBus
from app.lib.services import services_of
from app.server.asgi import create_app
from tests.conftest import make_settings
from tests.integration.helpers import (
    add_member,
    api_headers,
    create_api_key,
    create_workspace,
    login,
    rate_limit_remaining,
    register,
)

BASE_URL = "https://testserver.local"
FAST = "hit; fast"


class Setup:
    """A workspace with a key and one prompt labelled production; the client's session cookie kept aside."""

    def __init__(self, client: Any, slug: str, key: str, csrf: str, cookies: dict[str, str]) -> None:
        self.client, self.slug, self.key, self.csrf, self.cookies = client, slug, key, csrf, cookies

    @property
    def base(self) -> str:
        return f"/api/v1/workspaces/{self.slug}/prompts"

    def resolve_url(self, name: str = "fast/path") -> str:
        return f"{self.base}/{name.replace('/', '%2F')}/resolve"

    async def as_key(self, method: str, url: str, key: str | None = None, **kw: Any) -> httpx.Response:
        self.client.cookies.clear()  # no session cookie: API-key requests only (a cookie always takes the full path)
        headers = {**api_headers(key or self.key), **kw.pop("headers", {})}
        response: httpx.Response = await self.client.request(method, url, headers=headers, **kw)
        return response

    async def as_user(self, method: str, url: str, **kw: Any) -> httpx.Response:
        self.client.cookies.clear()
        self.client.cookies.update(self.cookies)
        headers = {"X-CSRF-Token": self.csrf, **kw.pop("headers", {})}
        response: httpx.Response = await self.client.request(method, url, headers=headers, **kw)
        return response


async def _setup(client: Any, name: str = "fast/path") -> Setup:
    account = await register(client)
    slug = (await create_workspace(client, account["csrf"]))["slug"]
    key = await create_api_key(client, account["csrf"], slug, scopes=["read", "write", "admin"])
    setup = Setup(client, slug, key, account["csrf"], dict(client.cookies))
    assert (await setup.as_key("POST", setup.base, json={"name": name})).status_code == 201
    created = await setup.as_key(
        "POST", f"{setup.base}/{name.replace('/', '%2F')}/versions", json={"text": "one", "labels": ["production"]}
    )
    assert created.status_code == 201, created.text
    return setup


async def _warm(setup: Setup, url: str | None = None) -> httpx.Response:
    """Resolve until the fast path answers; returns that response."""
    url = url or setup.resolve_url()
    for _ in range(3):
        r = await setup.as_key("GET", url)
        assert r.status_code == 200, r.text
        if r.headers["x-cache"] == FAST:
            return r
    raise AssertionError(f"the fast path never answered (X-Cache {r.headers['x-cache']})")


async def test_x_cache_tells_which_path_served(client: Any) -> None:
    setup = await _setup(client)
    first = await setup.as_key("GET", setup.resolve_url())
    assert first.headers["x-cache"] == "miss"  # full path, loaded from the database
    fast = await setup.as_key("GET", setup.resolve_url())
    assert fast.headers["x-cache"] == FAST
    assert fast.content == first.content
    assert fast.headers["etag"] == first.headers["etag"]
    # Same headers either way (only the request id and the remaining budget differ).
    varying = {"x-request-id", "x-cache", "ratelimit"}
    assert {k for k in first.headers if k not in varying} == {k for k in fast.headers if k not in varying}
    assert fast.headers["cache-control"] == "no-cache"
    assert fast.headers["content-type"] == "application/json"
    assert fast.headers["x-content-type-options"] == "nosniff"
    assert rate_limit_remaining(fast.headers) < rate_limit_remaining(first.headers)
    # A session cookie, an odd query string or another route: the full path (`hit` from the handler).
    with_cookie = await setup.as_user("GET", setup.resolve_url())
    assert with_cookie.status_code == 200
    assert with_cookie.headers["x-cache"] == "hit"
    odd = await setup.as_key("GET", setup.resolve_url() + "?label=production&x=1")
    assert odd.headers["x-cache"] == "hit"
    assert (await setup.as_key("GET", setup.resolve_url() + "?label=production&x=1")).headers["x-cache"] == "hit"


async def test_if_none_match_gets_304_on_the_fast_path(client: Any) -> None:
    setup = await _setup(client)
    warm = await _warm(setup)
    r = await setup.as_key("GET", setup.resolve_url(), headers={"If-None-Match": warm.headers["etag"]})
    assert r.status_code == 304
    assert r.headers["x-cache"] == FAST
    assert r.headers["etag"] == warm.headers["etag"]
    assert r.content == b""
    other = await setup.as_key("GET", setup.resolve_url(), headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200
    assert other.headers["x-cache"] == FAST


async def test_gzip_on_the_fast_path_matches_the_full_path(client: Any) -> None:
    setup = await _setup(client)
    big = "a long prompt " * 200
    moved = await setup.as_key(
        "POST", f"{setup.base}/fast%2Fpath/versions", json={"text": big, "labels": ["production"]}
    )
    assert moved.status_code == 201
    full = await setup.as_key("GET", setup.resolve_url(), headers={"Accept-Encoding": "gzip"})
    fast = await setup.as_key("GET", setup.resolve_url(), headers={"Accept-Encoding": "gzip"})
    assert (full.headers["x-cache"], fast.headers["x-cache"]) == ("miss", FAST)
    assert fast.headers["content-encoding"] == full.headers["content-encoding"] == "gzip"
    assert fast.headers["vary"] == full.headers["vary"]
    assert fast.json() == full.json()
    assert fast.json()["text"] == big


async def test_revoked_key_gets_401_on_the_next_request_although_the_answer_was_cached(client: Any) -> None:
    setup = await _setup(client)
    await _warm(setup)
    keys = (await setup.as_user("GET", f"/api/v1/workspaces/{setup.slug}/api-keys")).json()["items"]
    revoked = await setup.as_user("DELETE", f"/api/v1/workspaces/{setup.slug}/api-keys/{keys[0]['id']}")
    assert revoked.status_code == 204
    r = await setup.as_key("GET", setup.resolve_url())
    assert r.status_code == 401, r.text
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_revocation_on_another_instance_stops_the_fast_path(settings: Settings) -> None:
    one, two = create_app(settings), create_app(settings)
    async with (
        AsyncTestClient(app=one, base_url=BASE_URL) as first,
        AsyncTestClient(app=two, base_url=BASE_URL) as second,
    ):
        # The bus (its asyncio.Event) lives in the second client's thread: wait there, not in this test's loop.
        with second.portal() as portal:
            assert portal.call(services_of(two).get(InvalidationBus).wait_connected)
        setup = await _setup(first)
        other = Setup(second, setup.slug, setup.key, setup.csrf, setup.cookies)
        await _warm(other)
        keys = (await setup.as_user("GET", f"/api/v1/workspaces/{setup.slug}/api-keys")).json()["items"]
        assert (
            await setup.as_user("DELETE", f"/api/v1/workspaces/{setup.slug}/api-keys/{keys[0]['id']}")
        ).status_code == 204
        for _ in range(50):  # pub/sub delivery takes milliseconds
            if services_of(two).get(AccessRuntime).keys.cache.get(setup.key[:16]) is None:
                break
            await asyncio.sleep(0.01)
        assert (await other.as_key("GET", other.resolve_url())).status_code == 401


async def test_a_key_of_another_workspace_never_gets_the_cached_answer(client: Any) -> None:
    setup = await _setup(client)
    await _warm(setup)
    stranger = await _setup(client, name="theirs")  # another account, workspace and key
    for _ in range(3):
        r = await stranger.as_key("GET", setup.resolve_url())
        assert r.status_code == 404, r.text
        assert "x-cache" not in r.headers
    # A read-only key of the SAME workspace is its own credential: the full path first, then its own entry.
    client.cookies.clear()
    client.cookies.update(setup.cookies)
    read_key = await create_api_key(client, setup.csrf, setup.slug, scopes=["read"], name="reader")
    # (Which cache layer the full path finds depends on timing: the version's repeated invalidation, 0.5 s after
    # it was created, may have dropped the answer in the meantime. What matters: not the fast path.)
    first = await setup.as_key("GET", setup.resolve_url(), key=read_key)
    assert first.headers["x-cache"] in {"hit", "hit-shared", "miss"}
    assert (await setup.as_key("GET", setup.resolve_url(), key=read_key)).headers["x-cache"] == FAST
    # A mangled credential never matches an entry: the guard answers.
    assert (await setup.as_key("GET", setup.resolve_url(), key=setup.key[:-1] + "x")).status_code == 401


async def test_label_move_and_prompt_delete_reach_the_fast_path(client: Any) -> None:
    setup = await _setup(client)
    await _warm(setup)
    added = await setup.as_key(
        "POST", f"{setup.base}/fast%2Fpath/versions", json={"text": "two", "labels": ["production"]}
    )
    assert added.status_code == 201
    r = await setup.as_key("GET", setup.resolve_url())
    assert r.json()["version"] == 2
    assert r.headers["x-cache"] == "miss"


async def test_rate_limit_is_enforced_on_the_fast_path(database_url: str) -> None:
    settings = make_settings(
        REDIS_NAMESPACE=f"promptsmith-test-{uuid.uuid4().hex[:8]}", RATE_LIMIT_API_KEY_PER_MINUTE=6
    )
    if 60 - time.time() % 60 < 5:  # keep the whole test inside one window
        await asyncio.sleep(60 - time.time() % 60 + 0.05)
    app = create_app(settings)
    async with AsyncTestClient(app=app, base_url=BASE_URL) as client:
        setup = await _setup(client)  # 2 of the 6 (create prompt, create version)
        served = [await setup.as_key("GET", setup.resolve_url()) for _ in range(4)]
        assert [r.status_code for r in served] == [200] * 4
        assert [r.headers["x-cache"] for r in served] == ["miss", FAST, FAST, FAST]
        assert [rate_limit_remaining(r.headers) for r in served] == [3, 2, 1, 0]
        # The policy only once at most a tenth of the quota is left (here: none), on either path.
        policy = '"api-key";q=6;w=60'
        assert [r.headers.get("ratelimit-policy") for r in served] == [None, None, None, policy]
        refused = await setup.as_key("GET", setup.resolve_url())
        assert refused.status_code == 429, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert int(refused.headers["retry-after"]) >= 1
        assert rate_limit_remaining(refused.headers) == 0
        assert refused.headers["ratelimit-policy"] == policy


async def test_a_fully_cached_request_runs_no_sql_on_the_full_path(app: Litestar, client: Any) -> None:
    setup = await _setup(client)
    await _warm(setup)
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    engine = services_of(app).get(AsyncEngine).sync_engine
    event.listen(engine, "before_cursor_execute", count)
    odd = setup.resolve_url() + "?label=production&odd=1"  # not fast-path eligible: Litestar serves it
    assert (await setup.as_key("GET", odd)).status_code == 200
    try:
        statements.clear()
        r = await setup.as_key("GET", odd)
        assert r.status_code == 200
        assert r.headers["x-cache"] == "hit"
        assert statements == []  # guard (key, workspace) and handler all answered from memory; no session
        workspace = await setup.as_key("GET", f"/api/v1/workspaces/{setup.slug}")
        assert workspace.status_code == 200
        assert statements == []
    finally:
        event.remove(engine, "before_cursor_execute", count)


# --- cached workspace and membership: every change is seen by the next request ---------------------------------


async def test_member_removal_and_role_change_take_effect_on_the_next_request(client: Any) -> None:
    owner = await register(client)
    slug = (await create_workspace(client, owner["csrf"]))["slug"]
    owner_cookies = dict(client.cookies)
    client.cookies.clear()  # registering with the owner's cookie would end the owner's session
    member = await register(client)
    member_cookies = dict(client.cookies)
    client.cookies.clear()
    client.cookies.update(owner_cookies)
    await add_member(client, owner["csrf"], slug, member["email"], "editor")

    async def as_member(method: str, url: str, **kw: Any) -> httpx.Response:
        client.cookies.clear()
        client.cookies.update(member_cookies)
        r: httpx.Response = await client.request(method, url, headers={"X-CSRF-Token": member["csrf"]}, **kw)
        return r

    async def as_owner(method: str, url: str, **kw: Any) -> httpx.Response:
        client.cookies.clear()
        client.cookies.update(owner_cookies)
        r: httpx.Response = await client.request(method, url, headers={"X-CSRF-Token": owner["csrf"]}, **kw)
        return r

    assert (await as_member("GET", f"/api/v1/workspaces/{slug}")).json()["role"] == "editor"  # now cached
    assert (await as_member("GET", f"/api/v1/workspaces/{slug}")).json()["role"] == "editor"
    changed = await as_owner(
        "PATCH", f"/api/v1/workspaces/{slug}/members/{member['user']['id']}", json={"role": "viewer"}
    )
    assert changed.status_code == 200, changed.text
    assert (await as_member("GET", f"/api/v1/workspaces/{slug}")).json()["role"] == "viewer"
    denied = await as_member("POST", f"/api/v1/workspaces/{slug}/prompts", json={"name": "nope"})
    assert denied.status_code == 403
    removed = await as_owner("DELETE", f"/api/v1/workspaces/{slug}/members/{member['user']['id']}")
    assert removed.status_code == 204
    assert (await as_member("GET", f"/api/v1/workspaces/{slug}")).status_code == 404
    assert (await as_member("GET", f"/api/v1/workspaces/{slug}/prompts")).status_code == 404


async def test_workspace_settings_and_deletion_take_effect_on_the_next_request(client: Any) -> None:
    setup = await _setup(client)
    await _warm(setup)
    ws_url = f"/api/v1/workspaces/{setup.slug}"
    assert (await setup.as_key("GET", ws_url)).json()["protectedLabels"] == ["production"]
    patched = await setup.as_user("PATCH", ws_url, json={"name": "Renamed", "protectedLabels": ["production", "x"]})
    assert patched.status_code == 200, patched.text
    after = (await setup.as_key("GET", ws_url)).json()
    assert (after["name"], after["protectedLabels"]) == ("Renamed", ["production", "x"])
    # Re-warm the fast path, then delete the workspace: its key and its cached answers stop at once.
    await _warm(setup)
    assert (await setup.as_user("DELETE", ws_url)).status_code == 204
    gone = await setup.as_key("GET", setup.resolve_url())
    assert gone.status_code == 401, gone.text


async def test_login_as_removed_member_after_relogin_still_404(client: Any) -> None:
    """A fresh session (new login) does not resurrect a cached membership either."""
    owner = await register(client)
    slug = (await create_workspace(client, owner["csrf"]))["slug"]
    owner_cookies = dict(client.cookies)
    client.cookies.clear()  # registering with the owner's cookie would end the owner's session
    member = await register(client)
    client.cookies.clear()
    client.cookies.update(owner_cookies)
    await add_member(client, owner["csrf"], slug, member["email"], "viewer")
    client.cookies.clear()
    csrf = await login(client, member["email"])  # a second session of the member
    assert (await client.get(f"/api/v1/workspaces/{slug}")).status_code == 200
    member_cookies = dict(client.cookies)
    client.cookies.clear()
    client.cookies.update(owner_cookies)
    assert (
        await client.delete(
            f"/api/v1/workspaces/{slug}/members/{member['user']['id']}", headers={"X-CSRF-Token": owner["csrf"]}
        )
    ).status_code == 204
    client.cookies.clear()
    client.cookies.update(member_cookies)
    assert (await client.get(f"/api/v1/workspaces/{slug}", headers={"X-CSRF-Token": csrf})).status_code == 404


# --- two real instances ----------------------------------------------------------------------------------------


@pytest.fixture
async def instance_clients(
    two_instances: tuple[str, str],
) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    async with (
        httpx.AsyncClient(base_url=two_instances[0], timeout=10) as a,
        httpx.AsyncClient(base_url=two_instances[1], timeout=10) as b,
    ):
        yield a, b


@pytest.mark.slow
async def test_label_move_reaches_the_fast_path_of_a_second_instance_within_one_second(
    instance_clients: tuple[httpx.AsyncClient, httpx.AsyncClient], client: Any
) -> None:
    a, b = instance_clients
    setup = await _setup(client)
    headers = api_headers(setup.key)
    name = "fast%2Fpath"
    assert (await a.post(f"{setup.base}/{name}/versions", json={"text": "two"}, headers=headers)).status_code == 201
    url = setup.resolve_url()
    for _ in range(3):
        r = await b.get(url, headers=headers)
    assert (r.headers["x-cache"], r.json()["version"]) == (FAST, 1)  # B answers from its fast path
    moved = await a.put(f"{setup.base}/{name}/labels/production", json={"version": 2}, headers=headers)
    assert moved.status_code == 200, moved.text
    started = time.monotonic()
    while True:
        r = await b.get(url, headers=headers)
        assert r.status_code == 200
        if r.json()["version"] == 2:
            break
        assert time.monotonic() - started < 1.0, f"B still serves version 1 (X-Cache {r.headers['x-cache']})"
        await asyncio.sleep(0.01)
    assert time.monotonic() - started < 1.0
    # And B's fast path picks the new answer up again.
    for _ in range(3):
        r = await b.get(url, headers=headers)
    assert (r.headers["x-cache"], r.json()["version"]) == (FAST, 2)
