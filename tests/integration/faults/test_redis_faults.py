"""Redis dies and comes back while the app keeps running (its own redis-server, killed and restarted).

Redis is an accelerator: while it is down the app answers from the database, no request waits longer than
the configured bound, readiness says which component fails, and everything recovers without a restart.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable
from typing import Any

import httpx
import pytest
from litestar import Litestar
from redis.asyncio import Redis

from app.config.settings import Settings
from app.lib.cache import AppCache
from app.lib.invalidation import InvalidationBus, LocalCache
from app.lib.services import services_of
from app.server.asgi import create_app
from tests.conftest import make_settings
from tests.integration.faults._api import add_version, create_prompt, resolve, setup_tenant, unique_text
from tests.integration.faults._probe import db_probe
from tests.integration.faults._procs import RedisServer
from tests.integration.faults._server import serve_in_loop

pytestmark = pytest.mark.slow

REQUEST_BOUND = 2.5
"""Generous per-request bound while Redis is dead or frozen (the configured REDIS_MAX_BLOCK is 1 s)."""


def _settings(redis_server: RedisServer, **overrides):
    # Plain http to 127.0.0.1: let the client send the session cookie back.
    return make_settings(REDIS_URL=redis_server.url, SESSION_COOKIE_SECURE="false", **overrides)


@pytest.fixture
async def redis_app(settings, redis_server: RedisServer) -> AsyncIterator[tuple[Litestar, httpx.AsyncClient]]:
    app = create_app(_settings(redis_server))
    app.register(db_probe)
    async with serve_in_loop(app) as client:
        yield app, client


async def _timed_get(client: httpx.AsyncClient, path: str) -> tuple[int, dict[str, Any], float]:
    started = time.perf_counter()
    response = await client.get(path)
    elapsed = time.perf_counter() - started
    assert elapsed < REQUEST_BOUND, f"{path} took {elapsed:.2f}s with Redis down"
    body = response.json() if response.content else {}
    return response.status_code, body, elapsed


def _check(body: dict[str, Any], component: str) -> str:
    return str(body["checks"][f"{component}:responseTime"][0]["status"])


async def _wait_ready(client: httpx.AsyncClient, timeout: float = 8.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    body: dict[str, Any] = {}
    while time.monotonic() < deadline:
        response = await client.get("/health/ready")
        body = response.json()
        if response.status_code == 200 and body["status"] == "pass":
            return body
        await asyncio.sleep(0.1)
    raise AssertionError(f"readiness did not pass again within {timeout}s: {body}")


async def _bus_delivers(bus: InvalidationBus, redis_url: str, namespace: str, timeout: float = 6.0) -> bool:
    """Publish from another client until the app's subscriber drops the key (it reconnects with backoff)."""
    cache: LocalCache[str] = bus.cache("faults-probe") or bus.register(LocalCache("faults-probe", ttl=60))  # type: ignore[assignment]
    publisher = Redis.from_url(redis_url)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            cache.set("k", "v")
            if await bus.wait_connected(timeout=0.5):
                await publisher.publish(f"{namespace}:invalidate", "faults-probe\x00k")
                for _ in range(20):
                    if cache.get("k") is None:
                        return True
                    await asyncio.sleep(0.05)
            await asyncio.sleep(0.1)
        return False
    finally:
        await publisher.aclose()


async def test_redis_killed_then_restarted(redis_app, redis_server: RedisServer) -> None:
    app, client = redis_app
    settings = services_of(app).get(Settings)
    body = await _wait_ready(client)
    assert _check(body, "redis") == "pass"
    assert await _bus_delivers(services_of(app).get(InvalidationBus), redis_server.url, settings.redis_namespace)
    assert await services_of(app).get(AppCache).set("faults:k", "cached", ttl=60)

    redis_server.kill()

    # Liveness never depends on Redis; readiness names Redis as the failing component and warns (200): the
    # database still serves everything, and Redis is shared, so failing would pull every instance at once.
    for _ in range(3):
        status, _, _ = await _timed_get(client, "/health/live")
        assert status == 200
        status, body, _ = await _timed_get(client, "/health/ready")
        assert status == 200
        assert body["status"] == "warn"
        assert _check(body, "redis") == "fail"
        assert _check(body, "database") == "pass"
        # Endpoints that only need the database keep answering.
        status, body, _ = await _timed_get(client, "/_faults/db")
        assert (status, body) == (200, {"value": 1})

    # The application cache degrades to misses, quickly, instead of raising.
    started = time.perf_counter()
    assert await services_of(app).get(AppCache).get("faults:k", str) is None
    assert await services_of(app).get(AppCache).set("faults:k", "cached", ttl=60) is False
    assert time.perf_counter() - started < REQUEST_BOUND

    # Same port, fresh (empty) server: the app recovers by itself.
    redis_server.start()
    body = await _wait_ready(client)
    assert _check(body, "redis") == "pass"
    assert await _bus_delivers(services_of(app).get(InvalidationBus), redis_server.url, settings.redis_namespace), (
        "the invalidation bus did not resubscribe after Redis came back"
    )
    # The cache breaker closes again after its cool-down: writes and reads work.
    deadline = time.monotonic() + 5
    while not await services_of(app).get(AppCache).set("faults:k", "again", ttl=60):
        assert time.monotonic() < deadline, "the application cache did not recover"
        await asyncio.sleep(0.2)
    assert await services_of(app).get(AppCache).get("faults:k", str) == "again"


async def test_redis_frozen_requests_stay_bounded(redis_app, redis_server: RedisServer) -> None:
    """A hung Redis (accepts TCP, never answers) costs each request at most the configured bound."""
    app, client = redis_app
    await _wait_ready(client)
    tenant = await setup_tenant(client)
    await create_prompt(client, tenant, "frozen", unique_text("frozen"), labels=["production"])
    redis_server.freeze()
    try:
        for _ in range(3):
            status, body, _ = await _timed_get(client, "/health/ready")
            assert (status, body["status"]) == (200, "warn")
            assert _check(body, "redis") == "fail"
            status, _, _ = await _timed_get(client, "/_faults/db")
            assert status == 200
            started = time.perf_counter()
            await services_of(app).get(AppCache).get("faults:frozen", str)
            assert time.perf_counter() - started < REQUEST_BOUND
            resolved = await _timed(resolve(client, tenant, "frozen"))
            assert resolved.status_code == 200, resolved.text
        login = await _timed(
            client.post("/api/v1/auth/login", json={"email": tenant.email, "password": tenant.password})
        )
        assert _is_503_problem(login), (login.status_code, login.text)
    finally:
        redis_server.thaw()
    await _wait_ready(client)


def _is_503_problem(response: httpx.Response) -> bool:
    return (
        response.status_code == 503
        and response.headers.get("content-type", "").startswith("application/problem+json")
        and response.json().get("status") == 503
    )


async def _timed(coro: Awaitable[httpx.Response]) -> httpx.Response:
    started = time.perf_counter()
    response = await coro
    elapsed = time.perf_counter() - started
    assert elapsed < REQUEST_BOUND, f"{response.request.method} {response.request.url.path} took {elapsed:.2f}s"
    return response


async def test_sessions_and_resolve_through_a_redis_outage(redis_app, redis_server: RedisServer) -> None:
    _app, client = redis_app
    tenant = await setup_tenant(client)  # the client now holds a session cookie
    await create_prompt(client, tenant, "warm", unique_text("warm"), labels=["production"])
    await create_prompt(client, tenant, "cold", unique_text("cold"), labels=["production"])
    assert (await resolve(client, tenant, "warm")).status_code == 200  # cached locally and in Redis

    redis_server.kill()

    # Cached endpoints keep answering, from the cache or the database.
    for name in ("warm", "cold"):
        response = await _timed(resolve(client, tenant, name))
        assert response.status_code == 200, response.text
        assert response.json()["version"] == 1
    # Writes do not depend on Redis, and the writer's own cache follows them.
    created = await _timed(
        client.post(
            tenant.prompts("/warm/versions"),
            json={"text": unique_text("v2"), "labels": ["production"]},
            headers=tenant.headers,
        )
    )
    assert created.status_code == 201, created.text
    response = await _timed(resolve(client, tenant, "warm"))
    assert response.status_code == 200, response.text
    assert response.json()["version"] == 2, response.text
    # API keys keep working (no Redis round trip on the request path).
    workspace = await _timed(client.get(f"/api/v1/workspaces/{tenant.slug}", headers=tenant.headers))
    assert workspace.status_code == 200, workspace.text

    # Sessions live in Redis: a login, and a request on an existing session, get a clear 503 problem.
    async with httpx.AsyncClient(base_url=str(client.base_url), timeout=10) as fresh:
        login = await _timed(
            fresh.post("/api/v1/auth/login", json={"email": tenant.email, "password": tenant.password})
        )
        assert _is_503_problem(login), (login.status_code, login.text)
        assert "Retry-After" in login.headers
    me = await _timed(client.get("/api/v1/auth/me"))
    assert _is_503_problem(me), (me.status_code, me.text)

    redis_server.start()  # empty: every session is gone, as after a real Redis loss
    await _wait_ready(client)
    async with httpx.AsyncClient(base_url=str(client.base_url), timeout=10) as fresh:
        deadline = time.monotonic() + 5
        while True:
            login = await fresh.post("/api/v1/auth/login", json={"email": tenant.email, "password": tenant.password})
            if login.status_code == 200 or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.2)
        assert login.status_code == 200, login.text
        me = await fresh.get("/api/v1/auth/me")
        assert me.status_code == 200, me.text
    assert (await resolve(client, tenant, "warm")).json()["version"] == 2


async def test_invalidation_reaches_other_instances_after_redis_restart(settings, redis_server: RedisServer) -> None:
    """Two instances; B keeps resolve answers locally for a minute, so only a bus message can refresh it."""
    app_a = create_app(_settings(redis_server))
    app_b = create_app(_settings(redis_server, RESOLVE_LOCAL_TTL=60))
    async with serve_in_loop(app_a) as a, serve_in_loop(app_b) as b:
        tenant = await setup_tenant(a)
        await create_prompt(a, tenant, "shared", unique_text("v1"), labels=["production"])
        assert (await resolve(b, tenant, "shared")).json()["version"] == 1

        redis_server.kill()
        await asyncio.sleep(0.3)
        redis_server.start()
        await _wait_ready(a)
        await _wait_ready(b)
        assert await services_of(app_b).get(InvalidationBus).wait_connected(timeout=6), "B did not resubscribe"
        assert await services_of(app_a).get(InvalidationBus).wait_connected(timeout=6), "A did not resubscribe"

        assert (await resolve(b, tenant, "shared")).json()["version"] == 1  # cached in B again (60 s)
        await add_version(a, tenant, "shared", unique_text("v2"), labels=["production"])
        deadline = time.monotonic() + 3
        version = 1
        while time.monotonic() < deadline:
            version = (await resolve(b, tenant, "shared")).json()["version"]
            if version == 2:
                break
            await asyncio.sleep(0.1)
        assert version == 2, "instance B still serves the old version: the invalidation message was lost"
