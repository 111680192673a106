"""Fixtures for the schemathesis run: a live server and the data the fuzzer's requests point at."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.fuzz._server import LiveServer, run_server, server_env


@pytest.fixture(scope="session")
def live_server(database_url: str) -> Iterator[LiveServer]:
    """uvicorn serving the app on a free port, on this session's test database and Redis namespace."""
    with run_server(server_env(database_url)) as server:
        yield server
