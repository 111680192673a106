"""The job queue that carries webhook work: `drain(subscription, prompt)` jobs, each sending that prompt's
pending deliveries to that subscription in order (see `delivery.py`).

Deployed (REDIS_URL set) the queue is saq on Redis: jobs are stored in Redis, so they outlive the process that
enqueued them and the worker that was running them (saq sweeps a dead worker's jobs; our own sweep re-enqueues
any delivery whose lease expired). Embedded (no Redis) the same jobs run as asyncio tasks of the API process;
the deliveries table is the durable state in both cases, so a restart loses nothing either way.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Protocol
from uuid import UUID

import structlog

if TYPE_CHECKING:
    from saq import Queue

logger = structlog.get_logger("promptsmith.webhooks")

DrainFunction = Callable[[UUID, str], Awaitable[None]]

DRAIN_JOB = "webhooks.drain"
JOB_TIMEOUT = 300
"""Seconds saq lets one drain job run before sweeping it (a drain stops itself well before, see delivery.py)."""


class DrainQueue(Protocol):
    """Enqueues drain jobs; `run` processes them until cancelled (only where deliveries run)."""

    async def enqueue_drain(self, subscription_id: UUID, prompt: str, *, key: str, at: float | None = None) -> None:
        """Ask for a drain of (`subscription_id`, `prompt`), at epoch seconds `at` or now. `key` makes it unique."""
        ...

    async def run(self, drain: DrainFunction, concurrency: int) -> None: ...

    async def depth(self) -> int: ...

    async def close(self) -> None: ...


STOP_TIMEOUT = 5.0
"""Seconds a stopping worker may take to hand back its jobs before the process goes on without it."""


class SaqDrainQueue:
    """saq on Redis: durable, shared by every API instance and worker."""

    def __init__(self, redis_url: str, namespace: str) -> None:
        # Imported here: an API instance makes this queue only when it enqueues a redelivery (the worker delivers),
        # and saq with its cron dependencies is 1 MB of every worker's memory.
        from saq import Queue

        self.queue: Queue = Queue.from_url(redis_url, name=f"{namespace}-webhooks")

    async def enqueue_drain(self, subscription_id: UUID, prompt: str, *, key: str, at: float | None = None) -> None:
        await self.queue.enqueue(
            DRAIN_JOB,
            key=key,
            scheduled=int(at) + 1 if at is not None and at > time.time() else 0,
            timeout=JOB_TIMEOUT,
            retries=2,
            subscription_id=str(subscription_id),
            prompt=prompt,
        )

    async def run(self, drain: DrainFunction, concurrency: int) -> None:
        async def drain_job(ctx: object, *, subscription_id: str, prompt: str) -> None:
            await drain(UUID(subscription_id), prompt)

        from saq import Worker

        worker = Worker(
            self.queue,
            functions=[(DRAIN_JOB, drain_job)],
            concurrency=concurrency,
            timers={"schedule": 1, "sweep": 10, "worker_info": 10, "abort": 1},
        )
        worker.SIGNALS = []  # the process (uvicorn or our CLI) owns its signals and stops us by cancelling
        try:
            await worker.start()
        finally:
            # Bounded: a stop that waits on Redis or on a stuck job must not hold the process's shutdown.
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.shield(worker.stop()), timeout=STOP_TIMEOUT)

    async def depth(self) -> int:
        return int(await self.queue.count("queued"))

    async def close(self) -> None:
        await self.queue.disconnect()


class LocalDrainQueue:
    """In-process jobs for the embedded default: asyncio tasks, at most `concurrency` at a time."""

    def __init__(self) -> None:
        self._pending: asyncio.Queue[tuple[UUID, str]] = asyncio.Queue()
        self._timers: set[asyncio.TimerHandle] = set()

    async def enqueue_drain(self, subscription_id: UUID, prompt: str, *, key: str, at: float | None = None) -> None:
        delay = 0.0 if at is None else max(0.0, at - time.time())
        if delay == 0.0:
            self._pending.put_nowait((subscription_id, prompt))
            return
        loop = asyncio.get_running_loop()
        handle: asyncio.TimerHandle

        def _due() -> None:
            self._timers.discard(handle)
            self._pending.put_nowait((subscription_id, prompt))

        handle = loop.call_later(delay, _due)
        self._timers.add(handle)

    async def run(self, drain: DrainFunction, concurrency: int) -> None:
        async def consume() -> None:
            while True:
                subscription_id, prompt = await self._pending.get()
                try:
                    await drain(subscription_id, prompt)
                except Exception as exc:  # noqa: BLE001 - one failed drain must not stop the consumer
                    logger.error("webhook_drain_failed", error=type(exc).__name__)  # not repr: URLs may hold tokens

        async with asyncio.TaskGroup() as group:
            for _ in range(concurrency):
                group.create_task(consume())

    async def depth(self) -> int:
        return self._pending.qsize() + len(self._timers)

    async def close(self) -> None:
        for handle in self._timers:
            handle.cancel()
        self._timers.clear()
