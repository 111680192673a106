"""Login throttling and per-key / per-user request rate limits, on real Redis."""

from __future__ import annotations

import asyncio
import time
import uuid

from litestar.testing import AsyncTestClient

from app.server.asgi import create_app
from tests.conftest import make_settings
from tests.integration.helpers import (
    DEFAULT_PASSWORD,
    api_headers,
    create_api_key,
    create_workspace,
    rate_limit_remaining,
    register,
)

BASE = "https://testserver.local"


def _isolated(**overrides):
    # Own Redis namespace: the address counter is shared by every test client ("testclient").
    return make_settings(REDIS_NAMESPACE=f"promptsmith-test-{uuid.uuid4().hex[:8]}", **overrides)


async def _wait_for_fresh_window(seconds_needed: float = 5.0) -> None:
    if 60 - time.time() % 60 < seconds_needed:
        await asyncio.sleep(60 - time.time() % 60 + 0.05)


async def test_failed_logins_past_the_account_limit_get_429_with_retry_after(database_url):
    app = create_app(_isolated(LOGIN_MAX_FAILURES_PER_ACCOUNT=3))
    async with AsyncTestClient(app=app, base_url=BASE) as client:
        account = await register(client)
        for _ in range(3):
            r = await client.post("/api/v1/auth/login", json={"email": account["email"], "password": "wrong guess!"})
            assert r.status_code == 401
        blocked = await client.post("/api/v1/auth/login", json={"email": account["email"], "password": "wrong guess!"})
        assert blocked.status_code == 429
        assert 0 < int(blocked.headers["Retry-After"]) <= 900
        # Even the right password waits: the throttle is checked before the password.
        right = await client.post("/api/v1/auth/login", json={"email": account["email"], "password": DEFAULT_PASSWORD})
        assert right.status_code == 429
        # An unknown email behaves the same (no enumeration through the throttle).
        ghost = f"ghost-{uuid.uuid4().hex[:8]}@example.com"
        statuses = [
            (await client.post("/api/v1/auth/login", json={"email": ghost, "password": "x" * 12})).status_code
            for _ in range(4)
        ]
        assert statuses == [401, 401, 401, 429]


async def test_failed_logins_past_the_address_limit_get_429(database_url):
    app = create_app(_isolated(LOGIN_MAX_FAILURES_PER_ADDRESS=4, LOGIN_MAX_FAILURES_PER_ACCOUNT=100))
    async with AsyncTestClient(app=app, base_url=BASE) as client:
        statuses = [
            (
                await client.post(
                    "/api/v1/auth/login",
                    json={"email": f"u{i}-{uuid.uuid4().hex[:6]}@example.com", "password": "nope nope"},
                )
            ).status_code
            for i in range(5)
        ]
        assert statuses == [401, 401, 401, 401, 429]


async def test_rate_limited_key_gets_429_with_headers(database_url):
    app = create_app(_isolated(RATE_LIMIT_API_KEY_PER_MINUTE=3))
    async with AsyncTestClient(app=app, base_url=BASE) as client:
        account = await register(client)
        slug = (await create_workspace(client, account["csrf"]))["slug"]
        key = await create_api_key(client, account["csrf"], slug, scopes=["read"])
        await _wait_for_fresh_window()
        responses = [await client.get(f"/api/v1/workspaces/{slug}", headers=api_headers(key)) for _ in range(4)]
        assert [r.status_code for r in responses] == [200, 200, 200, 429]
        assert [rate_limit_remaining(r.headers) for r in responses] == [2, 1, 0, 0]
        # RateLimit on every response; RateLimit-Policy where it is news: at most a tenth of the quota left (here
        # none: r=0) and on the refusal.
        policy = '"api-key";q=3;w=60'
        assert [r.headers.get("RateLimit-Policy") for r in responses] == [None, None, policy, policy]
        limited = responses[-1]
        assert 0 < int(limited.headers["Retry-After"]) <= 60
        assert limited.headers["RateLimit"] == f'"api-key";r=0;t={limited.headers["Retry-After"]}'
        assert limited.headers["content-type"].startswith("application/problem+json")
        # The user's own session has its own budget.
        assert (await client.get(f"/api/v1/workspaces/{slug}")).status_code == 200


async def test_rate_limit_is_shared_across_instances_through_redis(database_url):
    settings = _isolated(RATE_LIMIT_USER_PER_MINUTE=4)
    one, two = create_app(settings), create_app(settings)
    async with AsyncTestClient(app=one, base_url=BASE) as first, AsyncTestClient(app=two, base_url=BASE) as second:
        await register(first)
        await _wait_for_fresh_window()
        second.cookies.set("promptsmith_session", first.cookies.get("promptsmith_session"), domain="testserver.local")
        assert [(await first.get("/api/v1/auth/me")).status_code for _ in range(3)] == [200, 200, 200]
        await asyncio.sleep(0.4)  # the background flush reports the three hits to Redis
        assert (await second.get("/api/v1/auth/me")).status_code == 200
        await asyncio.sleep(0.4)  # ...and B learns the global count (4) back with its own flush
        assert (await second.get("/api/v1/auth/me")).status_code == 429
        # A last flushed when the count was 3; it may admit one more (the documented bounded overshoot),
        # and refuses once its flush brings the global count back.
        statuses = []
        for _ in range(3):
            statuses.append((await first.get("/api/v1/auth/me")).status_code)
            await asyncio.sleep(0.3)
        assert statuses in ([200, 429, 429], [429, 429, 429])


async def test_rate_limit_fails_open_when_redis_is_down(client, database_url):
    account = await register(client)
    slug = (await create_workspace(client, account["csrf"]))["slug"]
    key = await create_api_key(client, account["csrf"], slug, scopes=["read"])
    app = create_app(make_settings(REDIS_URL="redis://127.0.0.1:1/0", RATE_LIMIT_API_KEY_PER_MINUTE=1000))
    async with AsyncTestClient(app=app, base_url=BASE) as offline:
        for _ in range(3):
            response = await offline.get(f"/api/v1/workspaces/{slug}", headers=api_headers(key))
            assert response.status_code == 200, response.text
        await asyncio.sleep(0.3)  # a failed flush must not break later requests either
        assert (await offline.get(f"/api/v1/workspaces/{slug}", headers=api_headers(key))).status_code == 200


async def test_register_conflicts_are_throttled_like_failed_logins(database_url):
    """Register keeps its 409 for a taken email (documented in the README), but each 409 counts against the
    address: probing many emails meets the per-address limit and gets 429 with Retry-After."""
    app = create_app(_isolated(LOGIN_MAX_FAILURES_PER_ADDRESS=3, LOGIN_MAX_FAILURES_PER_ACCOUNT=100))
    async with AsyncTestClient(app=app, base_url=BASE) as client:
        taken = [(await register(client))["email"] for _ in range(3)]
        client.cookies.clear()
        statuses = [
            (
                await client.post(
                    "/api/v1/auth/register", json={"email": email, "password": DEFAULT_PASSWORD, "displayName": "P"}
                )
            ).status_code
            for email in [*taken, f"fresh-{uuid.uuid4().hex[:8]}@example.com"]
        ]
        assert statuses == [409, 409, 409, 429]
