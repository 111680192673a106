"""`serve` believes `X-Forwarded-For` only from the proxies in `TRUSTED_PROXIES` (#14 item 5).

Observed through the per-address login throttle (limit 2): when the header is believed, each forged address
is its own counter and no 429 comes; when it is not, every attempt counts for the TCP peer.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.integration.faults._procs import free_port, kill_group, port_open, read_log, start_python_module, wait_until

pytestmark = pytest.mark.slow


def _statuses_with_forged_addresses(tmp_path: Path, trusted_proxies: str) -> list[int]:
    port = free_port()
    env = {
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/p.db",
        "REDIS_URL": "",
        "LOG_LEVEL": "WARNING",
        "LOGIN_MAX_FAILURES_PER_ADDRESS": "2",
        "TRUSTED_PROXIES": trusted_proxies,
    }
    proc = start_python_module("app", ["serve", "--port", str(port)], env)
    try:
        try:
            wait_until(lambda: port_open(port), 60, what="serve")
        except TimeoutError:
            raise AssertionError(read_log(proc)) from None
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            return [
                client.post(
                    "/api/v1/auth/login",
                    json={"email": f"nobody{i}@example.com", "password": "wrong password"},
                    headers={"X-Forwarded-For": f"198.51.100.{i}"},
                ).status_code
                for i in range(3)
            ]
    finally:
        kill_group(proc)


def test_forwarded_for_is_ignored_without_trusted_proxies(tmp_path: Path) -> None:
    assert _statuses_with_forged_addresses(tmp_path, "") == [401, 401, 429]


def test_forwarded_for_is_believed_from_a_trusted_proxy(tmp_path: Path) -> None:
    assert _statuses_with_forged_addresses(tmp_path, "127.0.0.1") == [401, 401, 401]
