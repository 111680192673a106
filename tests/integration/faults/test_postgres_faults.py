"""PostgreSQL connections killed, and PostgreSQL down then back, while the app keeps running.

- Killed connections (`pg_terminate_backend`): the pool's pre-ping replaces them; no request fails.
- Database down (a throwaway cluster stopped with `pg_ctl`): a 503 problem within the pool timeout,
  readiness fails; when the cluster is started again the app recovers by itself.
"""

from __future__ import annotations

import asyncio
import time

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from app.server.asgi import create_app
from tests.conftest import make_settings
from tests.integration.faults._probe import db_probe
from tests.integration.faults._procs import PostgresCluster
from tests.integration.faults._server import serve_in_loop

pytestmark = pytest.mark.slow

POOL_TIMEOUT = 1.0


def _dsn(url: str, database: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


async def terminate_app_connections(database_url: str) -> int:
    """Kill every server process of the app's pool on its database (as an operator or failover would)."""
    name = make_url(database_url).database
    conn = await asyncpg.connect(_dsn(database_url))
    try:
        rows = await conn.fetch(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = 'promptsmith' AND datname = $1 AND pid <> pg_backend_pid()",
            name,
        )
    finally:
        await conn.close()
    return len(rows)


async def _wait_ready(client: httpx.AsyncClient, timeout: float = 15.0) -> dict:
    deadline = time.monotonic() + timeout
    body: dict = {}
    while time.monotonic() < deadline:
        response = await client.get("/health/ready")
        body = response.json()
        if response.status_code == 200:
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
        )
    )
    app.register(db_probe)
    async with serve_in_loop(app) as client:
        await _wait_ready(client)
        assert (await client.get("/_faults/db")).status_code == 200

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
            assert "asyncpg" not in response.text and "127.0.0.1" not in response.text
            assert elapsed < POOL_TIMEOUT + 1.5, f"503 took {elapsed:.2f}s"

            started = time.perf_counter()
            ready = await client.get("/health/ready")
            assert time.perf_counter() - started < 2.5
            assert ready.status_code == 503
            assert ready.json()["checks"]["database:responseTime"][0]["status"] == "fail"

        pg_cluster.start()
        body = await _wait_ready(client)
        assert body["checks"]["database:responseTime"][0]["status"] == "pass"
        for _ in range(3):
            assert (await client.get("/_faults/db")).status_code == 200
