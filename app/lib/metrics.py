"""The Prometheus metrics of the service: one module-level object per metric, for any feature to import.

Served by `GET /metrics` (`METRICS=open|token`, app/domain/system/metrics.py). With several worker processes
(`SERVER_WORKERS` > 1) `serve` sets `PROMETHEUS_MULTIPROC_DIR` before the workers start, so every value is
kept in a memory-mapped file per process and a scrape, whichever worker answers it, adds them all up. That is
why the gauges below declare how their per-process values combine (`multiprocess_mode`). prometheus-client picks
its storage at import: the workers are spawned (fresh interpreters) after `serve` set the variable, so they see
it even though the `serve` process itself imported this module earlier.

A separate process (a job worker) records into these objects too, but its values reach `/metrics` only if it
shares `PROMETHEUS_MULTIPROC_DIR` with the web workers (same host or volume); otherwise it needs its own endpoint
(`prometheus_client.start_http_server`), or the web process samples the value at scrape time (a queue depth).

Labels stay bounded: routes are templates (`/api/v1/workspaces/{workspace}/prompts/{name}/resolve`), never
raw paths; unknown methods are `OTHER`; a request no route matched is `<unmatched>`.

The webhook objects (`WEBHOOK_*`) are defined here for the webhook delivery feature to record into.
"""

from __future__ import annotations

import os
from typing import Any, Final

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client import multiprocess as _multiprocess
from prometheus_client.exposition import CONTENT_TYPE_LATEST

MULTIPROC_ENV: Final = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE: Final = CONTENT_TYPE_LATEST
UNMATCHED_ROUTE: Final = "<unmatched>"
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

# Request latency buckets: the cached resolve answers in well under a millisecond, generation in milliseconds.
_LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

HTTP_REQUESTS: Final = Counter(
    "promptsmith_http_requests",
    "HTTP requests answered, by route template, method and status.",
    ["route", "method", "status"],
)
HTTP_LATENCY: Final = Histogram(
    "promptsmith_http_request_duration_seconds",
    "Time from the request reaching the app to the end of its response, by route template, method and status.",
    ["route", "method", "status"],
    buckets=_LATENCY_BUCKETS,
)

RESOLVE_OUTCOMES: Final = ("fast", "local", "shared", "miss", "stale")
RESOLVE_CACHE: Final = Counter(
    "promptsmith_resolve_cache",
    "Resolve answers by where they came from: fast (the authorized fast path), local (in-process cache), "
    "shared (Redis), miss (database), stale (last known good, database unavailable).",
    ["outcome"],
)
_RESOLVE_CHILDREN = {outcome: RESOLVE_CACHE.labels(outcome) for outcome in RESOLVE_OUTCOMES}

DB_POOL_CHECKED_OUT: Final = Gauge(
    "promptsmith_db_pool_checked_out",
    "Database connections currently checked out of the pool (in use).",
    multiprocess_mode="livesum",
)
DB_POOL_IDLE: Final = Gauge(
    "promptsmith_db_pool_idle",
    "Open database connections waiting in the pool.",
    multiprocess_mode="livesum",
)
DB_POOL_OVERFLOW: Final = Gauge(
    "promptsmith_db_pool_overflow",
    "Connections open beyond DB_POOL_SIZE (negative: pool slots not opened yet).",
    multiprocess_mode="livesum",
)
DB_POOL_LIMIT: Final = Gauge(
    "promptsmith_db_pool_limit",
    "The most connections the pool may open (DB_POOL_SIZE + DB_MAX_OVERFLOW).",
    multiprocess_mode="livesum",
)

REDIS_CIRCUIT_OPEN: Final = Gauge(
    "promptsmith_redis_circuit_open",
    "1 while Redis calls are failing (the circuit breaker skips Redis and falls back), else 0.",
    ["backend"],
    multiprocess_mode="livemax",
)
REDIS_CIRCUIT_TRIPS: Final = Counter(
    "promptsmith_redis_circuit_trips",
    "Times the Redis circuit breaker opened (an outage started).",
    ["backend"],
)

GENERATE_DURATION: Final = Histogram(
    "promptsmith_generate_duration_seconds",
    "Time to generate a prompt from a brief, by engine (deterministic, llm).",
    ["engine"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
LINT_DURATION: Final = Histogram(
    "promptsmith_lint_duration_seconds",
    "Time to lint one prompt.",
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0),
)

WEBHOOK_QUEUE_DEPTH: Final = Gauge(
    "promptsmith_webhook_queue_depth",
    "Webhook deliveries waiting in the job queue (sampled by the worker).",
    multiprocess_mode="livemostrecent",
)
WEBHOOK_DELIVERIES: Final = Counter(
    "promptsmith_webhook_deliveries",
    "Webhook delivery attempts by outcome: delivered (2xx), failed (will be retried), exhausted (no retry left), "
    "disabled (the subscription was switched off after repeated failure).",
    ["outcome"],
)
WEBHOOK_DELIVERY_DURATION: Final = Histogram(
    "promptsmith_webhook_delivery_duration_seconds",
    "Time of one webhook delivery attempt (request sent to response read).",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)


def count_resolve(outcome: str) -> None:
    """Count one resolve answer by cache outcome (one of `RESOLVE_OUTCOMES`)."""
    _RESOLVE_CHILDREN[outcome].inc()


class RequestRecorder:
    """Counts and times requests; label children are looked up once per (route, method, status)."""

    __slots__ = ("_children",)

    def __init__(self) -> None:
        self._children: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    def record(self, route: str | None, method: str, status: int, seconds: float) -> None:
        key = (route or UNMATCHED_ROUTE, method if method in _METHODS else "OTHER", status)
        children = self._children.get(key)
        if children is None:
            labels = (key[0], key[1], str(status))
            children = (HTTP_REQUESTS.labels(*labels), HTTP_LATENCY.labels(*labels))
            self._children[key] = children
        children[0].inc()
        children[1].observe(seconds)


def set_circuit_state(backend: str, failing: bool) -> None:
    """Record a circuit breaker transition (called on outage start and end only)."""
    REDIS_CIRCUIT_OPEN.labels(backend).set(1 if failing else 0)
    if failing:
        REDIS_CIRCUIT_TRIPS.labels(backend).inc()


class PoolGauges:
    """The database pool gauges of this process, refreshed from the pool at every scrape and every
    `POOL_SAMPLE_INTERVAL` seconds (so the other workers' values in multiprocess mode are that fresh).

    Sampled rather than updated from pool events: SQLAlchemy fires `checkin` before the connection is back in
    the pool, so an event-driven gauge would lag one connection behind."""

    def __init__(self, pool: Any, limit: int) -> None:
        self._pool = pool
        DB_POOL_LIMIT.set(limit)

    def refresh(self) -> None:
        pool = self._pool
        checked_out = getattr(pool, "checkedout", None)
        if not callable(checked_out):
            return  # not a QueuePool (the embedded SQLite mode): only the limit is known
        DB_POOL_CHECKED_OUT.set(checked_out())
        DB_POOL_IDLE.set(pool.checkedin())
        DB_POOL_OVERFLOW.set(pool.overflow())


POOL_SAMPLE_INTERVAL: Final = 5.0


def multiprocess_dir() -> str | None:
    """The directory of multiprocess mode, or None in a single process."""
    return os.environ.get(MULTIPROC_ENV) or None


def render() -> bytes:
    """Every metric in the Prometheus text format; in multiprocess mode, summed over all worker processes."""
    if multiprocess_dir() is None:
        return generate_latest()
    registry = CollectorRegistry()
    _multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    return generate_latest(registry)


def forget_this_process() -> None:
    """At a worker's shutdown, in multiprocess mode: drop its live gauges from the sums."""
    if multiprocess_dir() is not None:
        _multiprocess.mark_process_dead(os.getpid())  # type: ignore[no-untyped-call]
