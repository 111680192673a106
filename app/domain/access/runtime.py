"""The per-process objects of access control (sessions, throttle, rate limiter, key and workspace caches).

Built once in `access_lifespan` and kept on `app.state.access`; guards reach it through `access_runtime(app)`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig, SQLAlchemyPlugin
from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncSession

from app.config.settings import Settings
from app.domain.access.apikeys import ApiKeyLookup
from app.domain.access.caches import AccessCache
from app.domain.access.ratelimit import RateLimiter
from app.domain.access.sessions import SessionManager
from app.domain.access.throttle import LoginThrottle


@dataclass(slots=True)
class AccessRuntime:
    """Sessions, login throttle, request rate limiter, API-key lookup and workspace/member caches of this process."""

    settings: Settings
    alchemy: SQLAlchemyAsyncConfig
    sessions: SessionManager
    throttle: LoginThrottle
    register_throttle: LoginThrottle
    """Conflicting registrations (409s) per address: counted apart from failed logins, so a burst of failed
    logins from a shared address (an office NAT) does not also block new sign-ups, and the other way round."""
    limiter: RateLimiter
    keys: ApiKeyLookup
    caches: AccessCache

    def db_session(self, state: Any, scope: Any) -> AsyncSession:
        """The request's Advanced Alchemy session (the same one handlers get as `db_session`).

        Call it only when a query is needed: a request that never opens one never touches the pool and has
        nothing to commit (Advanced Alchemy's before-send handler commits only a session that exists).
        """
        return self.alchemy.provide_session(state, scope)


def access_runtime(app: Litestar) -> AccessRuntime:
    runtime: AccessRuntime = app.state.access
    return runtime


def _alchemy_config(app: Litestar) -> SQLAlchemyAsyncConfig:
    plugin = app.plugins.get(SQLAlchemyPlugin)
    for config in plugin.config:
        if isinstance(config, SQLAlchemyAsyncConfig):
            return config
    msg = "access control needs an async SQLAlchemy config"
    raise RuntimeError(msg)


@asynccontextmanager
async def access_lifespan(app: Litestar) -> AsyncIterator[None]:
    """Build the runtime; start the rate-limit flusher; flush and drain on shutdown (before Redis closes)."""
    settings: Settings = app.state.settings
    redis = app.state.redis
    bus = app.state.get("invalidation")
    if bus is not None:
        bus.bind_engine(app.state.db_engine)  # `invalidate_on_commit` of this app's sessions goes to its bus
    runtime = AccessRuntime(
        settings=settings,
        alchemy=_alchemy_config(app),
        sessions=SessionManager(app.stores.get("sessions"), settings),
        throttle=LoginThrottle(redis, settings),
        register_throttle=LoginThrottle(redis, settings, purpose="register"),
        limiter=RateLimiter(redis, namespace=f"{settings.redis_namespace}:rl"),
        keys=ApiKeyLookup(app.state.db_engine, bus),
        caches=AccessCache(bus),
    )
    app.state.access = runtime
    runtime.limiter.start()
    try:
        yield
    finally:
        await runtime.limiter.stop()
        await runtime.keys.drain()
