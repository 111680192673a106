from __future__ import annotations

import time

from app.domain.access.ratelimit import RateLimiter


def test_local_counting_limits_per_identity_with_headers():
    limiter = RateLimiter(None, namespace="t")
    decisions = [limiter.hit("key:a", 3) for _ in range(4)]
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert [d.remaining for d in decisions] == [2, 1, 0, 0]
    refused = decisions[-1].headers()
    assert refused["RateLimit-Limit"] == "3"
    assert refused["RateLimit-Policy"] == "3;w=60"
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "Retry-After" not in decisions[0].headers()
    assert limiter.hit("key:b", 3).allowed  # another identity has its own budget


def test_a_new_window_starts_a_new_count(monkeypatch):
    limiter = RateLimiter(None, namespace="t", window=60)
    now = 6_000_000.0
    monkeypatch.setattr(time, "time", lambda: now)
    assert limiter.hit("u", 1).allowed
    assert not limiter.hit("u", 1).allowed
    now += 60
    assert limiter.hit("u", 1).allowed


async def test_flush_without_redis_is_a_no_op_and_keeps_counts():
    limiter = RateLimiter(None, namespace="t")
    limiter.hit("u", 2)
    await limiter.flush()
    limiter.hit("u", 2)
    assert not limiter.hit("u", 2).allowed
