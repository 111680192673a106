"""`/health/live` and `/health/ready` for container orchestrators. No auth, no rate limit."""

from __future__ import annotations

from litestar import Controller, Response, get
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from app.config.database import migration_head
from app.config.settings import Settings
from app.domain.system.schemas import Health
from app.domain.system.services import check_readiness
from app.lib.draining import DRAIN

HEALTH_MEDIA_TYPE = "application/health+json"


class HealthController(Controller):
    path = "/health"
    tags = ["System"]

    @get(
        "/live",
        operation_id="healthLive",
        summary="Liveness: the process answers",
        media_type=HEALTH_MEDIA_TYPE,
        cache_control=None,
    )
    async def live(self) -> Health:
        """Never touches the database or Redis, so a slow dependency cannot get the process restarted."""
        return Health(status="pass")

    @get(
        "/ready",
        operation_id="healthReady",
        summary="Readiness: this instance can serve its traffic (see the description for warn and fail)",
        media_type=HEALTH_MEDIA_TYPE,
        responses={
            503: ResponseSpec(
                data_container=Health, description="A required component is failing", media_type=HEALTH_MEDIA_TYPE
            )
        },
    )
    async def ready(
        self,
        settings: NamedDependency[Settings],
        db_engine: NamedDependency[AsyncEngine],
        redis: NamedDependency[Redis | None],
    ) -> Response[Health]:
        """`pass` (200): everything answers. `warn` (200): a shared dependency is down but this instance still
        serves its main traffic (the database is down and resolves come from caches and the last known good
        answers, or Redis is down and the database serves everything). `fail` (503): draining after SIGTERM, the
        schema is not the one this version needs, or nothing can be served. A shared dependency is down for
        every instance alike, so failing readiness for it would pull them all and turn a partial outage into a
        total one."""
        if DRAIN.active:  # SIGTERM received: take this instance out of rotation while it still serves
            health = Health(status="fail", description="shutting down: draining before stop")
            return Response(health, status_code=503, media_type=HEALTH_MEDIA_TYPE)
        health = await check_readiness(
            db_engine,
            redis,
            settings.health_timeout,
            expected_revision=migration_head(),
            stale_fallback=settings.resolve_cache_enabled,
        )
        return Response(health, status_code=503 if health.status == "fail" else 200, media_type=HEALTH_MEDIA_TYPE)
