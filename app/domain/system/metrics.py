"""`GET /metrics`: the Prometheus text format, registered only when `METRICS` is `open` or `token`.

Outside the API's routers: no session, no API key, no rate limit (a scraper polls it every few seconds and
must never be throttled or count against anyone's limit). With `METRICS=token` it needs
`Authorization: Bearer <METRICS_TOKEN>`, compared in constant time; with `METRICS=off` the route does not
exist (404) and no request is measured.
"""

from __future__ import annotations

import hmac
from typing import Any

from litestar import Controller, Response, get
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.handlers import BaseRouteHandler
from litestar.openapi.datastructures import ResponseSpec

from app.config.settings import Settings
from app.lib.errors import AuthenticationError
from app.lib.metrics import CONTENT_TYPE, PoolGauges, render
from app.lib.openapi import problem_responses
from app.lib.services import services_of


def metrics_token_guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """With `METRICS=token`: the bearer token must equal `METRICS_TOKEN` (401 otherwise)."""
    settings = services_of(connection.app).get(Settings)
    if settings.metrics != "token":
        return
    expected = (settings.metrics_token or "").encode()
    scheme, _sep, given = connection.headers.get("authorization", "").partition(" ")
    # compare_digest takes as long whatever the first differing byte: the token cannot be guessed byte by byte.
    if scheme.lower() != "bearer" or not expected or not hmac.compare_digest(given.strip().encode(), expected):
        raise AuthenticationError(
            "Send the metrics token: `Authorization: Bearer <METRICS_TOKEN>`.", headers={"WWW-Authenticate": "Bearer"}
        )


class MetricsController(Controller):
    """Prometheus scrape endpoint (see the module docstring)."""

    path = "/metrics"
    tags = ["System"]
    guards = [metrics_token_guard]

    @get(
        "/",
        operation_id="metrics",
        summary="Prometheus metrics (METRICS=open|token)",
        # An operations endpoint for scrapers, not the API: left out of the OpenAPI document, which is served from
        # the committed copy (app/server/openapi.json) and so must not depend on settings such as METRICS
        include_in_schema=False,
        media_type=CONTENT_TYPE,
        cache_control=None,
        responses={
            200: ResponseSpec(data_container=str, media_type=CONTENT_TYPE, description="Prometheus text format"),
            **problem_responses(401),
        },
        sync_to_thread=False,
    )
    def metrics(self, pool_gauges: NamedDependency[PoolGauges]) -> Response[bytes]:
        """Request counts and latencies by route template, resolve cache outcomes, database pool, Redis circuit,
        generate and lint durations, webhook queue and deliveries; summed over every worker process."""
        pool_gauges.refresh()
        return Response(render(), media_type=CONTENT_TYPE, headers={"Cache-Control": "no-store"})
