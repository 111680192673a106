"""Real app instances as uvicorn processes, for tests that need several instances sharing Redis."""

from __future__ import annotations

from collections.abc import Iterator
from subprocess import Popen

import pytest

from app.config.settings import Settings
from tests.conftest import TEST_REDIS_NAMESPACE, TEST_SECRET
from tests.integration.faults._procs import free_port, kill_group, port_open, read_log, start_python_module, wait_until


def instance_env(settings: Settings, **extra: str) -> dict[str, str]:
    """Environment of a server process on the test database and the test Redis namespace."""
    return {
        "ENVIRONMENT": "test",
        "SECRET_KEY": TEST_SECRET,
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": settings.redis_url or "",
        "REDIS_NAMESPACE": TEST_REDIS_NAMESPACE,
        "AUTO_MIGRATE": "false",
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "json",
        **extra,
    }


def start_instance(settings: Settings, **extra: str) -> tuple[Popen[bytes], str]:
    """Start `create_app` under uvicorn on a free port and wait until it accepts connections."""
    port = free_port()
    proc = start_python_module(
        "uvicorn",
        ["app.server.asgi:create_app", "--factory", "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
        instance_env(settings, **extra),
    )
    try:
        wait_until(lambda: port_open(port), 30, what=f"uvicorn on {port}")
    except TimeoutError:
        kill_group(proc)
        raise AssertionError(read_log(proc)) from None
    return proc, f"http://127.0.0.1:{port}"


@pytest.fixture
def two_instances(settings: Settings) -> Iterator[tuple[str, str]]:
    """Base URLs of two app processes sharing the test database and Redis."""
    procs = []
    try:
        urls = []
        for _ in range(2):
            proc, url = start_instance(settings)
            procs.append(proc)
            urls.append(url)
        yield urls[0], urls[1]
    finally:
        for proc in procs:
            kill_group(proc)
