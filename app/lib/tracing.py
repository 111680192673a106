"""OpenTelemetry traces: off unless the standard `OTEL_*` variables ask for an exporter, and free when off.

The OpenTelemetry packages are the optional `otel` extra: installed, Litestar (at every app construction) and
redis-py 8 (at import) load parts of them on their own, about 0.3 s and a few MB at start whether traces are
on or not; not installed, tracing costs nothing at all.

On when `OTEL_TRACES_EXPORTER` names one (`otlp` or `console`), or when `OTEL_EXPORTER_OTLP_ENDPOINT` /
`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` is set (exporter `otlp`); `OTEL_TRACES_EXPORTER=none` or
`OTEL_SDK_DISABLED=true` keep it off. Off, nothing of OpenTelemetry is imported (about 0.5 s and several MB
saved at start) and no request pays for it; the access line still carries the caller's trace id when a
`traceparent` header came in (`app.lib.request_context`).

On, `start_tracing` builds a tracer provider (resource from `OTEL_SERVICE_NAME` / `OTEL_RESOURCE_ATTRIBUTES`,
sampler from `OTEL_TRACES_SAMPLER`, batching from `OTEL_BSP_*`) exporting OTLP over HTTP/protobuf
(`OTEL_EXPORTER_OTLP_*`: endpoint, headers, timeout, compression), and gives:

- `middleware`: Litestar's OpenTelemetry middleware (`litestar.plugins.opentelemetry`). It is installed as a
  pure ASGI layer around the edge layer (`app.server.edge`, installed by `app.server.asgi`) rather than through
  `OpenTelemetryPlugin`, which would wrap only Litestar's router and miss the replay layers in front of it.
  It continues the W3C `traceparent` of the request. The span is named `METHOD /route/{template}` once the
  route is known (`name_span`), never after the raw path.
- SQL spans (opentelemetry-instrumentation-sqlalchemy) on the app's engine, plus `driver_query_span` for the
  queries sent to asyncpg directly, and Redis spans (opentelemetry-instrumentation-redis) on its client;
- `log_processor`, the structlog processor that puts the current `trace_id` and `span_id` on every log line;
- `shutdown`, which flushes the spans still batched (the app's lifespan calls it).
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import os
from collections.abc import Mapping
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from app.config.settings import SettingsError

if TYPE_CHECKING:
    from litestar.types import ASGIApp
    from opentelemetry.sdk.trace import TracerProvider
    from redis.asyncio import Redis
    from sqlalchemy.ext.asyncio import AsyncEngine

SUPPORTED_EXPORTERS = frozenset({"otlp", "console"})
UNTRACED_PATHS = ["^/health/", "^/metrics$"]
"""Probes and scrapes: frequent, uninteresting, and they would drown the traces that matter."""


_DRIVER_TRACER: Any = None
"""Set while tracing is on: the tracer of the queries run on the driver itself (`driver_query_span`)."""
_NO_SPAN = contextlib.nullcontext()


def driver_query_span(sql: str) -> AbstractContextManager[Any]:
    """A client span around a query sent to the driver directly (the uncached resolve's `LeanLoader`, which the
    SQLAlchemy instrumentation cannot see); a shared no-op when tracing is off."""
    tracer = _DRIVER_TRACER
    if tracer is None:
        return _NO_SPAN
    from opentelemetry.trace import SpanKind

    operation = sql.split(None, 1)[0].upper() if sql else "SQL"
    attributes = {"db.system": "postgresql", "db.statement": sql}
    return tracer.start_as_current_span(operation, kind=SpanKind.CLIENT, attributes=attributes)  # type: ignore[no-any-return]


class TracingConfigError(SettingsError):
    """The OTEL_* variables ask for something this build cannot do; the message names the variable."""


def tracing_requested(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the standard variables ask for traces to be exported (see the module docstring)."""
    env = os.environ if environ is None else environ
    if env.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return False
    exporters = env.get("OTEL_TRACES_EXPORTER", "").strip().lower()
    if exporters:
        return exporters != "none"
    return bool(env.get("OTEL_EXPORTER_OTLP_ENDPOINT") or env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))


def _exporter_names(env: Mapping[str, str]) -> list[str]:
    names = [n.strip() for n in env.get("OTEL_TRACES_EXPORTER", "otlp").lower().split(",") if n.strip()] or ["otlp"]
    unknown = [n for n in names if n not in SUPPORTED_EXPORTERS]
    if unknown:
        raise TracingConfigError(f"OTEL_TRACES_EXPORTER: {', '.join(unknown)} not supported (use otlp or console)")
    protocol = env.get("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL") or env.get("OTEL_EXPORTER_OTLP_PROTOCOL") or ""
    if "otlp" in names and protocol.strip() not in ("", "http/protobuf"):
        raise TracingConfigError(
            f"OTEL_EXPORTER_OTLP_PROTOCOL: {protocol!r} not supported (this build exports http/protobuf)"
        )
    return names


_NEEDED = (
    "opentelemetry.sdk",
    "opentelemetry.exporter.otlp.proto.http",
    "opentelemetry.instrumentation.asgi",
    "opentelemetry.instrumentation.sqlalchemy",
    "opentelemetry.instrumentation.redis",
)


def check_tracing(environ: Mapping[str, str] | None = None) -> None:
    """Refuse, with one line naming the variable, OTEL_* values this build cannot honour (checked at start)."""
    env = os.environ if environ is None else environ
    if not tracing_requested(env):
        return
    _exporter_names(env)
    try:
        missing = [name for name in _NEEDED if importlib.util.find_spec(name) is None]
    except ModuleNotFoundError:
        missing = list(_NEEDED)
    if missing:
        raise TracingConfigError(
            "OTEL_*: traces are configured but OpenTelemetry is not installed; install the `otel` extra "
            "(pip install 'promptsmith[otel]', uv sync --extra otel, or build the image with --build-arg EXTRAS=otel)"
        )


class Tracing:
    """The tracer provider of one app and what hangs off it (built by `start_tracing`)."""

    def __init__(self, provider: TracerProvider) -> None:
        self.provider = provider

    def middleware(self, app: ASGIApp) -> ASGIApp:
        """Litestar's OpenTelemetry ASGI middleware around `app`: one server span per request."""
        from litestar.plugins.opentelemetry import OpenTelemetryConfig

        config = OpenTelemetryConfig(
            tracer_provider=self.provider,
            # Named after the method until the route template is known (`name_span`): never the raw path.
            scope_span_details_extractor=lambda scope: (str(scope.get("method", "HTTP")), {}),
            exclude=UNTRACED_PATHS,
            exclude_spans=["receive", "send"],  # one span per ASGI message is noise (and costs per chunk)
        )
        return config.middleware(app)

    @staticmethod
    def name_span(method: str, route: str) -> None:
        """Name the request's server span after its route template (called once the router has chosen)."""
        from opentelemetry import trace

        span = trace.get_current_span()
        if span.is_recording():
            span.update_name(f"{method} {route}")
            span.set_attribute("http.route", route)

    def instrument(self, engine: AsyncEngine, redis: Redis | None) -> None:
        """SQL spans on `engine`, Redis command spans on `redis`."""
        from opentelemetry.instrumentation.redis import RedisInstrumentor
        from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

        global _DRIVER_TRACER
        _DRIVER_TRACER = self.provider.get_tracer("promptsmith.driver")
        sqlalchemy = SQLAlchemyInstrumentor()
        if not sqlalchemy.is_instrumented_by_opentelemetry:  # once per process (it also patches create_engine)
            sqlalchemy.instrument(engine=engine.sync_engine, tracer_provider=self.provider)
        if redis is not None:
            RedisInstrumentor.instrument_client(redis, tracer_provider=self.provider)

    @staticmethod
    def log_processor() -> Any:
        """structlog processor: the current span's `trace_id` and `span_id`, when there is one."""
        from opentelemetry.trace import get_current_span

        def add_trace_ids(_: Any, __: str, event_dict: dict[str, Any]) -> dict[str, Any]:
            context = get_current_span().get_span_context()
            if context.is_valid:
                event_dict["trace_id"] = format(context.trace_id, "032x")
                event_dict["span_id"] = format(context.span_id, "016x")
            return event_dict

        return add_trace_ids

    async def shutdown(self) -> None:
        """Export what is still batched, then stop (bounded by OTEL_BSP_EXPORT_TIMEOUT)."""
        await asyncio.to_thread(self.provider.shutdown)


def start_tracing(version: str, environ: Mapping[str, str] | None = None) -> Tracing | None:
    """A `Tracing` exporting as the OTEL_* variables say, or None (and nothing imported) when they do not ask."""
    env = os.environ if environ is None else environ
    if not tracing_requested(env):
        return None
    check_tracing(env)
    names = _exporter_names(env)
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SpanExporter

    attributes: dict[str, str] = {"service.version": version}
    if not env.get("OTEL_SERVICE_NAME") and "service.name=" not in env.get("OTEL_RESOURCE_ATTRIBUTES", ""):
        attributes["service.name"] = "promptsmith"
    provider = TracerProvider(resource=Resource.create(attributes))
    for name in names:
        exporter: SpanExporter
        if name == "otlp":
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

            exporter = OTLPSpanExporter()  # endpoint, headers, timeout, compression: OTEL_EXPORTER_OTLP_*
        else:
            exporter = ConsoleSpanExporter()
        provider.add_span_processor(BatchSpanProcessor(exporter))
    return Tracing(provider)
