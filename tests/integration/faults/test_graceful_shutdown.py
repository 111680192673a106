"""SIGTERM with requests in flight: they complete, new connections are refused, the process exits in time.

The server is a real uvicorn process (`slow_app.py`: the product app plus a slow route, served with the
same graceful-shutdown bound as `python -m app serve`).
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import REDIS_URL, TEST_REDIS_NAMESPACE, TEST_SECRET
from tests.integration.faults._procs import free_port, kill_group, port_open, read_log, start_python_module

pytestmark = pytest.mark.slow

GRACE = 3  # SHUTDOWN_TIMEOUT, seconds


class SlowServer:
    def __init__(self, proc: subprocess.Popen[bytes], port: int) -> None:
        self.proc = proc
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"

    def wait_exit(self, timeout: float) -> float:
        """Seconds until the process exited (fails the test if it does not within `timeout`)."""
        started = time.monotonic()
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"server still running {timeout}s after SIGTERM\n{read_log(self.proc)}")
        return time.monotonic() - started


def _server_env(database_url: str) -> dict[str, str]:
    return {
        "ENVIRONMENT": "production",
        "SECRET_KEY": TEST_SECRET,
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "REDIS_NAMESPACE": TEST_REDIS_NAMESPACE,
        "AUTO_MIGRATE": "false",
        "SHUTDOWN_TIMEOUT": str(GRACE),
        "SHUTDOWN_DRAIN": "0",  # uvicorn's own shutdown; draining first is tested in test_drain.py
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "json",
    }


def _start(module: str, args: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    proc = start_python_module(module, args, env)
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"{module} exited at start-up ({proc.returncode})\n{read_log(proc)}")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health/live", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"{module} did not start within 30s\n{read_log(proc)}")
            time.sleep(0.1)
    except BaseException:
        _cleanup(proc)
        raise
    return proc


def _cleanup(proc: subprocess.Popen[bytes]) -> None:
    kill_group(proc)
    Path(proc.log_path).unlink(missing_ok=True)  # type: ignore[attr-defined]


@pytest.fixture
def slow_server(database_url: str) -> Iterator[SlowServer]:
    port = free_port()
    proc = _start("tests.integration.faults.slow_app", [str(port)], _server_env(database_url), port)
    try:
        yield SlowServer(proc, port)
    finally:
        _cleanup(proc)


async def test_sigterm_lets_in_flight_requests_finish(slow_server: SlowServer) -> None:
    async with httpx.AsyncClient(base_url=slow_server.base_url, timeout=15) as client:
        # Three slow requests on three connections, all in flight when the signal arrives.
        in_flight = [asyncio.create_task(client.get("/_faults/slow", params={"seconds": 1.5})) for _ in range(3)]
        await asyncio.sleep(0.4)
        assert not any(task.done() for task in in_flight)
        signalled = time.monotonic()
        slow_server.proc.send_signal(signal.SIGTERM)

        # The listening socket closes at once: a new connection is refused while the old ones are served.
        await asyncio.sleep(0.3)
        assert slow_server.proc.poll() is None, "exited before the in-flight requests finished"
        with pytest.raises(httpx.ConnectError):
            async with httpx.AsyncClient(timeout=2) as fresh:
                await fresh.get(f"{slow_server.base_url}/health/live")

        responses = await asyncio.gather(*in_flight)
        assert [r.status_code for r in responses] == [200, 200, 200]
        assert all(r.json() == {"slept": 1.5} for r in responses)

    exit_wait = await asyncio.to_thread(slow_server.wait_exit, GRACE + 5)
    assert time.monotonic() - signalled < GRACE + 2, f"exit took {time.monotonic() - signalled:.1f}s"
    # uvicorn re-raises the signal once shut down (exit status 128+15 in a shell): a clean exit, not a crash.
    assert slow_server.proc.returncode in (0, -signal.SIGTERM), read_log(slow_server.proc)
    assert exit_wait >= 0
    assert not port_open(slow_server.port)


async def test_sigterm_cuts_requests_longer_than_the_grace_period(slow_server: SlowServer) -> None:
    async with httpx.AsyncClient(base_url=slow_server.base_url, timeout=30) as client:
        stuck = asyncio.create_task(client.get("/_faults/slow", params={"seconds": 30}))
        await asyncio.sleep(0.4)
        signalled = time.monotonic()
        slow_server.proc.send_signal(signal.SIGTERM)
        await asyncio.to_thread(slow_server.wait_exit, GRACE + 5)
        elapsed = time.monotonic() - signalled
        # Bounded by SHUTDOWN_TIMEOUT (plus lifespan shutdown), never by the 30 s request.
        assert GRACE - 0.5 <= elapsed < GRACE + 2.5, f"exit after {elapsed:.1f}s"
        # The cut request fails on the client side (an error response or a dropped connection), it does not hang.
        try:
            response = await asyncio.wait_for(stuck, timeout=5)
        except httpx.TransportError:
            pass
        else:
            assert response.status_code >= 500


async def test_the_serve_command_exits_promptly_on_sigterm_with_idle_keepalive_connections(database_url: str) -> None:
    """`python -m app serve` itself: idle keep-alive connections do not hold the shutdown until the grace ends."""
    port = free_port()
    proc = _start("app", ["serve", "--host", "127.0.0.1", "--port", str(port)], _server_env(database_url), port)
    server = SlowServer(proc, port)
    try:
        async with httpx.AsyncClient(base_url=server.base_url, timeout=5) as client:
            for _ in range(3):  # several pooled keep-alive connections, now idle
                responses = await asyncio.gather(*(client.get("/health/live") for _ in range(3)))
                assert all(r.status_code == 200 for r in responses)
            signalled = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            await asyncio.to_thread(server.wait_exit, GRACE + 5)
            elapsed = time.monotonic() - signalled
        assert elapsed < GRACE, f"idle connections delayed the exit to {elapsed:.1f}s"
        assert proc.returncode in (0, -signal.SIGTERM), read_log(proc)
        assert not port_open(port)
    finally:
        _cleanup(proc)
