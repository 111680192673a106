"""Start-up and shutdown: wait for the database, apply migrations when configured, close the pools."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from litestar import Litestar
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from app.config.database import RequestSessionConfig, migration_head
from app.config.settings import Settings
from app.lib.draining import install_drain_on_sigterm
from app.lib.invalidation import InvalidationBus
from app.lib.services import services_of

logger = structlog.get_logger("promptsmith.lifespan")


class StartupError(RuntimeError):
    """A dependency needed to start is missing; the message is the one line shown to the operator."""


async def wait_for_database(engine: AsyncEngine, retries: int, delay: float) -> None:
    """Retry `SELECT 1` a bounded number of times, then give up with a clear message."""
    last_error = ""
    for attempt in range(1, retries + 2):
        try:
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception as exc:  # noqa: BLE001 - any failure here means "not reachable yet"
            last_error = type(exc).__name__
            logger.warning("database_unreachable", attempt=attempt, error_type=last_error)
            if attempt <= retries:
                await asyncio.sleep(delay)
        else:
            return
    msg = f"database unreachable after {retries + 1} attempts ({last_error}); check DATABASE_URL"
    raise StartupError(msg)


async def ensure_schema_current(engine: AsyncEngine) -> None:
    """Refuse to serve on a database whose schema is not the one this code needs (never migrated, or behind).

    Without this check the process started, readiness passed, and every request failed with a 500
    (`relation "user_account" does not exist`).
    """
    from app.domain.system.services import database_revision  # the same probe readiness uses

    current, needed = await database_revision(engine), migration_head()
    if current != needed:
        state = "was never migrated" if current is None else f"is at schema revision {current}"
        msg = (
            f"the database {state}, this version needs {needed}: run `python -m app database upgrade` "
            "(or set AUTO_MIGRATE=true)"
        )
        raise StartupError(msg)


def run_migrations(alchemy: RequestSessionConfig) -> None:
    """Upgrade to head. Blocking: call it from a worker thread (env.py runs its own event loop).

    Alembic is imported here, only when AUTO_MIGRATE asks for it: a server that does not migrate never loads it.
    """
    from advanced_alchemy.alembic.commands import AlembicCommands

    AlembicCommands(sqlalchemy_config=alchemy).upgrade(revision="head")


_HEAP_FROZEN = False


def freeze_startup_heap() -> None:
    """Move every object alive after start-up (modules, classes, functions, the app: about 270 000 of them) out of
    the garbage collector's reach, once per process.

    They live as long as the process, yet every full collection traversed them all: under load, requests keep
    enough objects alive across their awaits to trigger one every hundred requests or so, and py-spy showed the
    collector at 16% of a worker's CPU on the prompt list. Frozen, a full collection only walks what requests
    allocated. Once per process: test sessions build many apps, whose garbage must stay collectable.
    """
    global _HEAP_FROZEN
    if _HEAP_FROZEN:
        return
    _HEAP_FROZEN = True
    gc.collect()
    gc.freeze()


MMAP_THRESHOLD = 1024 * 1024
"""Allocations from this size up get their own mapping, returned to the OS when freed (glibc `M_MMAP_THRESHOLD`)."""
_M_MMAP_THRESHOLD = -3  # glibc's malloc.h


def pin_mmap_threshold() -> bool:
    """Fix glibc's mmap threshold at `MMAP_THRESHOLD` for the process (True when it was set; idempotent).

    glibc raises the threshold to the size of every large block it frees (up to 32 MB), so after the first argon2id
    hash (19 MB, in a worker thread) each later one came from that thread's arena and stayed resident after it was
    freed: every login or registration left up to 19 MB per executor thread (measured: +19 MB per hash, in
    process; nothing with the threshold fixed). A fixed threshold also switches the dynamic adjustment off.
    A no-op where there is no glibc `mallopt` (musl, macOS).
    """
    import ctypes

    try:
        return bool(ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
    except (OSError, AttributeError):
        return False


def make_lifespan(settings: Settings, alchemy: RequestSessionConfig):  # type: ignore[no-untyped-def]
    """The lifespan context: DB wait and migrations before serving; Redis pool closed after."""

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        services = services_of(app)
        engine = services.get(AsyncEngine)
        await wait_for_database(engine, settings.db_connect_retries, settings.db_connect_retry_delay)
        if settings.should_auto_migrate:
            await asyncio.to_thread(run_migrations, alchemy)
            logger.info("migrations_applied")
        await ensure_schema_current(engine)
        bus = services.get(InvalidationBus)
        await bus.start()
        install_drain_on_sigterm(settings.shutdown_drain)
        pin_mmap_threshold()
        freeze_startup_heap()
        try:
            yield
        finally:
            await bus.stop()
            redis = services.find(Redis)
            if redis is not None:
                await redis.aclose()
            # The engine is disposed by AlchemyPlugin's lifespan hook (app/lib/alchemy.py).

    return lifespan
