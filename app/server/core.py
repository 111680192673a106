"""`ApplicationCore`: the one init plugin that wires the whole service. Read this file first.

It sets up, in order: settings, traces (only when OTEL_* asks) and logging, the database (Advanced Alchemy),
Redis and the store registry, the application cache, metrics (`METRICS`), error handling (problem+json),
middleware (CORS, gzip, body limit), OpenAPI, dependencies shared by every feature, access control, and the
routes of every feature.

Routes and their guards are in `app/server/routers.py`: a public router, an authenticated router and the
workspace router, whose guard checks the permission each route declares.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from litestar import Litestar
from litestar.config.app import AppConfig
from litestar.config.compression import CompressionConfig
from litestar.config.cors import CORSConfig
from litestar.datastructures import State
from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.spec import Components, SecurityScheme
from litestar.plugins import CLIPluginProtocol, InitPluginProtocol
from litestar.stores.registry import StoreRegistry
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from app import __version__
from app.config.database import REQUEST_SESSION_SCOPE_KEY, create_alchemy_config
from app.config.settings import Settings
from app.config.stores import create_store_registry
from app.domain.access.authentication import add_rate_limit_headers
from app.domain.access.guards import check_workspace_routes
from app.domain.access.runtime import access_lifespan
from app.domain.console.routers import console_template_config
from app.domain.generation.llm import llm_lifespan
from app.domain.mcp.http import mcp_lifespan
from app.domain.system.metrics import MetricsController
from app.domain.webhooks.runtime import webhooks_lifespan
from app.lib.alchemy import AlchemyPlugin
from app.lib.cache import AppCache
from app.lib.log import configure_logging
from app.lib.media import JSONRequest, enforce_json_content_type
from app.lib.metrics import POOL_SAMPLE_INTERVAL, PoolGauges, forget_this_process, set_circuit_state
from app.lib.problems import EXCEPTION_HANDLERS
from app.lib.redis import create_redis_client
from app.lib.services import SERVICES_KEY, services_of
from app.lib.tracing import Tracing, start_tracing
from app.lib.transactions import commit_before_response
from app.server.docs import SelfHostedScalar, committed_docs_router
from app.server.lifespan import make_lifespan
from app.server.openapi import OpenAPIDefaults
from app.server.routers import MCP_HANDLERS, ROUTE_HANDLERS
from app.server.services import RUNTIME_DEPENDENCIES, build_services

if TYPE_CHECKING:  # click is the CLI's: a server worker never loads it (about 1 MB resident per worker)
    from click import Group


class ApplicationCore(InitPluginProtocol, CLIPluginProtocol):
    """Wires settings, database, stores, errors, middleware, OpenAPI, dependencies and routes."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def on_cli_init(self, cli: Group) -> None:
        from app.server.cli import register_commands

        register_commands(cli)

    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        settings = self.settings
        # Traces only when the OTEL_* variables ask for them (nothing of OpenTelemetry is imported otherwise).
        tracing = start_tracing(__version__)
        configure_logging(settings, [tracing.log_processor()] if tracing is not None else [])

        # Database: pooled engine and a session per request (AlchemyPlugin, app/lib/alchemy.py); migrations through
        # `python -m app database ...`. The request boundary commits before a 2xx/3xx response starts, and a failed
        # COMMIT becomes the response (app/lib/transactions.py); the plugin's before-send hook only closes the session.
        alchemy = create_alchemy_config(settings)
        app_config.plugins.append(AlchemyPlugin(alchemy))
        app_config.middleware.insert(0, commit_before_response(REQUEST_SESSION_SCOPE_KEY))

        # Redis: one client for every store and the app cache; memory stores when none is configured.
        redis = create_redis_client(settings)
        stores: StoreRegistry = create_store_registry(settings, redis)
        app_config.stores = stores
        # Every runtime object of this app (caches, buses, access, delivery, LLM, webhooks, MCP) in one typed
        # container, the only entry of `app.state` (app/server/services.py builds it; app/lib/services.py reads it).
        services = build_services(settings, alchemy, redis, stores, tracing)
        app_config.state = State({SERVICES_KEY: services})
        self._observability(app_config, alchemy.get_engine(), redis, services.get(AppCache), tracing)
        app_config.lifespan.append(make_lifespan(settings, alchemy))
        app_config.lifespan.append(llm_lifespan)  # closes the shared httpx client of the optional LLM refinement
        # MCP (app/domain/mcp): the session manager runs with the app.
        if settings.mcp_enabled:
            app_config.lifespan.append(mcp_lifespan)
        app_config.lifespan.append(webhooks_lifespan)  # the relay and deliveries when they run in this process

        # Errors: every failure becomes application/problem+json.
        app_config.exception_handlers.update(EXCEPTION_HANDLERS)
        app_config.logging_config = None  # structlog is configured above; Litestar must not reconfigure logging
        app_config.debug = False

        # HTTP behaviour.
        app_config.request_max_body_size = settings.max_body_size
        app_config.compression_config = CompressionConfig(backend="gzip", minimum_size=settings.gzip_min_size)
        if settings.cors_origin_list:
            app_config.cors_config = CORSConfig(
                allow_origins=settings.cors_origin_list,
                allow_credentials=True,
                allow_headers=[
                    "Content-Type",
                    "Authorization",
                    "X-API-Key",
                    "X-CSRF-Token",
                    "If-Match",
                    "If-None-Match",
                    "X-Request-ID",
                    "MCP-Protocol-Version",  # the MCP endpoint's routing headers (app/domain/mcp)
                    "Mcp-Method",
                    "Mcp-Name",
                ],
                expose_headers=[
                    "X-Request-ID",
                    "ETag",
                    "Retry-After",
                    "RateLimit",
                    "RateLimit-Policy",
                    "X-Cache",
                ],
            )
        app_config.before_request = enforce_json_content_type
        app_config.request_class = JSONRequest  # undecodable JSON of any kind is a 400, never a 500

        # Documented errors are problem+json, 204s have no body (see app/server/openapi.py).
        app_config.plugins.append(OpenAPIDefaults())
        scalar = SelfHostedScalar()
        app_config.openapi_config = OpenAPIConfig(
            title="Promptsmith API",
            version=__version__,
            description=(
                "Generate, lint, version and serve system prompts for AI assistants.\n\n"
                "Rate limits (draft-ietf-httpapi-ratelimit-headers): every response to a counted request carries "
                '`RateLimit: "api-key";r=5999;t=42` (the policy, `r` requests left, the window resets in `t` '
                'seconds). `RateLimit-Policy: "api-key";q=6000;w=60` (the quota: `q` requests per `w` seconds; '
                "policy `api-key` or `user`) comes with every 429, with `Retry-After`, and with the responses that "
                "leave at most a tenth of the quota; it does not change between responses."
            ),
            path="/schema",
            render_plugins=[scalar],
            # Serves the committed document (app/server/openapi.json, `just openapi`) instead of building it.
            openapi_router=committed_docs_router("/schema", scalar),
            use_handler_docstrings=True,
            components=Components(
                security_schemes={
                    "apiKey": SecurityScheme(type="http", scheme="bearer", description="`psk_…` API key"),
                    "session": SecurityScheme(
                        type="apiKey",
                        name="promptsmith_session",
                        security_scheme_in="cookie",
                        description="Session cookie from `POST /api/v1/auth/login`",
                    ),
                }
            ),
        )

        # Dependencies available to every handler: the runtime services, by name (app/server/services.py).
        app_config.dependencies.update(RUNTIME_DEPENDENCIES)
        # Access control: the runtime's rate-limit flusher (the runtime itself is one of the services), the
        # RateLimit headers of authenticated responses, and the start-up check of every workspace route.
        app_config.lifespan.append(access_lifespan)
        app_config.before_send.append(add_rate_limit_headers)
        app_config.on_startup.append(check_workspace_routes)
        # Routes: probes, then `/api/v1` with its public, authenticated and workspace routers.
        app_config.route_handlers.extend(ROUTE_HANDLERS)
        if settings.mcp_enabled:  # `/mcp`, the MCP server over streamable HTTP (its guard takes API keys)
            app_config.route_handlers.extend(MCP_HANDLERS)
        # The web console's pages (`/ui`, app/domain/console): the only routes that render templates.
        app_config.template_config = console_template_config()
        return app_config

    def _observability(
        self, app_config: AppConfig, engine: AsyncEngine, redis: Redis | None, cache: AppCache, tracing: Tracing | None
    ) -> None:
        """`GET /metrics` and what feeds it (METRICS on); SQL and Redis spans (tracing on). The per-request
        layers (request metrics, the server span) are installed around the app by `app.server.asgi`."""
        settings = self.settings
        if settings.metrics != "off":
            app_config.route_handlers.append(MetricsController)
            if redis is not None:
                set_circuit_state(cache.breaker.name, failing=cache.breaker.failing)
            app_config.lifespan.append(_metrics_lifespan)
        if tracing is not None:
            tracing.instrument(engine, redis)
            app_config.lifespan.append(_flush_traces_at_exit)


@asynccontextmanager
async def _metrics_lifespan(app: Litestar) -> AsyncIterator[None]:
    """Sample the pool gauges while serving; at exit, drop this worker's live gauges (multiprocess mode)."""
    gauges = services_of(app).get(PoolGauges)

    async def sample() -> None:
        while True:
            gauges.refresh()
            await asyncio.sleep(POOL_SAMPLE_INTERVAL)

    task = asyncio.get_running_loop().create_task(sample())
    try:
        yield
    finally:
        task.cancel()
        forget_this_process()


@asynccontextmanager
async def _flush_traces_at_exit(app: Litestar) -> AsyncIterator[None]:
    try:
        yield
    finally:
        await services_of(app).get(Tracing).shutdown()
