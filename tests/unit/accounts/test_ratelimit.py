from __future__ import annotations

import time

from app.domain.access.ratelimit import API_KEY_POLICY, USER_POLICY, RateLimiter


def test_local_counting_limits_per_identity_with_headers():
    limiter = RateLimiter(None, namespace="t")
    decisions = [limiter.hit("key:a", 3, API_KEY_POLICY) for _ in range(4)]
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert [d.remaining for d in decisions] == [2, 1, 0, 0]
    refused = decisions[-1].headers()
    assert refused["RateLimit-Policy"] == '"api-key";q=3;w=60'
    assert refused["RateLimit"] == f'"api-key";r=0;t={refused["Retry-After"]}'
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "Retry-After" not in decisions[0].headers()
    assert limiter.hit("key:b", 3, API_KEY_POLICY).allowed  # another identity has its own budget


def test_the_fields_follow_the_ietf_draft_structured_syntax(monkeypatch):
    monkeypatch.setattr(time, "time", lambda: 6_000_017.4)
    limiter = RateLimiter(None, namespace="t")
    pairs = limiter.hit("user:u", 1200, USER_POLICY).header_pairs()
    # Two fields only (draft-ietf-httpapi-ratelimit-headers-07 and later), each one List member: a quoted
    # policy name with integer parameters.
    assert pairs == [(b"ratelimit", b'"user";r=1199;t=43'), (b"ratelimit-policy", b'"user";q=1200;w=60')]


def test_a_new_window_starts_a_new_count(monkeypatch):
    limiter = RateLimiter(None, namespace="t", window=60)
    now = 6_000_000.0
    monkeypatch.setattr(time, "time", lambda: now)
    assert limiter.hit("u", 1, USER_POLICY).allowed
    assert not limiter.hit("u", 1, USER_POLICY).allowed
    now += 60
    assert limiter.hit("u", 1, USER_POLICY).allowed


async def test_flush_without_redis_is_a_no_op_and_keeps_counts():
    limiter = RateLimiter(None, namespace="t")
    limiter.hit("u", 2, USER_POLICY)
    await limiter.flush()
    limiter.hit("u", 2, USER_POLICY)
    assert not limiter.hit("u", 2, USER_POLICY).allowed


def test_the_replays_header_pairs_are_the_decisions_and_count_the_same(monkeypatch):
    now = 6_000_017.4
    monkeypatch.setattr(time, "time", lambda: now)
    checked, replayed = RateLimiter(None, namespace="t"), RateLimiter(None, namespace="t")
    for _ in range(3):
        assert (
            replayed.hit_header_pairs("key:a", 3, API_KEY_POLICY)
            == checked.hit("key:a", 3, API_KEY_POLICY).header_pairs()
        )
    assert dict(checked.hit("key:b", 3, API_KEY_POLICY).header_pairs())[b"ratelimit"] == b'"api-key";r=2;t=43'
    assert replayed.hit_header_pairs("key:a", 3, API_KEY_POLICY) is None  # over the limit, like the refused decision
    assert not checked.hit("key:a", 3, API_KEY_POLICY).allowed
    now += 1  # ceil(60 - 18.4): the reset follows the clock second by second
    assert dict(replayed.hit_header_pairs("key:b", 3, API_KEY_POLICY) or [])[b"ratelimit"] == b'"api-key";r=2;t=42'
    # The same limit under another policy name is encoded on its own.
    assert dict(replayed.hit_header_pairs("user:c", 3, USER_POLICY) or [])[b"ratelimit-policy"] == b'"user";q=3;w=60'
