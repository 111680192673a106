"""Request rate limits per API key and per user: fixed one-minute windows, counted locally, shared via Redis.

Design (and its trade-off). The check runs on every authenticated request, so it must cost far less than
the request. Litestar's middleware does GET+SET on the store under a lock and was measured at a fifth of the
throughput without it; even one pipelined INCR+EXPIRE per request is a ~150 us Redis round trip, as much as a
whole cached read. So the request path makes **no** Redis round trip:

* each process counts locally: per identity and window it keeps `known` (the global count Redis last reported)
  and `pending` (hits admitted here and not yet sent);
* a request is admitted when `known + pending < limit`, then `pending += 1`;
* a background task flushes every `flush_interval` (100 ms), or sooner once a bucket that has used at least
  half of its limit has `flush_threshold` pending hits, sending `INCRBY key pending` + `EXPIRE key` for all
  buckets in one pipeline; the INCRBY reply becomes the new `known`. (Far from its limit a bucket cannot
  overshoot before the next periodic flush, so early flushes there would only cost Redis round trips: at
  several thousand requests a second they were one pipeline per 50 requests.)

The price is bounded overshoot: between two flushes each instance can admit what it believes is left, so
the global count may exceed the limit by at most about (instances - 1) x (hits one instance admits in one
flush interval). Per-process accuracy is exact. With no Redis (memory-store mode) the counters are purely
local. When Redis is down the flusher folds pending hits into `known` locally and keeps limiting per process
(fail open across processes), logging once per outage; requests never fail because of it.

The headers are the two structured fields of the IETF draft (draft-ietf-httpapi-ratelimit-headers-07 and later;
the earlier four `RateLimit-Limit/-Remaining/-Reset/-Policy` fields are gone from it): `RateLimit:
"api-key";r=5999;t=42` (`r` requests left, `t` seconds until the window resets) on every counted response, and
`RateLimit-Policy: "api-key";q=6000;w=60` (the quota policy: its name, `q` requests per `w` seconds) where it
carries news: on a refusal (429, with `Retry-After`) and on the responses that leave at most a tenth of the
quota (`r <= q / 10`). The policy never changes between two responses, and the draft lets a server send either
field on some responses only (-11, section 2: policies "can be advertised by servers, but they are not required
to be"; section 6.2: "Servers are not required to return RateLimit header fields in every response"; section 7:
a client "MUST NOT assume that future responses will contain the same RateLimit header fields"). Sending it on
every response cost a cached resolve about 2.5% of its instructions (uvicorn checks and encodes every field in
Python; `bench/results/perf44-notes.md`). The policy is `api-key` for requests made with an API key and `user`
for those made with a session.

The clock. Once `start` ran (in the app's lifespan), a timer on the event loop moves the window and the `t` of
the headers at every second of the clock, so the request path reads no clock; a window therefore begins up to
one turn of the event loop (and 1 ms) after its second. Before `start` (tests, scripts) every count reads it.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

logger = structlog.get_logger("promptsmith.ratelimit")


@dataclass(slots=True)
class _Bucket:
    window: int
    known: int = 0
    pending: int = 0


API_KEY_POLICY = "api-key"
"""The quota policy of requests made with an API key (`RATE_LIMIT_API_KEY_PER_MINUTE`), as the headers name it."""
USER_POLICY = "user"
"""The quota policy of requests made with a session (`RATE_LIMIT_USER_PER_MINUTE`)."""


class RateLimitDecision(NamedTuple):
    """The outcome of one check, with what the RateLimit headers report (a tuple: one is built per request)."""

    allowed: bool
    policy: str
    limit: int
    remaining: int
    reset: int
    window: int

    def header_pairs(self) -> list[tuple[bytes, bytes]]:
        """The `RateLimit` field as a raw ASGI pair, and the `RateLimit-Policy` pair after it when the request was
        refused or left at most a tenth of the quota (see the module docstring): the one encoding of them."""
        pairs = [(b"ratelimit", b'"%s";r=%d;t=%d' % (self.policy.encode(), self.remaining, self.reset))]
        if not self.allowed or self.remaining <= low_quota_mark(self.limit):
            pairs.append(_policy_pair(self.policy, self.limit, self.window))
        return pairs

    def headers(self) -> dict[str, str]:
        """The same fields for a problem response (and Retry-After when refused)."""
        names = {b"ratelimit": "RateLimit", b"ratelimit-policy": "RateLimit-Policy"}
        headers = {names[name]: value.decode() for name, value in self.header_pairs()}
        if not self.allowed:
            headers["Retry-After"] = str(self.reset)
        return headers


def _policy_pair(policy: str, limit: int, window: int) -> tuple[bytes, bytes]:
    return (b"ratelimit-policy", b'"%s";q=%d;w=%d' % (policy.encode(), limit, window))


def low_quota_mark(limit: int) -> int:
    """The requests left (`r`) at or below which a response also carries `RateLimit-Policy`: a tenth of `limit`."""
    return limit // 10


HeaderCounter = Callable[[str], list[tuple[bytes, bytes]] | None]
"""`RateLimiter.header_counter`'s function: identity -> the RateLimit header pairs, or None when refused."""


class RateLimiter:
    """Process-local counters with asynchronous write-behind to Redis (see the module docstring)."""

    def __init__(
        self,
        redis: Redis | None,
        *,
        namespace: str,
        window: int = 60,
        flush_interval: float = 0.1,
        flush_threshold: int = 50,
    ) -> None:
        self.redis = redis
        self.namespace = namespace
        self.window = window
        self.flush_interval = flush_interval
        self.flush_threshold = flush_threshold
        self._buckets: dict[str, _Bucket] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._redis_down = False
        self._stopping = False
        self._second = -1
        self._current_window = 0
        self._reset = 0
        self._reset_suffix = b";t=0"
        self._ticker: asyncio.TimerHandle | None = None
        """The loop timer that moves the clock-derived state every second once `start` ran; None: read the clock."""
        self._counters: dict[tuple[str, int], HeaderCounter] = {}
        """`hit_header_pairs`' counters per policy and limit."""

    def _new_second(self, second: int) -> None:
        """Move the clock-derived state to `second` (once per second of the clock)."""
        window = second // self.window
        # = ceil((window + 1) * self.window - time.time()) for every instant of this second, and >= 1.
        reset = (window + 1) * self.window - second
        self._second, self._current_window, self._reset = second, window, reset
        self._reset_suffix = b";t=%d" % reset

    def _read_clock(self) -> None:
        """The clock-derived state for now, when no ticker keeps it (before `start`)."""
        second = int(time.time())
        if second != self._second:
            self._new_second(second)

    def _tick(self) -> None:
        """The ticker: the state for this second, then the next tick just after the next second of the clock."""
        now = time.time()
        second = int(now)
        if second != self._second:
            self._new_second(second)
        # 1 ms past the second, so a timer that fires a little early (uvloop rounds to milliseconds) still sees it.
        self._ticker = asyncio.get_running_loop().call_later(second + 1.001 - now, self._tick)

    def _count(self, identity: str, limit: int) -> int:
        """Count one request for `identity`: the requests left after it, or -1 when it is over `limit` (not
        counted). One function on purpose: it runs on every request, and each call and object it touches costs.
        `header_counter` inlines the same steps (a test keeps the two alike)."""
        if self._ticker is None:
            self._read_clock()
        window = self._current_window
        bucket = self._buckets.get(identity)
        if bucket is None or bucket.window != window:
            bucket = self._buckets[identity] = _Bucket(window=window)
        used = bucket.known + bucket.pending
        if used >= limit:
            return -1
        bucket.pending += 1
        if used * 2 >= limit and bucket.pending >= self.flush_threshold and self.redis is not None:
            self._wake.set()
        return limit - used - 1

    def hit(self, identity: str, limit: int, policy: str) -> RateLimitDecision:
        """Count one request for `identity` unless it is over `limit` (of the quota policy named `policy`). No I/O."""
        remaining = self._count(identity, limit)
        return RateLimitDecision(remaining >= 0, policy, limit, max(0, remaining), self._reset, self.window)

    def hit_header_pairs(self, identity: str, limit: int, policy: str) -> list[tuple[bytes, bytes]] | None:
        """`hit` for a replay, which only needs the headers of an allowed request: those headers (as
        `RateLimitDecision.header_pairs`), or None when the request is over `limit` (not counted)."""
        counter = self._counters.get((policy, limit))
        if counter is None:
            counter = self._counters[policy, limit] = self.header_counter(limit, policy)
        return counter(identity)

    def header_counter(self, limit: int, policy: str) -> HeaderCounter:
        """`hit_header_pairs` bound to one `limit` and `policy`, which a replay layer binds once and calls per
        request: the fixed parts of the fields are encoded here, and the count is `_count`'s steps inlined (one
        call fewer on the cheapest requests there are)."""
        start = b'"%s";r=' % policy.encode()
        policy_pair = _policy_pair(policy, limit, self.window)
        low = low_quota_mark(limit)
        buckets = self._buckets
        threshold = self.flush_threshold
        flushes = self.redis is not None

        def count(identity: str) -> list[tuple[bytes, bytes]] | None:
            if self._ticker is None:
                self._read_clock()
            window = self._current_window
            bucket = buckets.get(identity)
            if bucket is None or bucket.window != window:
                bucket = buckets[identity] = _Bucket(window=window)
            used = bucket.known + bucket.pending
            if used >= limit:
                return None
            bucket.pending += 1
            if used * 2 >= limit and bucket.pending >= threshold and flushes:
                self._wake.set()
            remaining = limit - used - 1
            pair = (b"ratelimit", b"%s%d%s" % (start, remaining, self._reset_suffix))
            return [pair] if remaining > low else [pair, policy_pair]

        return count

    def _key(self, identity: str, window: int) -> str:
        return f"{self.namespace}:{identity}:{window}"

    async def flush(self) -> None:
        """Send every pending count to Redis in one pipeline and learn the global counts back."""
        current = int(time.time() // self.window)
        for identity in [i for i, b in self._buckets.items() if b.window < current and b.pending == 0]:
            del self._buckets[identity]
        batch = [(identity, bucket, bucket.pending) for identity, bucket in self._buckets.items() if bucket.pending]
        if not batch or self.redis is None:
            return
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                for identity, bucket, amount in batch:
                    key = self._key(identity, bucket.window)
                    pipe.incrby(key, amount)
                    pipe.expire(key, self.window * 2)
                results = await pipe.execute()
        except (RedisError, OSError) as exc:
            if not self._redis_down:
                logger.warning("rate_limit_redis_unavailable", error_type=type(exc).__name__)
                self._redis_down = True
            # Keep limiting locally: the hits are now "known" to this process only.
            for _, bucket, amount in batch:
                bucket.pending -= amount
                bucket.known += amount
            return
        if self._redis_down:
            logger.info("rate_limit_redis_recovered")
            self._redis_down = False
        for index, (_, bucket, amount) in enumerate(batch):
            bucket.pending -= amount
            bucket.known = max(bucket.known, int(results[index * 2]))

    async def _run(self) -> None:
        # The flag as well as the cancel in `stop`: on Python 3.11 `asyncio.wait_for` can swallow a cancellation
        # that races with its own timeout, and the loop would then run on forever (a hung shutdown).
        while not self._stopping:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.flush_interval)
            self._wake.clear()
            try:
                await self.flush()
            except Exception:  # the flusher must survive anything; the request path never waits on it
                logger.exception("rate_limit_flush_failed")

    def start(self) -> None:
        """Start the ticker and, with Redis, the flusher (on the running event loop)."""
        if self._ticker is None:
            self._tick()
        if self.redis is not None and self._task is None:
            self._stopping = False
            self._task = asyncio.create_task(self._run(), name="rate-limit-flusher")

    async def stop(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            self._ticker = None
        if self._task is not None:
            self._stopping = True
            self._wake.set()
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
            with contextlib.suppress(Exception):
                await self.flush()
