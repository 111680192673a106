"""PostgreSQL connections killed, and PostgreSQL down then back, while the app keeps running.

- Killed connections (`pg_terminate_backend`): the pool's pre-ping replaces them; no request fails.
- Database down (a throwaway cluster stopped with `pg_ctl`): a 503 problem within the pool timeout,
  readiness fails; when the cluster is started again the app recovers by itself.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import asyncpg
import httpx
import pytest
from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncEngine

from app.lib.services import services_of
from app.server.asgi import create_app
from tests.conftest import make_settings
from tests.integration.faults._api import create_prompt, resolve, setup_tenant, unique_text
from tests.integration.faults._db import asyncpg_dsn as _dsn
from tests.integration.faults._db import terminate_app_connections
from tests.integration.faults._probe import db_probe
from tests.integration.faults._procs import PostgresCluster
from tests.integration.faults._server import serve_in_loop

pytestmark = pytest.mark.slow

POOL_TIMEOUT = 1.0


async def _wait_ready(client: httpx.AsyncClient, timeout: float = 15.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    body: dict[str, Any] = {}
    while time.monotonic() < deadline:
        response = await client.get("/health/ready")
        body = response.json()
        if response.status_code == 200 and body["status"] == "pass":
            return body
        await asyncio.sleep(0.1)
    raise AssertionError(f"readiness did not pass within {timeout}s: {body}")


async def test_killed_connections_are_replaced(database_url: str) -> None:
    app = create_app(make_settings(DB_POOL_SIZE=4, DB_MAX_OVERFLOW=2))
    app.register(db_probe)
    async with serve_in_loop(app) as client:
        # Fill the pool with several connections.
        responses = await asyncio.gather(*(client.get("/_faults/db") for _ in range(8)))
        assert {r.status_code for r in responses} == {200}
        for _round in range(3):
            killed = await terminate_app_connections(database_url)
            assert killed >= 1
            # Every request after the kill succeeds (pre-ping detects the dead connections), sequential and concurrent.
            for _ in range(3):
                response = await client.get("/_faults/db")
                assert response.status_code == 200, response.text
            responses = await asyncio.gather(*(client.get("/_faults/db") for _ in range(8)))
            assert [r.status_code for r in responses] == [200] * 8, [r.text for r in responses if r.status_code != 200]
            ready = await client.get("/health/ready")
            assert ready.status_code == 200, ready.text


async def test_database_down_then_back(pg_cluster: PostgresCluster) -> None:
    app = create_app(
        make_settings(
            DATABASE_URL=pg_cluster.url.replace("127.0.0.1", "localhost"),
            DB_POOL_TIMEOUT=POOL_TIMEOUT,
            DB_CONNECT_RETRIES=5,
            DB_CONNECT_RETRY_DELAY=0.2,
            HEALTH_TIMEOUT=1.0,
            AUTO_MIGRATE="true",
            SESSION_COOKIE_SECURE="false",
        )
    )
    app.register(db_probe)
    async with serve_in_loop(app, timeout=60) as client:
        await _wait_ready(client)
        assert (await client.get("/_faults/db")).status_code == 200
        tenant = await setup_tenant(client)
        await create_prompt(client, tenant, "served", unique_text("served"), labels=["production"])
        await create_prompt(client, tenant, "never-resolved", unique_text("cold"), labels=["production"])
        assert (await resolve(client, tenant, "served")).status_code == 200

        pg_cluster.stop("fast")

        for _ in range(3):
            started = time.perf_counter()
            response = await client.get("/_faults/db")
            elapsed = time.perf_counter() - started
            assert response.status_code == 503, response.text
            assert response.headers["content-type"].startswith("application/problem+json")
            problem = response.json()
            assert problem["status"] == 503
            assert problem["type"].endswith(":service-unavailable")
            assert "Retry-After" in response.headers
            # Nothing internal leaks: no driver, host or SQL in the body.
            assert "asyncpg" not in response.text
            assert "127.0.0.1" not in response.text
            assert elapsed < POOL_TIMEOUT + 1.5, f"503 took {elapsed:.2f}s"

            # Resolves are still served from the caches and the last-known-good store (Redis is up): ready warns
            # with 200 instead of pulling every instance while the shared database is down.
            started = time.perf_counter()
            ready = await client.get("/health/ready")
            assert time.perf_counter() - started < 2.5
            assert ready.status_code == 200
            assert ready.json()["status"] == "warn"
            assert ready.json()["checks"]["database:responseTime"][0]["status"] == "fail"

        # A prompt never resolved before cannot be answered: a 503 problem (the stale path is tested below).
        cold = await resolve(client, tenant, "never-resolved")
        assert cold.status_code == 503, cold.text
        assert cold.headers["content-type"].startswith("application/problem+json")
        # Writes and logins: 503 problems, not 500s, not hangs.
        for response in (
            await client.post(
                tenant.prompts("/served/versions"), json={"text": unique_text("x")}, headers=tenant.headers
            ),
            await client.post("/api/v1/auth/login", json={"email": tenant.email, "password": tenant.password}),
        ):
            assert response.status_code == 503, (response.request.url.path, response.text)
            assert response.headers["content-type"].startswith("application/problem+json")

        pg_cluster.start()
        body = await _wait_ready(client)
        assert body["checks"]["database:responseTime"][0]["status"] == "pass"
        for _ in range(3):
            assert (await client.get("/_faults/db")).status_code == 200
        fresh = await resolve(client, tenant, "never-resolved")
        assert fresh.status_code == 200, fresh.text
        login = await client.post("/api/v1/auth/login", json={"email": tenant.email, "password": tenant.password})
        assert login.status_code == 200, login.text


async def test_resolve_serves_last_known_good_while_database_down(pg_cluster: PostgresCluster) -> None:
    # Short cache TTLs, so that after a short wait only the last-known-good copy can answer.
    app = create_app(
        make_settings(
            DATABASE_URL=pg_cluster.url,
            DB_POOL_TIMEOUT=POOL_TIMEOUT,
            AUTO_MIGRATE="true",
            SESSION_COOKIE_SECURE="false",
            RESOLVE_CACHE_TTL=1,
            RESOLVE_LOCAL_TTL=0.2,
        )
    )
    async with serve_in_loop(app, timeout=60) as client:
        await _wait_ready(client)
        tenant = await setup_tenant(client)
        await create_prompt(client, tenant, "served", unique_text("served"), labels=["production"])
        assert (await resolve(client, tenant, "served")).status_code == 200
        pg_cluster.stop("fast")
        try:
            await asyncio.sleep(1.5)  # the regular caches expire
            started = time.perf_counter()
            stale = await resolve(client, tenant, "served")
            assert time.perf_counter() - started < POOL_TIMEOUT + 1.5
            assert stale.status_code == 200, stale.text
            assert stale.headers["x-cache"].startswith("stale")
        finally:
            pg_cluster.start()


def _hung_db_app(pg_cluster: PostgresCluster) -> Litestar:
    # AUTO_MIGRATE: the module's throwaway cluster may still be empty when this runs first (the app refuses to
    # start on an unmigrated database).
    app = create_app(
        make_settings(
            DATABASE_URL=pg_cluster.url, DB_POOL_TIMEOUT=POOL_TIMEOUT, HEALTH_TIMEOUT=1.0, AUTO_MIGRATE="true"
        )
    )
    app.register(db_probe)
    return app


async def test_hung_database_gives_503_within_the_pool_timeout(pg_cluster: PostgresCluster) -> None:
    """A database that accepts TCP but never answers (frozen): new connections time out -> 503, not 500."""
    app = _hung_db_app(pg_cluster)
    async with serve_in_loop(app) as client:
        await _wait_ready(client)
        await services_of(app).get(AsyncEngine).dispose()  # no pooled connection: the next request must connect
        pg_cluster.freeze()
        try:
            for _ in range(2):
                started = time.perf_counter()
                response = await client.get("/_faults/db", timeout=POOL_TIMEOUT + 10)
                elapsed = time.perf_counter() - started
                assert response.status_code == 503, response.text
                assert response.headers["content-type"].startswith("application/problem+json")
                assert elapsed < POOL_TIMEOUT + 1.5, f"503 after {elapsed:.2f}s"
            started = time.perf_counter()
            ready = await client.get("/health/ready")
            assert time.perf_counter() - started < 2.5
            assert (ready.status_code, ready.json()["status"]) == (200, "warn")  # cached resolves still served
        finally:
            pg_cluster.thaw()
        await _wait_ready(client)
        assert (await client.get("/_faults/db")).status_code == 200


async def test_pooled_connection_to_hung_database_is_bounded(pg_cluster: PostgresCluster) -> None:
    """A connection pooled before the database hung must not hold the request for the 30 s command timeout."""
    app = _hung_db_app(pg_cluster)
    async with serve_in_loop(app) as client:
        await _wait_ready(client)
        assert (await client.get("/_faults/db")).status_code == 200  # a connection is now pooled
        pg_cluster.freeze()
        try:
            # Bounded by the pre-ping (<= 1 s) plus one connect attempt (DB_POOL_TIMEOUT), never by the 30 s
            # command timeout.
            started = time.perf_counter()
            response = await client.get("/_faults/db", timeout=POOL_TIMEOUT + 10)
            elapsed = time.perf_counter() - started
            assert response.status_code == 503, response.text
            assert elapsed < 2 * POOL_TIMEOUT + 1.5, f"503 after {elapsed:.2f}s"
        finally:
            pg_cluster.thaw()
        await _wait_ready(client)
        assert (await client.get("/_faults/db")).status_code == 200


async def test_connection_limit_reached_gives_503_not_500(pg_cluster: PostgresCluster) -> None:
    """PostgreSQL refusing a connection ("too many connections", SQLSTATE 53300) is a 503 problem, not a 500."""
    # The app refuses to start on a schema it cannot verify: migrate the cluster's database first, and let the
    # limited role read the revision (it needs no other table: the probe only runs SELECT 1).
    migrating = create_app(make_settings(DATABASE_URL=pg_cluster.url, AUTO_MIGRATE="true"))
    async with serve_in_loop(migrating):
        pass
    admin = await asyncpg.connect(_dsn(pg_cluster.url))
    try:
        if await admin.fetchval("SELECT 1 FROM pg_roles WHERE rolname = 'limited_app'"):
            await admin.execute("DROP OWNED BY limited_app")  # its grant from an earlier run
        await admin.execute("DROP ROLE IF EXISTS limited_app")
        await admin.execute("CREATE ROLE limited_app LOGIN CONNECTION LIMIT 2")
        await admin.execute("GRANT SELECT ON alembic_version TO limited_app")
    finally:
        await admin.close()
    url = pg_cluster.url.replace("postgres@", "limited_app@")
    app = create_app(make_settings(DATABASE_URL=url, DB_POOL_SIZE=8, DB_MAX_OVERFLOW=0, DB_POOL_TIMEOUT=POOL_TIMEOUT))
    app.register(db_probe)
    async with serve_in_loop(app) as client:
        responses = await asyncio.gather(*(client.get("/_faults/db", params={"hold": 0.5}) for _ in range(6)))
        statuses = sorted(r.status_code for r in responses)
        assert 200 in statuses, statuses
        refused = [r for r in responses if r.status_code != 200]
        assert refused, f"the connection limit was never reached: {statuses}"
        for response in refused:
            assert response.status_code == 503, response.text
            assert response.headers["content-type"].startswith("application/problem+json")
        # Once connections are free again, everything answers.
        assert (await client.get("/_faults/db")).status_code == 200
