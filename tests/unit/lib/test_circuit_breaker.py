"""`CircuitBreaker` and `AppCache` failing soft, on an injected clock."""

from __future__ import annotations

from datetime import timedelta

from litestar.stores.memory import MemoryStore
from redis.exceptions import ConnectionError as RedisConnectionError

from app.lib.cache import AppCache, CircuitBreaker


class FakeClock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def test_breaker_opens_for_its_cooldown_after_a_failure() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker("redis", cooldown=2.0, clock=clock)
    assert not breaker.is_open
    breaker.record_failure(OSError("down"))
    assert breaker.is_open
    assert breaker.failing
    clock.now += 1.9
    assert breaker.is_open
    clock.now += 0.2
    assert not breaker.is_open  # half-open: the next call is tried again
    assert breaker.failing  # until a success says otherwise
    breaker.record_success()
    assert not breaker.failing


class BrokenStore(MemoryStore):
    """A store whose backend is down: every call fails like Redis does."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    async def get(self, key: str, renew_for: int | timedelta | None = None) -> bytes | None:
        self.calls += 1
        raise RedisConnectionError("down")

    async def set(self, key: str, value: str | bytes, expires_in: int | timedelta | None = None) -> None:
        self.calls += 1
        raise RedisConnectionError("down")


async def test_app_cache_round_trips_and_a_dead_backend_is_a_miss_not_an_error() -> None:
    healthy = AppCache(MemoryStore())
    assert await healthy.set("k", {"a": 1})
    assert await healthy.get("k", dict) == {"a": 1}
    assert await healthy.get("missing", dict) is None

    clock = FakeClock()
    store = BrokenStore()
    broken = AppCache(store, breaker=CircuitBreaker("cache", cooldown=1.0, clock=clock))
    assert await broken.get("k", dict) is None
    assert not await broken.set("k", {"a": 1})
    assert store.calls == 1  # the second call was skipped: the breaker is open
    clock.now += 1.5
    assert await broken.get("k", dict) is None
    assert store.calls == 2  # tried again after the cool-down
