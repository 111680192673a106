"""A real uvicorn server for the fuzz and SDK tests: a subprocess on a free port, on the test database.

The app runs exactly as in production (its lifespan waits for the database and starts the invalidation bus),
against the per-process test database that the `database_url` fixture created and migrated, and the test
Redis namespace. The server is started in its own process group so that teardown kills it and its children.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from app.config.settings import Settings
from tests.conftest import REDIS_URL, TEST_REDIS_NAMESPACE, TEST_SECRET

REPO_ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(database_url: str, **overrides: str) -> dict[str, str]:
    """The environment of the server under test (variable names as in production)."""
    env = {
        "ENVIRONMENT": "test",
        "SECRET_KEY": TEST_SECRET,
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        # Its own namespace under the session's (cleaned up with it): the fuzzer's failed logins must not throttle
        # the address that other tests of this worker register and log in from, nor theirs it.
        "REDIS_NAMESPACE": f"{TEST_REDIS_NAMESPACE}-fuzz",
        "AUTO_MIGRATE": "false",
        "DB_CONNECT_RETRIES": "5",
        "DB_CONNECT_RETRY_DELAY": "0.2",
        "LOG_FORMAT": "json",
        "LOG_LEVEL": os.environ.get("FUZZ_SERVER_LOG_LEVEL", "WARNING"),
        # Plain http on 127.0.0.1: the session cookie must come back without TLS.
        "SESSION_COOKIE_SECURE": "false",
        # The fuzzers send thousands of requests a minute from one user, one key and one address.
        "RATE_LIMIT_USER_PER_MINUTE": "1000000",
        "RATE_LIMIT_API_KEY_PER_MINUTE": "1000000",
        "LOGIN_MAX_FAILURES_PER_ADDRESS": "1000000",
    }
    env.update(overrides)
    return env


@dataclass
class LiveServer:
    base_url: str
    proc: subprocess.Popen[bytes]
    log_path: str

    def log_tail(self, chars: int = 8000) -> str:
        try:
            return Path(self.log_path).read_text(errors="replace")[-chars:]
        except OSError:
            return ""


@contextlib.contextmanager
def run_server(env: dict[str, str], timeout: float = 90.0) -> Iterator[LiveServer]:
    """Start `uvicorn app.server.asgi:create_app --factory`, wait until /health/ready answers 200, yield it."""
    port = free_port()
    keep_log = os.environ.get("LIVE_SERVER_LOG")  # set it to keep the server's output (tracebacks of 500s)
    log = (
        open(keep_log, "ab")  # noqa: SIM115
        if keep_log
        else tempfile.NamedTemporaryFile(prefix="promptsmith-live-", suffix=".log", delete=False)  # noqa: SIM115
    )
    full_env = {k: v for k, v in os.environ.items() if k not in _APP_VARIABLES}
    full_env.update(env)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "app.server.asgi:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--lifespan",
            "on",
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        cwd=REPO_ROOT,
        env=full_env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=_die_with_parent,
    )
    log.close()
    server = LiveServer(base_url=f"http://127.0.0.1:{port}", proc=proc, log_path=log.name)
    try:
        _wait_ready(server, timeout)
        yield server
    finally:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
        if not keep_log:
            with contextlib.suppress(OSError):
                os.unlink(log.name)


def _die_with_parent() -> None:
    """In the child, before exec: ask Linux to SIGTERM it when the process that started it dies."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _wait_ready(server: LiveServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(f"server exited with {server.proc.returncode}:\n{server.log_tail()}")
        try:
            response = httpx.get(f"{server.base_url}/health/ready", timeout=2.0)
        except httpx.HTTPError as exc:
            last = type(exc).__name__
        else:
            if response.status_code == 200:
                return
            last = f"{response.status_code} {response.text[:200]}"
        time.sleep(0.1)
    raise TimeoutError(f"server not ready within {timeout}s ({last}):\n{server.log_tail()}")


# Whatever the developer's shell exports for the app must not leak into the server under test.
_APP_VARIABLES = frozenset(name.upper() for name in Settings.__struct_fields__)
