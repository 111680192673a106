"""In-process caches that every app instance drops together.

A `LocalCache` answers hot reads (resolve, API-key lookups) without any network round trip. Writes
call `InvalidationBus.publish(cache, key)`: the key is dropped here at once and, through Redis
pub/sub, on every other instance within milliseconds. Each cache also has a short TTL, so even if a
message is lost (Redis down, subscriber reconnecting) no instance serves a stale entry for longer
than that TTL; while the subscription is down every local cache is cleared on reconnect.

Writes that go through a database session publish *after the commit*, never before: `invalidate_on_commit`
records `(cache, key)` on the session and a session `after_commit` hook drops the keys locally at once (so the
next request on this instance reads the committed rows) and publishes them in the background. The hook is
attached to the app's own session maker with the app's bus (`attach_invalidation_hooks`), so services need no
reference to the bus and no global map finds it.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

logger = structlog.get_logger("promptsmith.invalidation")

T = TypeVar("T")


class LocalCache(Generic[T]):
    """A bounded in-process TTL cache (LRU eviction). Not shared between processes.

    Fill race: a reader that loaded a value from the database just before a write committed could store it
    after the write's invalidation. `token()` before the load and `set(..., token=t)` after it close that
    window: the value is not stored when any invalidation of this cache happened in between.
    """

    def __init__(
        self, name: str, *, ttl: float, maxsize: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.name = name
        self.ttl = ttl
        self.maxsize = maxsize
        self._clock = clock
        """Seconds, monotonic; tests inject their own to move time without sleeping."""
        self._data: OrderedDict[str, tuple[float, T]] = OrderedDict()
        self._generation = 0

    def token(self) -> int:
        """The invalidation generation; pass it to `set` to store only if nothing was invalidated since."""
        return self._generation

    def get(self, key: str) -> T | None:
        entry = self._data.get(key)
        if entry is None:
            return None
        expires_at, value = entry
        if expires_at < self._clock():
            self._data.pop(key, None)
            return None
        return value

    def set(self, key: str, value: T, ttl: float | None = None, *, token: int | None = None) -> None:
        if token is not None and token != self._generation:
            return
        self._data[key] = (self._clock() + (self.ttl if ttl is None else ttl), value)
        self._data.move_to_end(key)
        if len(self._data) > self.maxsize:
            self._data.popitem(last=False)

    def invalidate(self, key: str) -> None:
        self._generation += 1
        self._data.pop(key, None)

    def invalidate_prefix(self, prefix: str) -> None:
        self._generation += 1
        for key in [k for k in self._data if k.startswith(prefix)]:
            self._data.pop(key, None)

    def clear(self) -> None:
        self._generation += 1
        self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


class InvalidationBus:
    """Broadcasts cache invalidations to every instance sharing the Redis server.

    Message format: `<cache name>\\x00<key>`; a key ending in `*` drops every key with that prefix.
    """

    def __init__(self, redis: Redis | None, channel: str) -> None:
        self.redis = redis
        self.channel = channel
        self._caches: dict[str, LocalCache[object]] = {}
        self._task: asyncio.Task[None] | None = None
        self._connected = asyncio.Event()
        self._stopping = False
        self._publishing: set[asyncio.Task[None]] = set()
        self._outgoing: list[str] = []
        """Messages `publish_soon` queued for the next pipeline, sent by the pending `_flush` task."""
        self._flush: asyncio.Task[None] | None = None

    def register(self, cache: LocalCache[T]) -> LocalCache[T]:
        """Make `cache` follow invalidations; returns it for convenient assignment."""
        self._caches[cache.name] = cache  # type: ignore[assignment]
        return cache

    def cache(self, name: str) -> LocalCache[object] | None:
        return self._caches.get(name)

    def _apply(self, cache_name: str, key: str) -> None:
        cache = self._caches.get(cache_name)
        if cache is None:
            return
        if key.endswith("*"):
            cache.invalidate_prefix(key[:-1])
        else:
            cache.invalidate(key)

    @staticmethod
    def encode(cache_name: str, key: str) -> str:
        """The message that drops `key` of `cache_name` on every instance, for a caller that publishes it on
        `channel` in a pipeline of its own (after dropping it here)."""
        return f"{cache_name}\x00{key}"

    async def publish(self, cache_name: str, key: str) -> None:
        """Drop `key` here now and ask every other instance to do the same. Never raises."""
        self._apply(cache_name, key)
        if self.redis is None:
            return
        try:
            await self.redis.publish(self.channel, self.encode(cache_name, key))
        except (RedisError, OSError) as exc:
            # Other instances fall back to their TTL; the write itself must not fail because of Redis.
            logger.warning("invalidation_publish_failed", error_type=type(exc).__name__)

    def publish_soon(self, cache_name: str, key: str) -> None:
        """Drop `key` here now (synchronously) and publish it to the other instances in the background.

        Messages queued in the same turn of the event loop (one commit's after-commit hooks and subscribers, or
        several requests finishing together) go out in one pipeline: one round trip, not one per message.
        """
        self._apply(cache_name, key)
        if self.redis is None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop (a synchronous script): the local drop is all we can do
            return
        self._outgoing.append(self.encode(cache_name, key))
        if self._flush is None or self._flush.done():
            task = self._flush = loop.create_task(self._publish_remote())
            self._publishing.add(task)
            task.add_done_callback(self._publishing.discard)

    async def _publish_remote(self) -> None:
        assert self.redis is not None
        await asyncio.sleep(0)  # let the rest of this turn's messages join the batch
        messages, self._outgoing = self._outgoing, []
        self._flush = None  # later messages start the next batch
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                for message in messages:
                    pipe.publish(self.channel, message)
                await pipe.execute()
        except (RedisError, OSError) as exc:
            logger.warning("invalidation_publish_failed", error_type=type(exc).__name__)

    async def start(self) -> None:
        if self.redis is not None and self._task is None:
            self._stopping = False
            self._task = asyncio.create_task(self._listen(), name="invalidation-bus")

    async def stop(self) -> None:
        if self._publishing:
            await asyncio.gather(*self._publishing, return_exceptions=True)
        if self._task is not None:
            # The flag as well as the cancel: redis-py can swallow a cancellation that races with its own
            # read timeout (get_message then returns None), and the loop would otherwise run on forever.
            self._stopping = True
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def wait_connected(self, timeout: float = 2.0) -> bool:
        """For tests and start-up: True once the subscription is live."""
        try:
            await asyncio.wait_for(self._connected.wait(), timeout)
        except TimeoutError:
            return False
        return True

    def _clear_all(self) -> None:
        for cache in self._caches.values():
            cache.clear()

    async def _listen(self) -> None:
        assert self.redis is not None
        delay = 0.1
        while not self._stopping:
            pubsub = self.redis.pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.subscribe(self.channel)
                # Anything published while we were not subscribed is lost: start clean.
                self._clear_all()
                self._connected.set()
                delay = 0.1
                while not self._stopping:
                    message = await pubsub.get_message(timeout=1.0)
                    if message is None:
                        continue
                    data = message.get("data")
                    if isinstance(data, bytes):
                        cache_name, _, key = data.decode().partition("\x00")
                        self._apply(cache_name, key)
            except asyncio.CancelledError:
                raise
            except (RedisError, OSError) as exc:
                if self._connected.is_set():
                    logger.warning("invalidation_subscription_lost", error_type=type(exc).__name__)
                self._connected.clear()
                self._clear_all()
                await asyncio.sleep(delay)
                delay = min(delay * 2, 2.0)
            finally:
                with contextlib.suppress(Exception):
                    await pubsub.aclose()  # type: ignore[no-untyped-call]


# --- invalidation after commit ---------------------------------------------------------------------------------

_PENDING_KEY = "promptsmith_pending_invalidations"


def invalidate_on_commit(session: Any, cache_name: str, key: str) -> None:
    """Drop `cache_name`/`key` on every instance once `session` (sync or async) commits its transaction."""
    sync: Session = getattr(session, "sync_session", session)
    pending: set[tuple[str, str]] = sync.info.setdefault(_PENDING_KEY, set())
    pending.add((cache_name, key))


def attach_invalidation_hooks(session_factory: sessionmaker[Session], bus: InvalidationBus) -> None:
    """Publish on `bus` the `invalidate_on_commit` keys of a session made by `session_factory` (the app's own)
    once it commits."""

    def publish_pending(session: Session) -> None:
        pending: set[tuple[str, str]] | None = session.info.pop(_PENDING_KEY, None)
        for cache_name, key in sorted(pending or ()):
            bus.publish_soon(cache_name, key)

    event.listen(session_factory, "after_commit", publish_pending)
