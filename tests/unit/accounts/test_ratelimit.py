from __future__ import annotations

import asyncio
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
    assert "RateLimit-Policy" not in decisions[0].headers()  # 2 of 3 left: more than a tenth
    assert limiter.hit("key:b", 3, API_KEY_POLICY).allowed  # another identity has its own budget


def test_the_fields_follow_the_ietf_draft_structured_syntax(monkeypatch):
    monkeypatch.setattr(time, "time", lambda: 6_000_017.4)
    limiter = RateLimiter(None, namespace="t")
    limiter._buckets["user:u"] = _bucket_at(limiter, known=1079)  # 120 left before this request: a tenth
    pairs = limiter.hit("user:u", 1200, USER_POLICY).header_pairs()
    # The two fields of draft-ietf-httpapi-ratelimit-headers-07 and later, each one List member: a quoted policy
    # name with integer parameters.
    assert pairs == [(b"ratelimit", b'"user";r=120;t=43'), (b"ratelimit-policy", b'"user";q=1200;w=60')]


def _bucket_at(limiter, *, known):
    from app.domain.access.ratelimit import _Bucket

    return _Bucket(window=int(time.time()) // limiter.window, known=known)


def test_the_policy_field_is_sent_on_refusals_and_once_at_most_a_tenth_of_the_quota_is_left(monkeypatch):
    """`RateLimit` on every counted response; `RateLimit-Policy` (which never changes) only where it is news."""
    monkeypatch.setattr(time, "time", lambda: 6_000_017.4)
    checked, replayed = RateLimiter(None, namespace="t"), RateLimiter(None, namespace="t")
    for limiter in (checked, replayed):
        limiter._buckets["key:a"] = _bucket_at(limiter, known=85)  # 15 left of 100
    seen = []
    for _ in range(16):
        pairs = checked.hit("key:a", 100, API_KEY_POLICY).header_pairs()
        assert replayed.hit_header_pairs("key:a", 100, API_KEY_POLICY) == (pairs if len(seen) < 15 else None)
        seen.append((dict(pairs)[b"ratelimit"], dict(pairs).get(b"ratelimit-policy")))
    remaining = [int(value.split(b";r=")[1].split(b";")[0]) for value, _ in seen]
    assert remaining == [14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0]
    policies = {r: policy for r, (_, policy) in zip(remaining, seen, strict=True)}
    assert {r for r, policy in policies.items() if policy is None} == {14, 13, 12, 11}
    assert {policy for policy in policies.values() if policy is not None} == {b'"api-key";q=100;w=60'}
    assert checked.hit("key:b", 100, API_KEY_POLICY).header_pairs() == [(b"ratelimit", b'"api-key";r=99;t=43')]


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
    replayed.hit_header_pairs("user:c", 3, USER_POLICY)
    replayed.hit_header_pairs("user:c", 3, USER_POLICY)
    assert dict(replayed.hit_header_pairs("user:c", 3, USER_POLICY) or [])[b"ratelimit-policy"] == b'"user";q=3;w=60'


async def test_once_started_the_limiter_reads_the_clock_once_a_second_on_a_timer():
    """After `start`, the request path reads no clock: a loop timer moves the window at each second."""
    limiter = RateLimiter(None, namespace="t", window=1)  # a window per second: the tick starts a new count
    limiter.start()
    try:
        count = limiter.header_counter(1, USER_POLICY)
        await asyncio.sleep(1.0 - time.time() % 1.0 + 0.05)  # just past a second: the tick for it has run
        assert limiter._second == int(time.time())
        assert count("u") is not None
        assert count("u") is None  # over the limit for this second
        await asyncio.sleep(1.0 - time.time() % 1.0 + 0.05)
        assert limiter._second == int(time.time())
        assert count("u") == [(b"ratelimit", b'"user";r=0;t=1'), (b"ratelimit-policy", b'"user";q=1;w=1')]
    finally:
        await limiter.stop()
    assert limiter._ticker is None
