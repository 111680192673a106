"""Every SQL statement is bounded by DB_STATEMENT_TIMEOUT: a database that freezes while requests are in flight
(SIGSTOP on a throwaway cluster) answers them with a 503 and Retry-After within the bound, not after asyncpg's
old 30-second command timeout; a statement that is merely slow is cancelled by the server at the bound.
"""

from __future__ import annotations

import asyncio
import time

import pytest
from litestar import Litestar

from app.config.database import CLIENT_TIMEOUT_MARGIN
from app.server.asgi import create_app
from tests.conftest import make_settings
from tests.integration.faults._probe import db_probe
from tests.integration.faults._procs import PostgresCluster
from tests.integration.faults._server import serve_in_loop
from tests.integration.faults.test_postgres_faults import _wait_ready

pytestmark = pytest.mark.slow

STATEMENT_TIMEOUT = 1.0


def _app(pg_cluster: PostgresCluster) -> Litestar:
    app = create_app(
        make_settings(
            DATABASE_URL=pg_cluster.url,
            DB_POOL_TIMEOUT=1.0,
            DB_STATEMENT_TIMEOUT=STATEMENT_TIMEOUT,
            HEALTH_TIMEOUT=1.0,
            AUTO_MIGRATE="true",  # the module's throwaway cluster starts empty
        )
    )
    app.register(db_probe)
    return app


def _assert_unavailable(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 503, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.headers["retry-after"]
    assert "statement" not in response.text.lower()  # nothing internal: no SQL, no driver message


async def test_requests_in_flight_when_the_database_freezes_get_a_503_within_the_bound(
    pg_cluster: PostgresCluster,
) -> None:
    app = _app(pg_cluster)
    async with serve_in_loop(app) as client:
        await _wait_ready(client)
        # Four requests hold a statement on the server (pg_sleep) when the whole cluster stops answering.
        in_flight = [asyncio.create_task(client.get("/_faults/db", params={"hold": 0.5}, timeout=30)) for _ in range(4)]
        await asyncio.sleep(0.2)
        pg_cluster.freeze()
        started = time.perf_counter()
        try:
            responses = await asyncio.gather(*in_flight)
            elapsed = time.perf_counter() - started
        finally:
            pg_cluster.thaw()
        for response in responses:
            _assert_unavailable(response)
        bound = STATEMENT_TIMEOUT + CLIENT_TIMEOUT_MARGIN
        assert elapsed < bound + 1.0, f"answered after {elapsed:.2f}s; the bound is {bound}s"
        # Once the database answers again, so does the app (the timed-out connections were replaced).
        await _wait_ready(client)
        assert (await client.get("/_faults/db")).status_code == 200


async def test_a_slow_statement_is_cancelled_by_the_server_at_the_bound(pg_cluster: PostgresCluster) -> None:
    app = _app(pg_cluster)
    async with serve_in_loop(app) as client:
        await _wait_ready(client)
        started = time.perf_counter()
        response = await client.get("/_faults/db", params={"hold": 10}, timeout=30)
        elapsed = time.perf_counter() - started
        _assert_unavailable(response)
        assert STATEMENT_TIMEOUT - 0.1 < elapsed < STATEMENT_TIMEOUT + CLIENT_TIMEOUT_MARGIN, f"{elapsed:.2f}s"
        # The server cancelled the statement, so the connection stays usable: the next request just works.
        for _ in range(3):
            assert (await client.get("/_faults/db")).status_code == 200
