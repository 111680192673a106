"""A small application cache over a Litestar store, where a Redis failure is just a cache miss.

Redis is an accelerator here, never a dependency: reads and writes that fail are logged once per
outage (not once per request) and then skipped for a short cool-down, so a dead Redis costs at most
one bounded wait per cool-down instead of one per request.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import msgspec
import structlog
from litestar.stores.base import Store
from redis.exceptions import RedisError

from app.lib.metrics import set_circuit_state

logger = structlog.get_logger("promptsmith.cache")

T = TypeVar("T")

_FAILURES = (RedisError, OSError, TimeoutError)


class CircuitBreaker:
    """Tracks whether a backing service is failing; logs outage start and end exactly once."""

    def __init__(self, name: str, cooldown: float = 1.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.name = name
        self.cooldown = cooldown
        self._clock = clock
        self._open_until = 0.0
        self._failing = False

    @property
    def is_open(self) -> bool:
        return self._open_until > self._clock()

    @property
    def failing(self) -> bool:
        return self._failing

    def record_failure(self, exc: BaseException) -> None:
        self._open_until = self._clock() + self.cooldown
        if not self._failing:
            self._failing = True
            set_circuit_state(self.name, failing=True)
            logger.warning("backend_unavailable", backend=self.name, error_type=type(exc).__name__)

    def record_success(self) -> None:
        if self._failing:
            self._failing = False
            set_circuit_state(self.name, failing=False)
            logger.info("backend_recovered", backend=self.name)


class AppCache:
    """get / set / delete with TTL and msgspec encoding, failing soft."""

    def __init__(self, store: Store, *, breaker: CircuitBreaker | None = None) -> None:
        self.store = store
        self.breaker = breaker or CircuitBreaker("cache")
        self._encoder = msgspec.msgpack.Encoder()

    async def get(self, key: str, type_: type[T]) -> T | None:
        """The cached value, or None on a miss, a decode error or a backend failure."""
        if self.breaker.is_open:
            return None
        try:
            raw = await self.store.get(key)
        except _FAILURES as exc:
            self.breaker.record_failure(exc)
            return None
        self.breaker.record_success()
        if raw is None:
            return None
        try:
            return msgspec.msgpack.decode(raw, type=type_)
        except msgspec.DecodeError:
            return None

    async def set(self, key: str, value: object, ttl: int | None = None) -> bool:
        """Store `value`; returns False when the backend is unavailable."""
        if self.breaker.is_open:
            return False
        try:
            await self.store.set(key, self._encoder.encode(value), expires_in=ttl)
        except _FAILURES as exc:
            self.breaker.record_failure(exc)
            return False
        self.breaker.record_success()
        return True

    async def delete(self, key: str) -> bool:
        """Remove `key`. A failed delete is reported (False) so callers can fall back, e.g. to a short TTL."""
        try:
            await self.store.delete(key)
        except _FAILURES as exc:
            self.breaker.record_failure(exc)
            return False
        self.breaker.record_success()
        return True
