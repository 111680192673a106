"""`LocalCache`: TTL, LRU bound and the fill token, on an injected clock (no sleeping, no wall-clock races)."""

from __future__ import annotations

from app.lib.invalidation import LocalCache


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_entries_expire_after_their_ttl() -> None:
    clock = FakeClock()
    cache: LocalCache[str] = LocalCache("t", ttl=5.0, clock=clock)
    cache.set("a", "1")
    cache.set("b", "2", ttl=20.0)
    clock.now += 4.9
    assert cache.get("a") == "1"
    clock.now += 0.2
    assert cache.get("a") is None  # past its 5 s
    assert cache.get("b") == "2"  # its own, longer TTL
    clock.now += 15.0
    assert cache.get("b") is None


def test_least_recently_stored_entry_is_evicted_first() -> None:
    cache: LocalCache[int] = LocalCache("t", ttl=60.0, maxsize=2, clock=FakeClock())
    cache.set("a", 1)
    cache.set("b", 2)
    cache.set("a", 10)  # refreshed: now the newest
    cache.set("c", 3)
    assert cache.get("b") is None
    assert (cache.get("a"), cache.get("c")) == (10, 3)
    assert len(cache) == 2


def test_a_fill_token_taken_before_an_invalidation_is_refused() -> None:
    cache: LocalCache[str] = LocalCache("t", ttl=60.0, clock=FakeClock())
    token = cache.token()
    cache.invalidate("other")  # any invalidation of this cache in between
    cache.set("a", "stale", token=token)
    assert cache.get("a") is None
    cache.set("a", "fresh", token=cache.token())
    assert cache.get("a") == "fresh"


def test_prefix_invalidation_drops_only_that_prefix() -> None:
    cache: LocalCache[int] = LocalCache("t", ttl=60.0, clock=FakeClock())
    for key in ("ws1:a", "ws1:b", "ws2:a"):
        cache.set(key, 1)
    cache.invalidate_prefix("ws1:")
    assert (cache.get("ws1:a"), cache.get("ws1:b"), cache.get("ws2:a")) == (None, None, 1)
    cache.clear()
    assert len(cache) == 0
