"""The webhooks runtime: queue client, relay loop and delivery workers, run by the API (in-process mode) or by
`python -m app worker` (external mode). The API in external mode only enqueues (manual redeliveries).

It owns a small engine of its own (2 connections + 1 overflow), so neither the relay's polling nor a slow
receiver ever takes a connection from the request pool.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import msgspec
import structlog
from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.config.database import create_engine
from app.config.settings import Settings
from app.domain.prompts.events import PromptEvent
from app.domain.webhooks.delivery import Deliverer
from app.domain.webhooks.queue import STOP_TIMEOUT, DrainQueue, LocalDrainQueue, SaqDrainQueue
from app.domain.webhooks.relay import relay_once, sweep_once
from app.lib.events import EventBus
from app.lib.metrics import WEBHOOK_QUEUE_DEPTH
from app.lib.services import services_of

if TYPE_CHECKING:
    import httpx

logger = structlog.get_logger("promptsmith.webhooks")

SWEEP_EVERY = 2.0
"""Seconds between two sweeps for overdue deliveries."""
HEARTBEAT_TTL = 30
HEARTBEAT_EVERY = 10.0
CONCURRENCY = 8


def heartbeat_key(settings: Settings, worker_name: str | None = None) -> str:
    """The Redis key a worker refreshes while alive (`python -m app worker --check` reads it)."""
    return f"{settings.redis_namespace}:webhooks:worker:{worker_name or socket.gethostname()}"


class WebhookRuntime:
    """Everything webhooks need at run time; `start(deliver=...)` decides whether this process delivers."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._queue: DrainQueue | None = None
        self._engine: AsyncEngine | None = None
        self._http: httpx.AsyncClient | None = None
        self._tasks: list[asyncio.Task[Any]] = []
        self._wake = asyncio.Event()
        self.last_relay_ok: float = 0.0

    @property
    def queue(self) -> DrainQueue:
        """The job queue, made on first use (an API that only enqueues redeliveries may never need it)."""
        if self._queue is None:
            settings = self.settings
            self._queue = (
                SaqDrainQueue(settings.redis_url, settings.redis_namespace) if settings.redis_url else LocalDrainQueue()
            )
        return self._queue

    def wake(self) -> None:
        """A local commit produced events: look at the outbox now rather than at the next poll."""
        self._wake.set()

    async def start(self, *, deliver: bool) -> None:
        if not deliver:
            return
        import httpx  # here: an API instance with a separate worker never delivers, nor imports httpx

        small = msgspec.structs.replace(self.settings, db_pool_size=2, db_max_overflow=1)
        self._engine = create_engine(small)
        sessions = async_sessionmaker(self._engine, expire_on_commit=False)
        self._http = httpx.AsyncClient(
            follow_redirects=False,
            trust_env=False,  # no proxy from the environment: the SSRF guard must see the real target
            timeout=self.settings.webhook_timeout,
            # No keep-alive: requests go to the checked IP address, and httpx pools connections by address, so
            # a kept connection (TLS with one host name) could carry a request for another host on that address.
            limits=httpx.Limits(max_connections=50, max_keepalive_connections=0),
        )
        deliverer = Deliverer(self.settings, sessions, self._http, self.queue)
        self._tasks = [
            asyncio.create_task(self.queue.run(deliverer.drain, CONCURRENCY), name="webhooks-worker"),
            asyncio.create_task(self._relay_loop(sessions), name="webhooks-relay"),
        ]

    async def _relay_loop(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        last_sweep = 0.0
        while True:
            try:
                moved = await relay_once(sessions, self.queue)
                if time.monotonic() - last_sweep >= SWEEP_EVERY:
                    await sweep_once(sessions, self.queue)
                    last_sweep = time.monotonic()
                self.last_relay_ok = time.time()
                WEBHOOK_QUEUE_DEPTH.set(await self.queue.depth())
            except Exception as exc:  # noqa: BLE001 - a database or Redis outage must not end the relay
                logger.warning("webhook_relay_failed", error=type(exc).__name__)
                moved = 0
                await asyncio.sleep(1.0)
            if moved:
                continue  # more may be waiting
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.settings.webhook_poll_interval):
                    await self._wake.wait()
            self._wake.clear()

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        if self._tasks:
            # Bounded, so a worker that does not end on cancellation cannot hold the app's shutdown.
            _, stuck = await asyncio.wait(self._tasks, timeout=STOP_TIMEOUT + 1)
            if stuck:
                logger.warning("webhooks_stop_timed_out", tasks=len(stuck))
        self._tasks = []
        if self._http is not None:
            await self._http.aclose()
        if self._engine is not None:
            await self._engine.dispose()
        if self._queue is not None:
            await self._queue.close()
            self._queue = None


def subscribe_webhooks(events: EventBus, runtime: WebhookRuntime) -> None:
    """Committed registry events wake the relay (the outbox rows were written in their transaction)."""

    async def _wake(_: PromptEvent) -> None:
        runtime.wake()

    events.subscribe(PromptEvent, _wake)


def webhook_runtime(app: Litestar) -> WebhookRuntime:
    """The app's webhooks runtime (built by `ApplicationCore` with the other services)."""
    return services_of(app).get(WebhookRuntime)


@asynccontextmanager
async def webhooks_lifespan(app: Litestar) -> AsyncIterator[None]:
    """Start deliveries in the API process in in-process mode; otherwise only the queue client is used."""
    runtime = webhook_runtime(app)
    await runtime.start(deliver=runtime.settings.webhooks_in_process)
    try:
        yield
    finally:
        await runtime.stop()
