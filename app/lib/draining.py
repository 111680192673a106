"""Draining on SIGTERM, so a load balancer can take the instance out before it stops accepting.

Without it, uvicorn stops listening the moment SIGTERM arrives and closes idle keep-alive connections, while
clients and load balancers keep sending: a request written onto a connection that is being closed is lost
(12 keep-alive clients lost up to 5 requests). With `SHUTDOWN_DRAIN` seconds of draining, on SIGTERM:

1. `/health/ready` answers 503 at once (the load balancer stops routing here);
2. the server keeps serving for `SHUTDOWN_DRAIN` seconds, and every response says `Connection: close`, so no
   keep-alive connection is left idle for a request to race the close;
3. then uvicorn's own graceful shutdown runs: stop accepting, let in-flight requests finish within
   `SHUTDOWN_TIMEOUT`, run the lifespan shutdown.

The state is per process, because signals are: each worker drains on the SIGTERM its supervisor sends it.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from types import FrameType
from typing import Any

import structlog

logger = structlog.get_logger("promptsmith.shutdown")

SignalHandler = Callable[[int, FrameType | None], Any]


class Drain:
    """Whether this process is draining; set once, on the first SIGTERM."""

    def __init__(self) -> None:
        self.active = False


DRAIN = Drain()
"""This process's drain state (signals are per process, so is this)."""


def _is_uvicorn_handler(handler: object) -> bool:
    owner = getattr(handler, "__self__", None)
    return owner is not None and type(owner).__module__.startswith("uvicorn")


def install_drain_on_sigterm(seconds: float, drain: Drain = DRAIN) -> bool:
    """Put draining in front of uvicorn's SIGTERM handler; True when installed.

    Called from the lifespan start-up, which uvicorn runs after installing its signal handlers. Only uvicorn's
    handler is wrapped: under a test client or another server nothing changes.
    """
    previous = signal.getsignal(signal.SIGTERM)
    if seconds <= 0 or not _is_uvicorn_handler(previous):
        return False
    uvicorn_exit: SignalHandler = previous  # type: ignore[assignment]
    loop = asyncio.get_running_loop()

    def begin(signum: int) -> None:
        if drain.active:
            uvicorn_exit(signum, None)  # a second SIGTERM: stop now
            return
        drain.active = True
        logger.info("draining", seconds=seconds)
        loop.call_later(seconds, uvicorn_exit, signum, None)

    def on_sigterm(signum: int, _frame: FrameType | None) -> None:
        # Signal context: hand over to the event loop, the only safe thing to do here.
        loop.call_soon_threadsafe(begin, signum)

    signal.signal(signal.SIGTERM, on_sigterm)
    return True


def close_connection(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """A response's headers with `Connection: close` (the edge layer, `app.server.edge`, applies it to every
    HTTP response while `DRAIN.active`)."""
    return [*((k, v) for k, v in headers if k.lower() != b"connection"), (b"connection", b"close")]
