"""Serve an app built in the test with uvicorn, inside the test's own event loop, over real TCP.

The app's state (cache, invalidation bus, engine) then lives in the same loop as the test, so a test can
both send HTTP requests and inspect or drive that state directly.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

import httpx
import uvicorn
from litestar import Litestar

from tests.integration.faults._procs import free_port


class _InLoopServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:  # the test runner keeps its own signal handlers
        yield


@asynccontextmanager
async def serve_in_loop(app: Litestar, *, timeout: float = 15.0) -> AsyncIterator[httpx.AsyncClient]:
    """Start `app` on a spare port; yield a client bound to it; stop the server (lifespan shutdown) after."""
    port = free_port()
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        lifespan="on",
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=2,
        timeout_keep_alive=5,
    )
    server = _InLoopServer(config)
    task = asyncio.create_task(server.serve(), name=f"uvicorn-{port}")
    try:
        async with asyncio.timeout(timeout):
            while not server.started:
                if task.done():
                    task.result()
                    raise RuntimeError("the app did not start (lifespan start-up failed)")
                await asyncio.sleep(0.02)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10.0) as client:
            yield client
    finally:
        server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError, SystemExit):
            await asyncio.wait_for(task, timeout=10)
