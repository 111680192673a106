"""Shared helpers for the service-foundation tests: test apps, dead/black-hole ports, server subprocesses."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from app.server.asgi import create_app
from tests.conftest import make_settings
from tests.integration.system.routes import TEST_HANDLERS

REPO_ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    """A port nothing listens on (bound then released: connecting to it is refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_app(**overrides: Any) -> Litestar:
    """The real app (create_app) with the test-only routes registered after construction."""
    app = create_app(make_settings(**overrides))
    for handler in TEST_HANDLERS:
        app.register(handler)
    return app


ClientFactory = Callable[..., contextlib.AbstractAsyncContextManager[AsyncTestClient[Litestar]]]


@pytest.fixture
def make_client(settings: Any) -> ClientFactory:
    """`async with make_client(**settings_overrides) as client:` — a client on a fresh test app (DB migrated)."""

    def factory(**overrides: Any) -> contextlib.AbstractAsyncContextManager[AsyncTestClient[Litestar]]:
        return AsyncTestClient(app=build_app(**overrides), base_url="https://testserver.local")

    return factory


@pytest.fixture(scope="module")
async def test_client(settings: Any) -> AsyncIterator[AsyncTestClient[Litestar]]:
    """Client on the real app + test routes, default test settings (PostgreSQL and Redis up).

    One app per module: building and starting one costs a few hundred milliseconds, and these tests only
    read. Tests that need other settings build their own with `make_client`.
    """
    async with AsyncTestClient(app=build_app(), base_url="https://testserver.local") as client:
        yield client


class BlackHole:
    """A TCP server that accepts connections and never answers: a hung Redis."""

    def __init__(self) -> None:
        self.server: asyncio.AbstractServer | None = None
        self.port = 0
        self._writers: list[asyncio.StreamWriter] = []

    async def __aenter__(self) -> BlackHole:
        async def on_connect(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self._writers.append(writer)

        self.server = await asyncio.start_server(on_connect, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *_: object) -> None:
        for writer in self._writers:
            writer.close()
        assert self.server is not None
        self.server.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.server.wait_closed(), 1)


def subprocess_env(**overrides: str) -> dict[str, str]:
    """A clean environment: nothing of ours (no DATABASE_URL/REDIS_URL/...) unless given."""
    env = {
        key: os.environ[key] for key in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT") if key in os.environ
    }
    env["PYTHONUNBUFFERED"] = "1"
    env.update(overrides)
    return env


class ServerProcess:
    """A server subprocess with stderr captured to a file; started, waited for, signalled, read."""

    def __init__(self, args: list[str], *, cwd: Path, env: dict[str, str], port: int) -> None:
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self.stderr_path = cwd / f"server-{port}.stderr"
        self._stderr = self.stderr_path.open("wb")
        self.proc = subprocess.Popen(
            args, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._stderr
        )

    def wait_live(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"server exited with {self.proc.returncode}:\n{self.stderr()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.base_url}/health/live", timeout=1).status_code == 200:
                    return
            time.sleep(0.1)
        pytest.fail(f"server not live after {timeout}s:\n{self.stderr()}")

    def terminate(self, timeout: float) -> int:
        """SIGTERM and wait; returns the exit code (fails the test if it does not exit in time)."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            pytest.fail(f"server did not exit within {timeout}s of SIGTERM:\n{self.stderr()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self._stderr.close()

    def stderr(self) -> str:
        self._stderr.flush()
        return self.stderr_path.read_text(errors="replace")

    def log_records(self) -> list[dict[str, Any]]:
        """Every stderr line parsed as JSON (fails on a non-JSON line: off a TTY every line must be JSON)."""
        records = []
        for line in self.stderr().splitlines():
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError:
                    pytest.fail(f"non-JSON log line on stderr: {line!r}")
        return records


@pytest.fixture
def start_server(tmp_path: Path) -> Iterator[Callable[..., ServerProcess]]:
    """Start `args` (a list after the interpreter) as a server; all are killed at teardown."""
    servers: list[ServerProcess] = []

    def start(args: list[str], *, port: int, env: dict[str, str], cwd: Path | None = None) -> ServerProcess:
        server = ServerProcess([sys.executable, *args], cwd=cwd or tmp_path, env=env, port=port)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
