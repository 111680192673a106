"""SIGTERM under steady keep-alive load: readiness turns 503 at once, the server drains, nothing is dropped.

Before draining existed, uvicorn stopped listening on SIGTERM and closed idle keep-alive connections while
clients kept writing requests onto them: with 12 keep-alive clients up to 5 requests got no response at all.
Here 12 keep-alive clients load `python -m app serve` through a load balancer stand-in that does what real ones
do: it polls readiness and stops routing to the instance after two failed checks (its detection delay is well
within SHUTDOWN_DRAIN). A request that was sent and got no response counts as dropped.
"""

from __future__ import annotations

import asyncio
import signal
import time
from dataclasses import dataclass, field

import httpx
import pytest

from tests.integration.faults._procs import free_port, read_log
from tests.integration.faults.test_graceful_shutdown import SlowServer, _cleanup, _server_env, _start

pytestmark = pytest.mark.slow

DRAIN = 4.0  # generous: the balancer's checks must get through on a loaded machine
CLIENTS = 12


@dataclass
class Tally:
    before: int = 0
    during: int = 0
    closing: int = 0
    failed: list[str] = field(default_factory=list)
    """Requests that got no response: dropped (sent, then the connection closed) or refused."""


async def _client_loop(base_url: str, signalled: asyncio.Event, routed_away: asyncio.Event, tally: Tally) -> None:
    """One keep-alive client behind the load balancer: it sends until the balancer routes it elsewhere."""
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=base_url, timeout=10, limits=limits) as client:
        while not routed_away.is_set():
            try:
                response = await client.get("/health/live")
            except httpx.TransportError as err:
                tally.failed.append(f"{type(err).__name__}: {err}")
                continue
            assert response.status_code == 200, response.text
            if signalled.is_set():
                tally.during += 1
                tally.closing += response.headers.get("connection", "").lower() == "close"
            else:
                tally.before += 1


async def _balancer(base_url: str, routed_away: asyncio.Event, failures_seen: list[str]) -> None:
    """Health-checks the instance every 0.2 s; after two failed checks in a row it routes traffic elsewhere."""
    failed_in_a_row = 0
    async with httpx.AsyncClient(base_url=base_url, timeout=2) as probe:
        while failed_in_a_row < 2:
            await asyncio.sleep(0.2)
            try:
                ready = await probe.get("/health/ready")
            except httpx.TransportError as err:
                failures_seen.append(type(err).__name__)
                failed_in_a_row += 1
                continue
            if ready.status_code != 200:
                failures_seen.append(ready.text)
            failed_in_a_row = failed_in_a_row + 1 if ready.status_code != 200 else 0
    routed_away.set()


async def test_sigterm_drains_with_zero_dropped_requests(database_url: str) -> None:
    port = free_port()
    env = {**_server_env(database_url), "SHUTDOWN_DRAIN": str(DRAIN), "SHUTDOWN_TIMEOUT": "3"}
    proc = _start("app", ["serve", "--host", "127.0.0.1", "--port", str(port)], env, port)
    server = SlowServer(proc, port)
    signalled, routed_away, tally, failures = asyncio.Event(), asyncio.Event(), Tally(), []
    try:
        clients = [
            asyncio.create_task(_client_loop(server.base_url, signalled, routed_away, tally)) for _ in range(CLIENTS)
        ]
        balancer = asyncio.create_task(_balancer(server.base_url, routed_away, failures))
        deadline = time.monotonic() + 15
        while tally.before < 3 * CLIENTS and time.monotonic() < deadline:  # noqa: ASYNC110 - steady load first
            await asyncio.sleep(0.1)
        assert not routed_away.is_set(), failures
        proc.send_signal(signal.SIGTERM)
        sent_at = time.monotonic()
        signalled.set()
        await asyncio.wait_for(balancer, timeout=DRAIN)  # readiness failed soon enough for the balancer to react
        routed_at = time.monotonic() - sent_at
        assert any("draining" in failure for failure in failures), failures
        await asyncio.wait_for(asyncio.gather(*clients), timeout=5)
        exit_wait = await asyncio.to_thread(server.wait_exit, DRAIN + 3 + 5)
        elapsed = time.monotonic() - sent_at
    finally:
        routed_away.set()
        _cleanup(proc)

    assert tally.failed == [], f"{len(tally.failed)} failed: {tally.failed[:3]}\n{read_log(proc)}"
    assert tally.before >= 3 * CLIENTS, tally
    assert tally.during >= CLIENTS, f"the server must keep serving while draining: {tally}"
    assert tally.closing >= tally.during - CLIENTS, f"responses while draining say Connection: close: {tally}"
    assert elapsed >= DRAIN, f"stopped after {elapsed:.2f}s, before the {DRAIN}s drain ended"
    assert routed_at < DRAIN
    assert exit_wait >= 0
    assert proc.returncode in (0, -signal.SIGTERM), read_log(proc)
