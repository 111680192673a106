"""Health: live never touches a dependency; ready reports each component, bounded by timeouts."""

from __future__ import annotations

import asyncio
import time

import asyncpg
import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from app.config.stores import create_store_registry
from app.lib.cache import AppCache
from app.lib.invalidation import InvalidationBus
from app.lib.redis import create_redis_client
from app.server.lifespan import StartupError, wait_for_database
from tests.conftest import ADMIN_DATABASE_URL, REDIS_URL, _asyncpg_dsn, make_settings
from tests.integration.system.conftest import BlackHole, build_app, free_port

HEALTH = "application/health+json"
# Generous: the bound under test is ~0.5-1 s, but the machine is shared and noisy.
SLOW = 3.0


def _leaves(error: BaseException) -> list[BaseException]:
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in _leaves(inner)]
    return [error]


def _check(body, name):
    return body["checks"][f"{name}:responseTime"][0]


async def test_live_and_ready_pass(test_client):
    live = await test_client.get("/health/live")
    assert live.status_code == 200
    assert live.headers["content-type"] == HEALTH
    assert live.json()["status"] == "pass"
    assert "checks" not in live.json()

    ready = await test_client.get("/health/ready")
    assert ready.status_code == 200, ready.text
    assert ready.headers["content-type"] == HEALTH
    body = ready.json()
    assert body["status"] == "pass"
    assert set(body["checks"]) == {"database:responseTime", "database:schema", "redis:responseTime"}
    assert body["checks"]["database:schema"][0]["status"] == "pass"
    for name in ("database", "redis"):
        check = _check(body, name)
        assert check["status"] == "pass"
        assert check["componentType"] == "datastore"
        assert check["observedUnit"] == "ms"
        assert 0 <= check["observedValue"] < 1000 * SLOW


async def test_health_is_public_and_documented(test_client):
    schema = (await test_client.get("/schema/openapi.json")).json()
    ready = schema["paths"]["/health/ready"]["get"]
    assert {"200", "503"} <= ready["responses"].keys()
    assert HEALTH in ready["responses"]["503"]["content"]


@pytest.mark.parametrize("redis_kind", ["closed-port", "black-hole"])
async def test_dead_redis_ready_warns_quickly_live_200(settings, redis_kind):
    """A refused or a hung Redis: ready says `warn` (200) within the configured bound, since the database still
    serves everything; Redis is shared, so failing readiness would pull every instance at once."""
    async with BlackHole() as hole:
        port = hole.port if redis_kind == "black-hole" else free_port()
        app = build_app(redis_url=f"redis://127.0.0.1:{port}/0")
        async with AsyncTestClient(app=app) as client:
            started = time.perf_counter()
            ready = await client.get("/health/ready")
            elapsed = time.perf_counter() - started
            assert ready.status_code == 200, ready.text
            assert ready.headers["content-type"] == HEALTH
            body = ready.json()
            assert body["status"] == "warn"
            assert "redis" in body["description"]
            assert _check(body, "redis")["status"] == "fail"
            assert _check(body, "redis")["output"]  # a short reason (an error class), nothing internal
            assert "127.0.0.1" not in ready.text
            assert _check(body, "database")["status"] == "pass"
            assert elapsed < SLOW, f"ready took {elapsed:.2f}s with Redis {redis_kind}"

            started = time.perf_counter()
            live = await client.get("/health/live")
            assert live.status_code == 200
            assert time.perf_counter() - started < 1.0


async def test_hung_redis_costs_the_cache_at_most_the_bound(settings):
    """The app cache over a hung Redis: one bounded miss, then the breaker skips Redis entirely."""
    async with BlackHole() as hole:
        config = make_settings(redis_url=f"redis://127.0.0.1:{hole.port}/0")
        redis = create_redis_client(config)
        assert redis is not None
        cache = AppCache(create_store_registry(config, redis).get("cache"))
        try:
            started = time.perf_counter()
            assert await cache.get("some-key", dict) is None
            first = time.perf_counter() - started
            bound = config.redis_socket_timeout * (config.redis_retries + 1)
            assert bound <= config.redis_max_block
            assert first < bound + 1.0, f"first miss took {first:.2f}s (bound {bound}s)"

            started = time.perf_counter()
            assert await cache.set("some-key", {"a": 1}) is False
            assert await cache.get("some-key", dict) is None
            assert time.perf_counter() - started < 0.1  # circuit open: no network wait at all
        finally:
            await redis.aclose()


@pytest.mark.parametrize(
    ("redis_url", "status", "code"),
    [(REDIS_URL, "warn", 200), ("redis://127.0.0.1:1/0", "fail", 503)],
    ids=["last-known-good-reachable", "nothing-reachable"],
)
async def test_database_lost_after_start(settings, redis_url, status, code):
    """Start on a reachable database, then drop it. While the last-known-good store (Redis) answers, resolves are
    still served, so ready warns with 200; with Redis gone too nothing can be served and ready fails with 503.
    Live stays 200 either way."""
    name = f"promptsmith_health_{free_port()}"
    dsn = _asyncpg_dsn(ADMIN_DATABASE_URL)
    admin = await asyncpg.connect(dsn)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        url = make_url(ADMIN_DATABASE_URL).set(database=name).render_as_string(hide_password=False)
        app = build_app(database_url=url, db_connect_retries=0, auto_migrate="true", redis_url=redis_url)
        async with AsyncTestClient(app=app) as client:
            assert (await client.get("/health/ready")).status_code in (200, 503)
            await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')

            started = time.perf_counter()
            ready = await client.get("/health/ready")
            assert ready.status_code == code, ready.text
            body = ready.json()
            assert body["status"] == status
            assert "database" in body["description"]
            assert _check(body, "database")["status"] == "fail"
            assert "database:schema" not in body["checks"]
            assert name not in ready.text
            assert time.perf_counter() - started < SLOW
            assert (await client.get("/health/live")).status_code == 200
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def test_never_migrated_database_refuses_to_start_and_readiness_fails(settings):
    """A database that was never migrated: start-up stops with one clear line (it used to start, pass readiness
    and answer every request with a 500), and readiness names the pending migrations."""
    name = f"promptsmith_unmigrated_{free_port()}"
    admin = await asyncpg.connect(_asyncpg_dsn(ADMIN_DATABASE_URL))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        url = make_url(ADMIN_DATABASE_URL).set(database=name).render_as_string(hide_password=False)
        app = build_app(database_url=url, db_connect_retries=0, auto_migrate="false")
        with pytest.raises(BaseExceptionGroup) as info:  # the test client's task group wraps the start-up error
            async with AsyncTestClient(app=app):
                pass
        startup_errors = [e for e in _leaves(info.value) if isinstance(e, StartupError)]
        assert startup_errors, info.value
        assert "never migrated" in str(startup_errors[0])
        assert "database upgrade" in str(startup_errors[0])

        from app.config.database import create_engine, migration_head
        from app.domain.system.services import check_readiness

        engine = create_engine(make_settings(database_url=url))
        try:
            health = await check_readiness(engine, None, 2.0, expected_revision=migration_head(), stale_fallback=True)
        finally:
            await engine.dispose()
        assert health.status == "fail"
        assert health.checks is not None
        assert health.checks["database:schema"][0].status == "fail"
        assert "upgrade" in (health.checks["database:schema"][0].output or "")
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def test_unreachable_database_at_start_fails_fast_with_one_clear_message():
    """By design start-up waits for the database a bounded number of times, then stops (no half-alive app)."""
    engine = create_async_engine(f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/nothing")
    try:
        started = time.perf_counter()
        with pytest.raises(StartupError) as info:
            await wait_for_database(engine, retries=1, delay=0.05)
        assert time.perf_counter() - started < SLOW
        message = str(info.value)
        assert "DATABASE_URL" in message
        assert "2 attempts" in message
        assert "\n" not in message
    finally:
        await engine.dispose()


async def test_invalidation_bus_stops_promptly():
    """Stopping the subscriber never hangs (redis-py may swallow a cancellation racing its read timeout)."""
    settings = make_settings()
    for _ in range(5):
        redis = create_redis_client(settings)
        assert redis is not None
        bus = InvalidationBus(redis, channel=f"{settings.redis_namespace}:test-invalidate")
        await bus.start()
        assert await bus.wait_connected(timeout=2.0)
        await asyncio.sleep(0.01)
        started = time.perf_counter()
        await asyncio.wait_for(bus.stop(), timeout=SLOW)
        assert time.perf_counter() - started < 1.5
        await redis.aclose()


async def test_redis_fixture_is_the_configured_server(redis):
    # Guards the assumptions above: the test Redis really is up (so a 'fail' means the dead one).
    assert await redis.ping()
    assert REDIS_URL.startswith("redis://")
