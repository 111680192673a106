"""The store registry: one Redis client, a namespace per purpose; memory stores on the embedded default."""

from __future__ import annotations

from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore
from litestar.stores.redis import RedisStore
from litestar.stores.registry import StoreRegistry
from redis.asyncio import Redis

from app.config.settings import Settings

STORE_NAMES = ("sessions", "cache")
"""`sessions`: server-side sessions; `cache`: the application cache. (The rate limiter keeps its own counters.)"""


def create_store_registry(settings: Settings, redis: Redis | None) -> StoreRegistry:
    """Stores for every name in STORE_NAMES, namespaced under `settings.redis_namespace` on one client."""
    stores: dict[str, Store] = {}
    for name in STORE_NAMES:
        if redis is None:
            stores[name] = MemoryStore()
        else:
            # handle_client_shutdown=False: the lifespan owns and closes the one shared client.
            stores[name] = RedisStore(
                redis, namespace=f"{settings.redis_namespace}:{name}", handle_client_shutdown=False
            )
    return StoreRegistry(stores=stores)
