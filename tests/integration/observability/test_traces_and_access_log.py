"""Traces, log correlation and the access line, read from a real `serve` process (#12 section 3).

A local OTLP/HTTP collector stand-in (a real HTTP server in this test) receives the protobuf export and decodes
it with opentelemetry-proto. The server's stderr (JSON lines) is the log under test.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.proto.trace.v1.trace_pb2 import Span

from app.domain.access.secrets import parse_api_key
from tests.integration.helpers import api_headers, create_workspace, register
from tests.integration.observability.conftest import server_env
from tests.integration.system.conftest import REPO_ROOT, free_port, subprocess_env

pytestmark = pytest.mark.slow

RESOLVE_ROUTE = "/api/v1/workspaces/{workspace}/prompts/{name}/resolve"
LIST_ROUTE = "/api/v1/workspaces/{workspace}/prompts"
FORWARDED_CLIENT = "198.51.100.7"


class Collector:
    """An OTLP/HTTP trace receiver: `POST /v1/traces` with an `ExportTraceServiceRequest` body."""

    def __init__(self) -> None:
        self.spans: list[tuple[dict[str, str], Span]] = []
        self.lock = threading.Lock()
        collector = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                encoding = self.headers.get("Content-Encoding", "")
                if encoding == "gzip":
                    body = gzip.decompress(body)
                elif encoding == "deflate":
                    body = zlib.decompress(body)
                request = ExportTraceServiceRequest()
                request.ParseFromString(body)
                with collector.lock:
                    for resource_spans in request.resource_spans:
                        resource = {a.key: a.value.string_value for a in resource_spans.resource.attributes}
                        for scope_spans in resource_spans.scope_spans:
                            collector.spans.extend((resource, span) for span in scope_spans.spans)
                reply = ExportTraceServiceResponse().SerializeToString()
                self.send_response(200 if self.path == "/v1/traces" else 404)
                self.send_header("Content-Type", "application/x-protobuf")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *_: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def of_trace(self, trace_id: str) -> list[tuple[dict[str, str], Span]]:
        with self.lock:
            return [(r, s) for r, s in self.spans if s.trace_id.hex() == trace_id]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def collector() -> Iterator[Collector]:
    stand_in = Collector()
    yield stand_in
    stand_in.close()


def _traceparent(n: int) -> tuple[str, str, str]:
    """(header, trace id, parent span id) of a caller's sampled trace."""
    trace_id, span_id = f"{n:x}".rjust(32, "a"), f"{n:x}".rjust(16, "b")
    return f"00-{trace_id}-{span_id}-01", trace_id, span_id


class Tenant:
    def __init__(self, slug: str, key: str, key_id: str, user_id: str) -> None:
        self.slug, self.key, self.key_id, self.user_id = slug, key, key_id, user_id

    @property
    def resolve_url(self) -> str:
        return f"/api/v1/workspaces/{self.slug}/prompts/greeter/resolve"


async def _tenant(client: httpx.AsyncClient) -> Tenant:
    account = await register(client)
    slug = (await create_workspace(client, account["csrf"]))["slug"]
    created = await client.post(
        f"/api/v1/workspaces/{slug}/api-keys",
        json={"name": "sdk", "scopes": ["read", "write", "admin"]},
        headers={"X-CSRF-Token": account["csrf"]},
    )
    assert created.status_code == 201, created.text
    key, key_id = created.json()["key"], created.json()["id"]
    client.cookies.clear()
    base = f"/api/v1/workspaces/{slug}/prompts"
    assert (await client.post(base, json={"name": "greeter"}, headers=api_headers(key))).status_code == 201
    version = await client.post(
        f"{base}/greeter/versions", json={"text": "Hello.", "labels": ["production"]}, headers=api_headers(key)
    )
    assert version.status_code == 201, version.text
    return Tenant(slug, key, key_id, account["user"]["id"])


def _records(server: Any) -> list[dict[str, Any]]:
    return [r for r in server.log_records() if isinstance(r, dict)]


def _access_line(server: Any, request_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 5
    while True:
        lines = [
            r for r in _records(server) if r.get("logger") == "promptsmith.access" and r.get("request_id") == request_id
        ]
        if lines or time.monotonic() > deadline:
            assert len(lines) == 1, lines
            return lines[0]
        time.sleep(0.05)


def _wait_spans(collector: Collector, trace_id: str, name: str) -> list[tuple[dict[str, str], Span]]:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        spans = collector.of_trace(trace_id)
        if any(s.name == name and s.kind == Span.SPAN_KIND_SERVER for _, s in spans):
            time.sleep(0.3)  # the rest of the batch (child spans end first, so they are usually there already)
            return collector.of_trace(trace_id)
        time.sleep(0.05)
    raise AssertionError(f"no server span {name!r} of trace {trace_id}: {[s.name for _, s in collector.spans]}")


def _attributes(span: Span) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for attribute in span.attributes:
        value = attribute.value
        values[attribute.key] = getattr(value, value.WhichOneof("value")) if value.WhichOneof("value") else None
    return values


async def test_traces_reach_an_otlp_collector_and_continue_the_callers_trace(
    start_server: Any, settings: Any, collector: Collector
) -> None:
    port = free_port()
    env = server_env(
        settings,
        TRUSTED_PROXIES="127.0.0.1",
        OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{collector.port}",
        OTEL_BSP_SCHEDULE_DELAY="100",
        OTEL_SERVICE_NAME="promptsmith-test",
    )
    server = start_server(["-m", "app", "serve", "--port", str(port)], port=port, env=env)
    server.wait_live(timeout=60)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as client:
        tenant = await _tenant(client)
        forwarded = {"X-Forwarded-For": FORWARDED_CLIENT}
        miss_header, miss_trace, miss_parent = _traceparent(1)
        miss = await client.get(
            tenant.resolve_url, headers={**api_headers(tenant.key), "traceparent": miss_header, **forwarded}
        )
        assert miss.headers["x-cache"] == "miss"
        list_header, list_trace, _ = _traceparent(2)
        listed = await client.get(
            f"/api/v1/workspaces/{tenant.slug}/prompts", headers={**api_headers(tenant.key), "traceparent": list_header}
        )
        assert listed.status_code == 200
        fast_header, fast_trace, _ = _traceparent(3)
        fast = await client.get(
            tenant.resolve_url, headers={**api_headers(tenant.key), "traceparent": fast_header, **forwarded}
        )
        assert fast.headers["x-cache"] == "hit; fast"

    # The resolve: a server span named after the route template, child of the caller's span, and a Redis span.
    spans = _wait_spans(collector, miss_trace, f"GET {RESOLVE_ROUTE}")
    server_span = next(s for _, s in spans if s.kind == Span.SPAN_KIND_SERVER)
    assert server_span.parent_span_id.hex() == miss_parent
    assert _attributes(server_span)["http.route"] == RESOLVE_ROUTE
    assert all(resource["service.name"] == "promptsmith-test" for resource, _ in spans)
    redis_spans = [
        s for _, s in spans if "redis" in {str(v) for k, v in _attributes(s).items() if k.startswith("db.system")}
    ]
    assert redis_spans, [(s.name, _attributes(s)) for _, s in spans]
    assert all(s.parent_span_id for s in redis_spans)
    # The uncached resolve's query, sent to asyncpg directly (outside SQLAlchemy's execution layer), is a span too.
    query_spans = [s for _, s in spans if _attributes(s).get("db.system") == "postgresql" and s.name == "SELECT"]
    assert query_spans, [(s.name, _attributes(s)) for _, s in spans]
    assert all("$1" in str(_attributes(s)["db.statement"]) for s in query_spans)  # parameters, never values
    # Listing prompts: SQL spans in the same trace.
    listed_spans = _wait_spans(collector, list_trace, f"GET {LIST_ROUTE}")
    systems = {str(v) for _, s in listed_spans for k, v in _attributes(s).items() if k.startswith("db.system")}
    assert "postgresql" in systems, [(s.name, _attributes(s)) for _, s in listed_spans]
    # The fast path answers before Litestar, and is traced all the same.
    _wait_spans(collector, fast_trace, f"GET {RESOLVE_ROUTE}")
    # No raw path ever names a span; probes are not traced.
    assert not any(tenant.slug in span.name for _, span in collector.spans)
    assert not any("/health" in span.name for _, span in collector.spans)

    # Logs: every line of a traced request carries its request id and the trace id.
    miss_access = _access_line(server, miss.headers["x-request-id"])
    assert miss_access["trace_id"] == miss_trace
    request_lines = [r for r in _records(server) if r.get("request_id") == miss.headers["x-request-id"]]
    assert request_lines
    assert all(r.get("trace_id") == miss_trace for r in request_lines)

    # The access line's fields.
    assert miss_access["route"] == RESOLVE_ROUTE
    assert miss_access["client"] == FORWARDED_CLIENT  # believed: the TCP peer is in TRUSTED_PROXIES
    assert miss_access["actor"] == f"api_key:{tenant.key_id}"
    assert miss_access["workspace"] == tenant.slug
    assert miss_access["cache"] == "miss"
    assert miss_access["status"] == 200
    assert miss_access["size"] == len(miss.content) == int(miss.headers["content-length"])
    fast_access = _access_line(server, fast.headers["x-request-id"])
    assert fast_access["cache"] == "fast"
    assert fast_access["route"] == RESOLVE_ROUTE
    assert fast_access["actor"] == f"api_key:{tenant.key_id}"
    assert fast_access["workspace"] == tenant.slug
    assert fast_access["trace_id"] == fast_trace
    assert fast_access["size"] == len(fast.content)
    user_lines = [
        r
        for r in _records(server)
        if r.get("logger") == "promptsmith.access" and r.get("actor", "").startswith("user:")
    ]
    assert {r["actor"] for r in user_lines} == {f"user:{tenant.user_id}"}  # the session requests of the setup
    # Never the secret: not the key, not its secret half, not the session cookie.
    assert tenant.key not in server.stderr()
    parsed = parse_api_key(tenant.key)  # the secret may hold "_" itself, so split the key as the app does
    assert parsed is not None
    assert parsed[1] not in server.stderr()


async def test_without_tracing_logs_carry_the_callers_trace_id_and_proxies_are_not_believed(
    start_server: Any, settings: Any
) -> None:
    port = free_port()
    server = start_server(["-m", "app", "serve", "--port", str(port)], port=port, env=server_env(settings))
    server.wait_live(timeout=60)
    header, trace_id, _ = _traceparent(4)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as client:
        traced = await client.get(
            "/no/such/route", headers={"traceparent": header, "X-Forwarded-For": FORWARDED_CLIENT}
        )
        untraced = await client.get("/health/live", headers={"traceparent": "00-zz-not-a-trace"})
    line = _access_line(server, traced.headers["x-request-id"])
    assert line["trace_id"] == trace_id
    assert line["client"] == "127.0.0.1"  # X-Forwarded-For from an untrusted peer is ignored
    assert line["route"] is None  # no route matched
    assert line["status"] == 404
    assert line["size"] == len(traced.content)
    assert "trace_id" not in _access_line(server, untraced.headers["x-request-id"])
    assert line["request_id"] == traced.headers["x-request-id"]


TRACING_MODULES = (
    "opentelemetry.sdk.trace",
    "opentelemetry.exporter",
    "opentelemetry.instrumentation.sqlalchemy",
    "opentelemetry.instrumentation.redis",
)
"""What only tracing loads. With the `otel` extra installed, Litestar (`litestar.plugins.opentelemetry`, at every
app construction) and redis-py 8 (`opentelemetry.sdk.metrics`, at import) load other parts on their own: that
start-up cost is why OpenTelemetry is an optional extra (see app/lib/tracing.py)."""


_IMPORTS = """
import json
import sys
from app.config.settings import load_settings
from app.server.asgi import create_app
create_app(load_settings({"DATABASE_URL": "sqlite+aiosqlite:///:memory:", "METRICS": "open"}, env_file=None))
print(json.dumps(sorted(m for m in sys.modules if m.startswith(TRACING_MODULES))))
""".replace("TRACING_MODULES", repr(TRACING_MODULES))


@pytest.mark.parametrize(
    ("otel_env", "loaded"),
    [({}, False), ({"OTEL_TRACES_EXPORTER": "none"}, False), ({"OTEL_TRACES_EXPORTER": "console"}, True)],
)
def test_tracing_is_not_even_imported_when_off(otel_env: dict[str, str], loaded: bool) -> None:
    env = {**subprocess_env(PYTHONPATH=str(REPO_ROOT)), **otel_env}
    result = subprocess.run(
        [sys.executable, "-c", _IMPORTS],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout.strip().splitlines()[-1])
    if loaded:
        assert {prefix for prefix in TRACING_MODULES if any(m.startswith(prefix) for m in modules)} == set(
            TRACING_MODULES
        )
    else:
        assert modules == []
