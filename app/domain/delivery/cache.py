"""The resolve cache: in-process first, then Redis, then the database; plus a last-known-good copy.

Layers, per `(workspace, prompt name)` and selector (`l:<label>` or `v:<number>`):

1. `LocalCache("prompt_resolve")`, TTL `RESOLVE_LOCAL_TTL` (1 s): the serialised body and its ETag. A hit
   costs no network round trip. Every write drops the prompt's keys here and on every other instance
   through the `InvalidationBus` (Redis pub/sub); the TTL bounds staleness if a message is ever lost.
2. A Redis hash `<ns>:resolve:<workspace>:<name>` (field = selector), TTL `RESOLVE_CACHE_TTL`. A write
   deletes the whole hash (one key per prompt, no SCAN). Shared by every instance, so a cold instance
   does not hit the database.
3. The database.

Race: a reader that loaded the old answer just before a write commits could store it after the write's
delete. Every invalidation is therefore repeated once after `REPEAT_DELAY` (0.5 s), which bounds that
window too. A last-known-good copy (local and in a second Redis hash, never deleted by writes, TTL
`RESOLVE_STALE_TTL`) is served only when the database is unreachable, marked `X-Cache: stale`.
Redis failures are cache misses (shared circuit breaker with `AppCache`), never errors.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from litestar.datastructures import State
from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.config.settings import Settings
from app.lib.cache import CircuitBreaker
from app.lib.invalidation import InvalidationBus, LocalCache
from app.lib.services import services_in

CACHE_NAME = "prompt_resolve"
REPEAT_DELAY = 0.5
REPEAT_WINDOW = 0.1
"""Keys invalidated within this many seconds of each other share one batch of repeats (`ResolveCache.invalidate`)."""
_FAILURES = (RedisError, OSError, TimeoutError)


@dataclass(frozen=True, slots=True)
class Answer:
    """A resolve response, serialised once."""

    body: bytes
    etag: str

    def pack(self) -> bytes:
        return self.etag.encode() + b"\n" + self.body

    @classmethod
    def unpack(cls, raw: bytes) -> Answer | None:
        etag, sep, body = raw.partition(b"\n")
        return cls(body=body, etag=etag.decode()) if sep else None


def prompt_key(workspace_id: UUID, name: str) -> str:
    return f"{workspace_id.hex}:{name}"


def selector(label: str | None, version: int | None) -> str:
    return f"v:{version}" if version is not None else f"l:{label}"


class ResolveCache:
    def __init__(
        self,
        settings: Settings,
        redis: Redis | None,
        bus: InvalidationBus | None,
        breaker: CircuitBreaker,
        *,
        repeat_delay: float = REPEAT_DELAY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.enabled = settings.resolve_cache_enabled
        self.redis = redis
        self.bus = bus
        self.breaker = breaker
        self.redis_ttl = settings.resolve_cache_ttl
        self.stale_ttl = settings.resolve_stale_ttl
        self.namespace = settings.redis_namespace
        self.repeat_delay = repeat_delay
        self.local: LocalCache[Answer] = LocalCache(
            CACHE_NAME, ttl=settings.resolve_local_ttl, maxsize=20_000, clock=clock
        )
        self.last_good: LocalCache[Answer] = LocalCache(
            CACHE_NAME + "_lkg", ttl=settings.resolve_stale_ttl, maxsize=20_000, clock=clock
        )
        if bus is not None:
            bus.register(self.local)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._batch: dict[str, None] | None = None
        """Keys whose repeat is queued in the open batch (insertion-ordered, no duplicates)."""
        self._batch_closes = 0.0

    def _hash(self, key: str) -> str:
        return f"{self.namespace}:resolve:{key}"

    def _lkg_hash(self, key: str) -> str:
        return f"{self.namespace}:resolve-lkg:{key}"

    def get_local(self, key: str, field: str) -> Answer | None:
        return self.local.get(f"{key}\x00{field}") if self.enabled else None

    async def get_shared(self, key: str, field: str) -> Answer | None:
        if not self.enabled or self.redis is None or self.breaker.is_open:
            return None
        try:
            raw = await self.redis.hget(self._hash(key), field)
        except _FAILURES as exc:
            self.breaker.record_failure(exc)
            return None
        self.breaker.record_success()
        answer = Answer.unpack(raw) if isinstance(raw, bytes) else None
        if answer is not None:
            self.local.set(f"{key}\x00{field}", answer)
        return answer

    async def store(self, key: str, field: str, answer: Answer, *, token: int | None = None) -> None:
        """Cache a freshly loaded answer. `token` (`self.local.token()` taken before the load) keeps an
        answer loaded before a concurrent write's invalidation out of the in-process layer."""
        self.last_good.set(f"{key}\x00{field}", answer)
        if not self.enabled:
            return
        self.local.set(f"{key}\x00{field}", answer, token=token)
        if self.redis is None or self.breaker.is_open:
            return
        packed = answer.pack()
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                pipe.hset(self._hash(key), field, packed)
                pipe.expire(self._hash(key), self.redis_ttl)
                pipe.hset(self._lkg_hash(key), field, packed)
                pipe.expire(self._lkg_hash(key), self.stale_ttl)
                await pipe.execute()
        except _FAILURES as exc:
            self.breaker.record_failure(exc)
            return
        self.breaker.record_success()

    async def get_stale(self, key: str, field: str) -> Answer | None:
        """The last known good answer, for when the database is unreachable."""
        answer = self.last_good.get(f"{key}\x00{field}")
        if answer is not None or self.redis is None or self.breaker.is_open:
            return answer
        try:
            raw = await self.redis.hget(self._lkg_hash(key), field)
        except _FAILURES as exc:
            self.breaker.record_failure(exc)
            return None
        return Answer.unpack(raw) if isinstance(raw, bytes) else None

    async def invalidate(self, key: str, *, repeat: bool = True) -> None:
        """Drop every cached answer of one prompt here, in Redis and on every instance. Never raises.

        The Redis delete and the bus message go out in one pipeline (one round trip). The repeat (see the module
        docstring) is batched: every key invalidated within `REPEAT_WINDOW` of a batch's first is repeated
        together, `repeat_delay + REPEAT_WINDOW` after that first one, so each key still waits at least
        `repeat_delay`, and a burst of writes costs one round trip of repeats, not one per write.
        """
        await self._drop((key,))
        if repeat:
            self._queue_repeat(key)

    async def _drop(self, keys: tuple[str, ...]) -> None:
        messages = [f"{key}\x00*" for key in keys]
        for key in keys:  # the bus's own cache of this name is `self.local` (registered in __init__)
            self.local.invalidate_prefix(f"{key}\x00")
        bus = self.bus
        if self.redis is None:
            return
        published = bus is not None and bus.redis is self.redis
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                pipe.delete(*(self._hash(key) for key in keys))
                if published:
                    assert bus is not None
                    for message in messages:
                        pipe.publish(bus.channel, bus.encode(CACHE_NAME, message))
                await pipe.execute()
        except _FAILURES as exc:
            self.breaker.record_failure(exc)
        # A reader of this instance may have fetched the old answer from Redis before the delete ran and cached it
        # locally meanwhile: drop the local entries again once Redis has no old answer left to give.
        for key in keys:
            self.local.invalidate_prefix(f"{key}\x00")
        if bus is not None and not published:
            for message in messages:
                await bus.publish(CACHE_NAME, message)

    def _queue_repeat(self, key: str) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        if self._batch is None or now >= self._batch_closes:
            self._batch = {}
            self._batch_closes = now + REPEAT_WINDOW
            task = loop.create_task(self._repeat(self._batch, self.repeat_delay + REPEAT_WINDOW))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        self._batch[key] = None

    async def _repeat(self, keys: dict[str, None], delay: float) -> None:
        await asyncio.sleep(delay)
        await self._drop(tuple(keys))

    async def drop_stale(self, key: str) -> None:
        """Forget the last-known-good copies too (the prompt was deleted or renamed)."""
        self.last_good.invalidate_prefix(f"{key}\x00")
        if self.redis is not None:
            try:
                await self.redis.delete(self._lkg_hash(key))
            except _FAILURES as exc:
                self.breaker.record_failure(exc)


def get_resolve_cache(app_state: State) -> ResolveCache:
    """The app's ResolveCache (built once by `ApplicationCore`, registered on the invalidation bus)."""
    return services_in(app_state).get(ResolveCache)
