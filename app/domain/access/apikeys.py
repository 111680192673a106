"""API-key lookup for authentication: an in-process cache of key rows, dropped on every instance at revocation.

The cache holds a snapshot of the row by its public prefix (never the secret; only its hash, as in the DB).
Revocation and workspace deletion commit first, then publish an invalidation (`InvalidationBus`), so the next
request on any instance reads the revoked row. `last_used_at` is written at most once a minute per key, in a
background task with its own short transaction, never on the request path.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from uuid import UUID

import structlog
from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.db.models import ApiKey
from app.lib.invalidation import InvalidationBus, LocalCache
from app.lib.snapshots import snapshot_of

API_KEY_CACHE = "api_keys"
LAST_USED_RESOLUTION = timedelta(minutes=1)

logger = structlog.get_logger("promptsmith.apikeys")


@dataclass(frozen=True, slots=True)
class KeySnapshot:
    """The fields of an `ApiKey` row that authentication needs."""

    id: UUID
    workspace_id: UUID
    name: str
    prefix: str
    secret_hash: str
    scopes: tuple[str, ...]
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None
    created_by_id: UUID | None
    created_at: datetime

    @classmethod
    def of(cls, row: ApiKey) -> KeySnapshot:
        return snapshot_of(cls, row, scopes=tuple(row.scopes))

    def is_usable(self, now: datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


class ApiKeyLookup:
    """Finds keys by prefix through the local cache; tracks `last_used_at` writes."""

    def __init__(self, engine: AsyncEngine, bus: InvalidationBus | None, *, ttl: float = 30.0) -> None:
        self.engine = engine
        self.bus = bus
        self.cache: LocalCache[KeySnapshot] = LocalCache(API_KEY_CACHE, ttl=ttl, maxsize=10_000)
        if bus is not None:
            bus.register(self.cache)
        self._touched: dict[UUID, datetime] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    async def find(self, session: Callable[[], AsyncSession], prefix: str) -> KeySnapshot | None:
        """The key's snapshot; `session()` (the request's session, opened lazily) is called only on a miss."""
        cached = self.cache.get(prefix)
        if cached is not None:
            return cached
        token = self.cache.token()
        row = (await session().execute(select(ApiKey).where(ApiKey.prefix == prefix))).scalar_one_or_none()
        if row is None:
            return None
        snapshot = KeySnapshot.of(row)
        self.cache.set(prefix, snapshot, token=token)
        return snapshot

    def touch(self, snapshot: KeySnapshot, now: datetime) -> None:
        """Record use: at most one background UPDATE per key per minute from this process."""
        cutoff = now - LAST_USED_RESOLUTION
        if snapshot.last_used_at is not None and snapshot.last_used_at > cutoff:
            return
        if self._touched.get(snapshot.id, datetime.min.replace(tzinfo=UTC)) > cutoff:
            return
        self._touched[snapshot.id] = now
        self.cache.set(snapshot.prefix, replace(snapshot, last_used_at=now))
        task = asyncio.create_task(self._write_last_used(snapshot.id, now))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _write_last_used(self, key_id: UUID, now: datetime) -> None:
        try:
            async with self.engine.begin() as conn:
                # The WHERE keeps it to one write a minute across instances too.
                await conn.execute(
                    update(ApiKey)
                    .where(ApiKey.id == key_id)
                    .where(or_(ApiKey.last_used_at.is_(None), ApiKey.last_used_at < now - LAST_USED_RESOLUTION))
                    .values(last_used_at=now)
                )
        except Exception as exc:  # noqa: BLE001 - bookkeeping must never surface as a request failure
            logger.warning("api_key_last_used_write_failed", error_type=type(exc).__name__)

    async def drain(self) -> None:
        """Wait for pending `last_used_at` writes (shutdown and tests, also from another thread's loop)."""
        tasks = list(self._tasks)
        if not tasks:
            return
        owner = tasks[0].get_loop()
        if owner is asyncio.get_running_loop():
            await asyncio.gather(*tasks, return_exceptions=True)
            return

        async def wait_in_owner() -> None:
            await asyncio.gather(*tasks, return_exceptions=True)

        await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(wait_in_owner(), owner))
