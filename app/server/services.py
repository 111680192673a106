"""`build_services`: every runtime object of one app, built in one place (called by `ApplicationCore`).

The result is the app's `Services` container (`app.lib.services`), the only thing `ApplicationCore` keeps in
`app.state`. Handlers receive these objects through the app-wide dependencies of `RUNTIME_DEPENDENCIES` (below,
registered by `ApplicationCore`), never by reading the container or `app.state` (`tests/unit/test_architecture.py`
checks it); guards, lifespans and ASGI layers, which have no dependency injection, read them by type
(`services_of(app).get(AccessRuntime)`). Nothing here is module-level: two apps in one process (the tests) have
separate caches, buses and runtimes.

The SQLAlchemy session hooks are attached here too, to the app's own session maker (never to SQLAlchemy's global
`Session` class), each bound to this app's bus where it needs one.
"""

from __future__ import annotations

from litestar.di import Provide
from litestar.stores.registry import StoreRegistry
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from app.config.database import RequestSessionConfig, app_session_factory
from app.config.settings import Settings
from app.domain.access.caches import attach_access_hooks
from app.domain.access.runtime import AccessRuntime
from app.domain.delivery.cache import ResolveCache
from app.domain.delivery.fastpath import FastPathCache, new_fastpath_cache
from app.domain.delivery.subscriptions import subscribe_delivery
from app.domain.generation.fastpath import GenerateFastPathCache
from app.domain.generation.llm import LLMRuntime
from app.domain.generation.services import GenerationMemo, GenerationService
from app.domain.mcp.http import build_mcp_runtime
from app.domain.mcp.workspace import McpServices
from app.domain.prompts.fastpath import ListFastPathCache, new_list_fastpath_cache
from app.domain.prompts.listcache import ListCache, new_list_cache
from app.domain.webhooks.outbox import attach_outbox_hooks
from app.domain.webhooks.runtime import WebhookRuntime, subscribe_webhooks
from app.lib.cache import AppCache
from app.lib.events import EventBus, attach_event_hooks
from app.lib.invalidation import InvalidationBus, attach_invalidation_hooks
from app.lib.metrics import PoolGauges
from app.lib.services import Services, provide_optional_service, provide_service
from app.lib.tracing import Tracing


def build_services(
    settings: Settings,
    alchemy: RequestSessionConfig,
    redis: Redis | None,
    stores: StoreRegistry,
    tracing: Tracing | None,
) -> Services:
    """The app's caches, buses and runtimes, wired to each other; nothing is started (the lifespans do that)."""
    services = Services()
    services.add(settings)
    engine = services.add(alchemy.get_engine(), as_type=AsyncEngine)
    if redis is not None:  # memory stores and no cross-instance bus without Redis
        services.add(redis, as_type=Redis)
    if tracing is not None:
        services.add(tracing)
    if settings.metrics != "off":
        services.add(PoolGauges(engine.pool, settings.db_pool_size + settings.db_max_overflow))

    # Caches and the two buses: invalidations (across instances, after commit) and domain events (in process).
    app_cache = services.add(AppCache(stores.get("cache")))
    invalidation = services.add(InvalidationBus(redis, channel=f"{settings.redis_namespace}:invalidate"))
    events = services.add(EventBus())
    session_factory = app_session_factory(alchemy)
    attach_invalidation_hooks(session_factory, invalidation)  # `invalidate_on_commit` keys go out after the commit
    attach_access_hooks(session_factory)  # changed workspace and member rows leave the access caches
    attach_event_hooks(session_factory)  # domain events are published only once committed
    attach_outbox_hooks(session_factory)  # webhook events are written in the transaction of the change

    # Access control: sessions, throttles, the rate limiter, the key lookup and the workspace/member caches.
    access = services.add(AccessRuntime(settings, alchemy, stores.get("sessions"), redis, invalidation))
    # Delivery: the registry announces committed changes, delivery drops its resolve caches.
    resolve_cache = services.add(ResolveCache(settings, redis, invalidation, app_cache.breaker))
    subscribe_delivery(events, resolve_cache)
    services.add(new_fastpath_cache(invalidation))
    # The prompt list's pages: dropped per workspace by the registry's events (`prompts.listcache`).
    services.add(new_list_cache(settings, invalidation, events))
    services.add(new_list_fastpath_cache(invalidation))  # the list fast path's authorized entries
    # Generation: the optional LLM refinement (its HTTP client opens on first use) and the engine's memo.
    llm = services.add(LLMRuntime(settings))
    memo = services.add(GenerationMemo())
    services.add(GenerateFastPathCache(invalidation))  # the generate fast path's grants and answers
    generation = services.add(GenerationService(settings=settings, cache=app_cache, llm=llm, memo=memo))
    # Webhooks: a local commit wakes the relay.
    webhooks = services.add(WebhookRuntime(settings))
    subscribe_webhooks(events, webhooks)
    # MCP: the SDK has no dependency injection, so the server gets its services here, explicitly; its
    # list-changed notifications follow the events.
    mcp = McpServices(
        access=access, events=events, db_engine=engine, resolve_cache=resolve_cache, generation=generation
    )
    services.add(build_mcp_runtime(settings, mcp, invalidation))
    return services


RUNTIME_DEPENDENCIES: dict[str, Provide] = {
    "settings": provide_service(Settings),
    "app_cache": provide_service(AppCache),
    "invalidation_bus": provide_service(InvalidationBus),
    "events": provide_service(EventBus),
    "access": provide_service(AccessRuntime),  # sessions and cookies (log in and out, CSRF)
    "db_engine": provide_service(AsyncEngine),  # for the reads that run without an ORM session (lean list)
    "list_cache": provide_service(ListCache),  # the prompt list's encoded pages (prompts.listcache)
    "resolve_cache": provide_service(ResolveCache),  # the resolve answers (delivery.cache)
    "fastpath_cache": provide_service(FastPathCache),  # the resolve fast path's authorized entries
    "list_fastpath": provide_service(ListFastPathCache),  # the list fast path's authorized entries
    "generate_fastpath": provide_service(GenerateFastPathCache),  # the generate fast path's grants and answers
    "redis": provide_optional_service(Redis),  # None without REDIS_URL
    "pool_gauges": provide_service(PoolGauges),  # only with METRICS on (as `/metrics`, its only reader)
    "generation_service": provide_service(GenerationService),  # the engine, the LLM client, their cache
    "webhook_runtime": provide_service(WebhookRuntime),  # the delivery queue (redeliver)
}
"""The runtime services a handler can name (`settings: NamedDependency[Settings]`), registered app-wide by
`ApplicationCore`. Litestar resolves a dependency only for the handlers that name it, so the unused ones cost
nothing. Per-request services built on the request's session (`workspaces`, `registry`, ...) are declared by
their feature (`*_DEPENDENCIES`) on the controllers that use them."""
