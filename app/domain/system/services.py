"""Readiness checks of the database and Redis, each bounded by a timeout."""

from __future__ import annotations

import asyncio
import time

from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from app.domain.system.schemas import Health, HealthCheck, HealthStatus


async def _timed_check(
    name: str, component_type: str, probe: asyncio.Future[object] | object, timeout: float
) -> tuple[str, HealthCheck]:
    started = time.perf_counter()
    try:
        await asyncio.wait_for(probe, timeout)  # type: ignore[arg-type]
    except TimeoutError:
        return name, HealthCheck(status="fail", component_type=component_type, output="timeout")
    except Exception as exc:  # noqa: BLE001 - any failure of the probe means "not ready"
        return name, HealthCheck(status="fail", component_type=component_type, output=type(exc).__name__)
    elapsed_ms = round((time.perf_counter() - started) * 1000, 2)
    return name, HealthCheck(
        status="pass", component_type=component_type, observed_value=elapsed_ms, observed_unit="ms"
    )


async def database_revision(engine: AsyncEngine) -> str | None:
    """The migration revision the database is at (None when it was never migrated)."""
    async with engine.connect() as conn:
        try:
            return (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar_one_or_none()
        except DBAPIError as err:
            if _is_missing_table(err):  # no alembic_version table: a database that was never migrated
                return None
            raise


def _is_missing_table(err: DBAPIError) -> bool:
    sqlstate = getattr(err.orig, "sqlstate", None)  # asyncpg: 42P01 undefined_table
    return sqlstate == "42P01" or "no such table" in str(err.orig)  # SQLite says it in words


async def check_readiness(
    engine: AsyncEngine, redis: Redis | None, timeout: float, *, expected_revision: str, stale_fallback: bool
) -> Health:
    """Probe the database (reachable, schema at `expected_revision`) and Redis concurrently; see `readiness`."""
    revision: list[str | None] = []

    async def database() -> None:
        revision.append(await database_revision(engine))

    probes = [_timed_check("database:responseTime", "datastore", database(), timeout)]
    if redis is not None:
        probes.append(_timed_check("redis:responseTime", "datastore", redis.ping(), timeout))
    results = dict(await asyncio.gather(*probes))
    checks = {name: [check] for name, check in results.items()}
    database_up = results["database:responseTime"].status == "pass"
    schema_ok = database_up and revision == [expected_revision]
    if database_up:
        checks["database:schema"] = [
            HealthCheck(
                status="pass" if schema_ok else "fail",
                component_type="datastore",
                output=None if schema_ok else "migrations pending: run `database upgrade`",
            )
        ]
    redis_up = redis is None or results["redis:responseTime"].status == "pass"
    status, description = readiness(database_up=database_up, schema_ok=schema_ok, redis_up=redis_up,
                                    stale_fallback=stale_fallback)  # fmt: skip
    return Health(status=status, description=description, checks=checks)


def readiness(
    *, database_up: bool, schema_ok: bool, redis_up: bool, stale_fallback: bool
) -> tuple[HealthStatus, str | None]:
    """What "ready" means: can this instance serve the traffic a load balancer would send it?

    Kubernetes takes a not-ready instance out of rotation. A shared dependency that is down is down for every
    instance, so failing readiness for it pulls them all and turns a partial outage into a total one. So:

    * `fail` (503) when nothing useful can be served: the schema is not the one this code needs, or the
      database is unreachable and no last-known-good resolve store is reachable either;
    * `warn` (200) when the instance still serves its main traffic: the database is down but resolves are
      answered from caches and the last-known-good store (writes get 503s meanwhile), or Redis is down and the
      database serves everything (caches and rate limits degrade, sessions are unavailable);
    * `pass` otherwise. Draining after SIGTERM is a `fail`, decided by the controller.
    """
    if database_up and not schema_ok:
        return "fail", "the database schema is not at the revision this version needs"
    if not database_up:
        if stale_fallback and redis_up:
            return "warn", "database unreachable: serving cached resolves only"
        return "fail", "database unreachable and no cached answers reachable"
    if not redis_up:
        return "warn", "redis unreachable: caches, rate limits and sessions are degraded"
    return "pass", None
