"""Failed-login throttling per (account, client address) pair and per client address.

Redis counters; memory on the embedded default. A failure increments both counters (INCR + EXPIRE NX in one
pipeline): the window starts at the first failure. Before verifying a password the login checks both counters
in one round trip; at the limit it refuses with 429 and the time left in the window, whether or not the email
exists. A success clears the pair's counter. There is no per-account lockout: anyone could lock a known
account out for the whole window by failing on purpose; a guesser spread over many addresses meets the
per-address limit.
Redis errors propagate: a login without Redis gets the 503 problem (sessions need Redis anyway).
"""

from __future__ import annotations

import hashlib
import time

from redis.asyncio import Redis

from app.config.settings import Settings


def _account_key(email: str, address: str) -> str:
    # Per (account, address) pair: failures from one address never lock the account out for its owner
    # elsewhere. Hashed so the counters do not spell out email addresses in Redis.
    return "acct:" + hashlib.sha256(f"{email}\0{address}".encode()).hexdigest()[:32]


def _address_key(address: str) -> str:
    return "addr:" + address


class LoginThrottle:
    """Counts failed logins; `retry_after` says how long a caller must wait (None when allowed)."""

    def __init__(self, redis: Redis | None, settings: Settings, purpose: str = "login") -> None:
        self.redis = redis
        self.prefix = f"{settings.redis_namespace}:{purpose}:"
        self.window = settings.login_failure_window
        self.limits = {"acct": settings.login_max_failures_per_account, "addr": settings.login_max_failures_per_address}
        self._local: dict[str, tuple[int, float]] = {}

    def _keys(self, email: str, address: str) -> list[str]:
        return [_account_key(email, address), _address_key(address)]

    async def retry_after(self, email: str, address: str) -> int | None:
        """Seconds until another attempt is allowed, or None when both counters are under their limits."""
        keys = self._keys(email, address)
        counts: list[tuple[int, int]] = []
        if self.redis is None:
            now = time.monotonic()
            for key in keys:
                count, expires = self._local.get(key, (0, now))
                counts.append((count, int(expires - now) + 1) if expires > now else (0, 0))
        else:
            async with self.redis.pipeline(transaction=False) as pipe:
                for key in keys:
                    pipe.get(self.prefix + key)
                    pipe.ttl(self.prefix + key)
                raw = await pipe.execute()
            counts = [(int(raw[i * 2] or 0), max(1, int(raw[i * 2 + 1]))) for i in range(len(keys))]
        waits = [ttl for key, (count, ttl) in zip(keys, counts, strict=True) if count >= self.limits[key[:4]]]
        return max(waits) if waits else None

    async def record_failure(self, email: str, address: str) -> None:
        keys = self._keys(email, address)
        if self.redis is None:
            now = time.monotonic()
            for key in keys:
                count, expires = self._local.get(key, (0, now + self.window))
                if expires <= now:
                    count, expires = 0, now + self.window
                self._local[key] = (count + 1, expires)
            return
        async with self.redis.pipeline(transaction=False) as pipe:
            for key in keys:
                pipe.incr(self.prefix + key)
                pipe.expire(self.prefix + key, self.window, nx=True)
            await pipe.execute()

    async def clear_account(self, email: str, address: str) -> None:
        """After a successful login: forget the failures of this (account, address) pair."""
        key = _account_key(email, address)
        if self.redis is None:
            self._local.pop(key, None)
        else:
            await self.redis.delete(self.prefix + key)
