"""The generate fast path: it replays only deterministic answers the full path served to the same API key for the
same body (`app.domain.generation.fastpath`). `X-Cache: hit; fast` marks a replay; the full path sends none."""

from __future__ import annotations

import asyncio
import json
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
URL = "/api/v1/generate"
BRIEF = {"task": "Answer billing questions for Acme's customers in a friendly tone.", "target": "claude"}
VARYING = {"x-request-id", "x-cache", "ratelimit"}


class Setup:
    def __init__(self, client: Any, slug: str, key: str, csrf: str, cookies: dict[str, str]) -> None:
        self.client, self.slug, self.key, self.csrf, self.cookies = client, slug, key, csrf, cookies

    async def post(self, body: Any = BRIEF, key: str | None = None, **kw: Any) -> httpx.Response:
        self.client.cookies.clear()  # API-key requests only (a cookie always takes the full path)
        headers = {**api_headers(key or self.key), "Content-Type": "application/json", **kw.pop("headers", {})}
        content = body if isinstance(body, bytes) else json.dumps(body).encode()
        response: httpx.Response = await self.client.post(URL, content=content, headers=headers, **kw)
        return response


async def _setup(client: Any, scopes: list[str] | None = None) -> Setup:
    account = await register(client)
    slug = (await create_workspace(client, account["csrf"]))["slug"]
    key = await create_api_key(client, account["csrf"], slug, scopes=scopes or ["read", "write"])
    return Setup(client, slug, key, account["csrf"], dict(client.cookies))


async def test_the_second_identical_request_is_replayed_with_the_same_body_and_headers(client: Any) -> None:
    setup = await _setup(client)
    body = {**BRIEF, "task": f"Answer billing questions for Acme ({uuid.uuid4().hex[:6]}) in a friendly tone."}
    first = await setup.post(body)
    assert first.status_code == 200, first.text
    assert "x-cache" not in first.headers  # the full path
    fast = await setup.post(body)
    assert fast.status_code == 200
    assert fast.headers["x-cache"] == FAST
    assert fast.content == first.content
    assert {k for k in first.headers if k not in VARYING} == {k for k in fast.headers if k not in VARYING}
    assert fast.headers["content-type"] == "application/json"
    assert fast.headers["x-content-type-options"] == "nosniff"
    assert rate_limit_remaining(fast.headers) < rate_limit_remaining(first.headers)
    # Another body (one byte differs) is a new request: the full path, which stores it in turn.
    other = json.dumps(body).encode() + b" "
    assert "x-cache" not in (await setup.post(other)).headers
    assert (await setup.post(other)).headers["x-cache"] == FAST
    # A session cookie always takes the full path (CSRF and the session are checked there).
    client.cookies.clear()
    client.cookies.update(setup.cookies)
    as_user = await client.post(URL, json=body, headers={"X-CSRF-Token": setup.csrf})
    assert as_user.status_code == 200
    assert "x-cache" not in as_user.headers
    no_csrf = await client.post(URL, json=body)
    assert no_csrf.status_code == 403


async def test_gzip_on_the_fast_path_matches_the_full_path(client: Any) -> None:
    setup = await _setup(client)
    headers = {"Accept-Encoding": "gzip"}
    full = await setup.post(headers=headers)
    fast = await setup.post(headers=headers)
    assert fast.headers["x-cache"] == FAST
    assert fast.headers["content-encoding"] == full.headers["content-encoding"] == "gzip"
    assert fast.headers["vary"] == full.headers["vary"]
    assert fast.json() == full.json()
    raw = await setup.post(headers={"Accept-Encoding": "identity"})
    assert raw.headers["x-cache"] == FAST
    assert "content-encoding" not in raw.headers
    assert raw.json() == full.json()


async def test_only_keys_the_full_path_allowed_get_a_replay(client: Any) -> None:
    setup = await _setup(client)
    await setup.post()
    assert (await setup.post()).headers["x-cache"] == FAST
    # A read-only key of the same workspace: the answer is cached, but this key never passed the write guard.
    client.cookies.clear()
    client.cookies.update(setup.cookies)
    reader = await create_api_key(client, setup.csrf, setup.slug, scopes=["read"], name="reader")
    for _ in range(2):
        refused = await setup.post(key=reader)
        assert refused.status_code == 403, refused.text
        assert "x-cache" not in refused.headers
    # Another write key: the full path first, then its own replays.
    client.cookies.clear()
    client.cookies.update(setup.cookies)
    writer = await create_api_key(client, setup.csrf, setup.slug, scopes=["write"], name="writer")
    assert "x-cache" not in (await setup.post(key=writer)).headers
    assert (await setup.post(key=writer)).headers["x-cache"] == FAST
    # A mangled credential: the guard answers.
    assert (await setup.post(key=setup.key[:-1] + "x")).status_code == 401


async def test_revoked_key_gets_401_on_the_next_request(client: Any) -> None:
    setup = await _setup(client)
    await setup.post()
    assert (await setup.post()).headers["x-cache"] == FAST
    client.cookies.clear()
    client.cookies.update(setup.cookies)
    keys = (await client.get(f"/api/v1/workspaces/{setup.slug}/api-keys")).json()["items"]
    revoked = await client.delete(
        f"/api/v1/workspaces/{setup.slug}/api-keys/{keys[0]['id']}", headers={"X-CSRF-Token": setup.csrf}
    )
    assert revoked.status_code == 204
    r = await setup.post()
    assert r.status_code == 401, r.text
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_rejected_and_llm_requests_are_never_replayed(client: Any) -> None:
    setup = await _setup(client)
    await setup.post()  # the key holds a grant
    for body in ({"task": "  "}, {"task": "hi", "temprature": 1}, {**BRIEF, "engine": "llm"}):
        for _ in range(2):
            r = await setup.post(body)
            assert r.status_code == 400, r.text
            assert "x-cache" not in r.headers
    for _ in range(2):  # not JSON at all
        r = await setup.post(b"{not json")
        assert r.status_code == 400
        assert "x-cache" not in r.headers


async def test_rate_limit_is_enforced_on_the_fast_path(database_url: str) -> None:
    settings = make_settings(
        REDIS_NAMESPACE=f"promptsmith-test-{uuid.uuid4().hex[:8]}", RATE_LIMIT_API_KEY_PER_MINUTE=4
    )
    if 60 - time.time() % 60 < 5:  # keep the whole test inside one window
        await asyncio.sleep(60 - time.time() % 60 + 0.05)
    async with AsyncTestClient(app=create_app(settings), base_url=BASE_URL) as client:
        setup = await _setup(client)
        served = [await setup.post() for _ in range(4)]
        assert [r.status_code for r in served] == [200] * 4
        assert [r.headers.get("x-cache") for r in served] == [None, FAST, FAST, FAST]
        assert [rate_limit_remaining(r.headers) for r in served] == [3, 2, 1, 0]
        refused = await setup.post()
        assert refused.status_code == 429, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert int(refused.headers["retry-after"]) >= 1
