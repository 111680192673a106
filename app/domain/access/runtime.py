"""The per-process objects of access control (sessions, throttle, rate limiter, key and workspace caches).

Built once per app by `ApplicationCore` and kept in the app's services container
(`app.lib.services`); guards reach it through `access_runtime(app)`, handlers through the app-wide `access` dependency.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from litestar import Litestar
from litestar.stores.base import Store
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config.database import REQUEST_SESSION_SCOPE_KEY, RequestSessionConfig
from app.config.settings import Settings
from app.domain.access.apikeys import ApiKeyLookup
from app.domain.access.caches import AccessCache
from app.domain.access.ratelimit import RateLimiter
from app.domain.access.sessions import SessionManager
from app.domain.access.throttle import LoginThrottle
from app.lib.invalidation import InvalidationBus
from app.lib.services import services_of

_SAFE_METHODS = frozenset({"GET", "HEAD"})


class AccessRuntime:
    """Sessions, login throttle, request rate limiter, API-key lookup and workspace/member caches of one app.

    A plain class, not a dataclass: handlers receive it as a dependency, and Litestar validates dataclass
    dependencies field by field (which the Advanced Alchemy config does not survive).
    """

    __slots__ = ("alchemy", "caches", "keys", "limiter", "register_throttle", "sessions", "settings", "throttle")

    def __init__(
        self,
        settings: Settings,
        alchemy: RequestSessionConfig,
        sessions_store: Store,
        redis: Redis | None,
        bus: InvalidationBus,
    ) -> None:
        """Built once per app by `ApplicationCore`; its caches follow the app's invalidation bus."""
        self.settings = settings
        self.alchemy = alchemy
        self.sessions = SessionManager(sessions_store, settings)
        self.throttle = LoginThrottle(redis, settings)
        self.register_throttle = LoginThrottle(redis, settings, purpose="register")
        """Conflicting registrations (409s) per address: counted apart from failed logins, so a burst of failed
        logins from a shared address (an office NAT) does not also block new sign-ups, and the other way round."""
        self.limiter = RateLimiter(redis, namespace=f"{settings.redis_namespace}:rl")
        self.keys = ApiKeyLookup(alchemy.get_engine(), bus)
        self.caches = AccessCache(bus)

    @staticmethod
    async def end_guard_read(scope: Any) -> None:
        """On a safe request (GET/HEAD): end the read-only transaction the guard's lookups opened on a cache miss
        (API key, session user, workspace, membership), so the request holds no pooled connection while its
        handler checks one out for a lean read (resolve, the prompt list, the version list). Otherwise, with more
        such requests in flight than the pool holds, each held one connection and waited for a second until the
        pool timeout, and all of them failed together (`tests/integration/perf_paths/test_pool_deadlock.py`).
        The guard only read: there is nothing to lose, and the session begins a new transaction if used again.
        """
        if scope.get("method") not in _SAFE_METHODS:
            return
        session = scope.get(REQUEST_SESSION_SCOPE_KEY)
        if session is not None and session.in_transaction():
            await session.commit()  # read-only: releases the connection before the handler's lean read

    def db_session(self, scope: Any) -> AsyncSession:
        """The request's Advanced Alchemy session (the same one handlers get as `db_session`).

        Call it only when a query is needed: a request that never opens one never touches the pool and has
        nothing to commit (the request boundary commits only a session that exists, `app.lib.transactions`).
        """
        return self.alchemy.provide_session(scope)


def access_runtime(app: Litestar) -> AccessRuntime:
    """The app's runtime, for code without dependency injection (guards, the MCP mount, the fast path)."""
    return services_of(app).get(AccessRuntime)


@asynccontextmanager
async def access_lifespan(app: Litestar) -> AsyncIterator[None]:
    """Start the rate-limit flusher; flush and drain on shutdown (before Redis closes)."""
    runtime = access_runtime(app)
    runtime.limiter.start()
    try:
        yield
    finally:
        await runtime.limiter.stop()
        await runtime.keys.drain()
