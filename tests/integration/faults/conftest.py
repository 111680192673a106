"""Fixtures for the fault tests: processes we own, killed with their process group when the test ends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.faults._procs import PostgresCluster, RedisServer


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    """A private redis-server on a spare port; the test may kill, freeze and restart it."""
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def pg_cluster(_pg_cluster: PostgresCluster) -> Iterator[PostgresCluster]:
    """The module's throwaway cluster, running; started again after the test if the test left it stopped."""
    _pg_cluster.ensure_running()
    yield _pg_cluster
    _pg_cluster.thaw()
    _pg_cluster.ensure_running()


@pytest.fixture(scope="module")
def _pg_cluster() -> Iterator[PostgresCluster]:
    """A throwaway PostgreSQL cluster (initdb + pg_ctl under a temp dir), started; removed afterwards."""
    cluster = PostgresCluster()
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.close()
