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


def test_the_replays_header_pairs_are_the_decisions_and_count_the_same(monkeypatch):
    now = 6_000_017.4
    monkeypatch.setattr(time, "time", lambda: now)
    checked, replayed = RateLimiter(None, namespace="t"), RateLimiter(None, namespace="t")
    for _ in range(3):
        assert replayed.hit_header_pairs("key:a", 3) == checked.hit("key:a", 3).header_pairs()
    assert dict(checked.hit("key:b", 3).header_pairs())[b"ratelimit-reset"] == b"43"  # ceil(60 - 17.4)
    assert replayed.hit_header_pairs("key:a", 3) is None  # over the limit, like the refused decision
    assert not checked.hit("key:a", 3).allowed
    now += 1
    assert dict(replayed.hit_header_pairs("key:b", 3) or [])[b"ratelimit-reset"] == b"42"
