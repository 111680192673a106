"""Readiness checks of the database and Redis, each bounded by a timeout."""

from __future__ import annotations

import asyncio
import time

from redis.asyncio import Redis
from sqlalchemy import text
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


async def _ping_database(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        await conn.execute(text("SELECT 1"))


async def check_readiness(engine: AsyncEngine, redis: Redis | None, timeout: float) -> Health:
    """Probe the database and (when configured) Redis concurrently. Redis is required only when configured."""
    probes = [_timed_check("database:responseTime", "datastore", _ping_database(engine), timeout)]
    if redis is not None:
        probes.append(_timed_check("redis:responseTime", "datastore", redis.ping(), timeout))
    results = await asyncio.gather(*probes)
    checks = {name: [check] for name, check in results}
    status: HealthStatus = "fail" if any(check.status == "fail" for _, check in results) else "pass"
    return Health(status=status, checks=checks)
