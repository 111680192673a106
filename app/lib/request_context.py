"""Request id, trace id, per-request log context, access log, request metrics and security headers.

This is a pure ASGI wrapper installed around Litestar's own handler (see `app.server.asgi`), so it also
sees requests that match no route (404/405) and the ones the resolve fast path answers, which route-level
Litestar middleware never does.

The access line carries the method, path, route template, status, duration, response size, client address
(the TCP peer, or the `X-Forwarded-For` address when the peer is in `TRUSTED_PROXIES`: uvicorn rewrites the
scope's client before this layer), and what the request's handlers noted with `note_access`: the actor
(`user:<id>` or `api_key:<id>`, never a secret), the workspace slug and the resolve cache outcome.

It runs on every request, so it is kept cheap: the request id is 16 random bytes in hex, the log context is
bound and afterwards restored with tokens (no context copy), and when neither the access line (log level) nor
the metrics want it, nothing is timed or formatted.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import structlog

if TYPE_CHECKING:
    from litestar.types import ASGIApp, Message, Receive, Scope, Send

    from app.lib.metrics import RequestRecorder

REQUEST_ID_HEADER = "x-request-id"
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
_STATE_KEY = "request_id"
_TRACEPARENT = re.compile(r"^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}")
_ACCESS_KEY = "promptsmith_access"
_ACCESS_FIELDS = ("actor", "workspace", "cache")

access_logger = structlog.get_logger("promptsmith.access")
_ROOT_LOGGER = logging.getLogger()


def _incoming_request_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            return candidate if _SANE_REQUEST_ID.match(candidate) else None
    return None


def _incoming_trace_id(scope: Scope) -> str | None:
    """The trace id of a W3C `traceparent` header (the caller's trace), or None. With tracing on, the log
    processor of `app.lib.tracing` replaces it with the current span's (the same trace, continued)."""
    for name, value in scope.get("headers", ()):
        if name == b"traceparent":
            match = _TRACEPARENT.match(value.decode("latin-1"))
            trace_id = match.group(1) if match else None
            return trace_id if trace_id and trace_id != "0" * 32 else None
    return None


def note_access(scope: Scope | Any, **fields: str) -> None:
    """Add `actor`, `workspace` or `cache` to the request's access line (and nothing secret: it is logged)."""
    state = scope.setdefault("state", {})
    notes = state.get(_ACCESS_KEY)
    if notes is None:
        state[_ACCESS_KEY] = fields
    else:
        notes.update(fields)


def get_request_id(scope: Scope | Any) -> str:
    """The id of the request in `scope`; assigned on first use so error handlers always have one."""
    state = scope.setdefault("state", {})
    request_id = state.get(_STATE_KEY)
    if request_id is None:
        request_id = _incoming_request_id(scope) or os.urandom(16).hex()
        state[_STATE_KEY] = request_id
    return str(request_id)


class RequestContextMiddleware:
    """Assign the request id, bind it to the log context, add security headers and write one access line."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        security_headers: dict[str, str],
        api_csp: str,
        docs_csp: str,
        docs_prefix: str,
        hsts: bool,
        access_log: bool = True,
        metrics: RequestRecorder | None = None,
        name_span: Callable[[str, str], None] | None = None,
    ) -> None:
        self.app = app
        self.access_log = access_log
        self.metrics = metrics
        """Counts and times every request by route template (`METRICS` on)."""
        self.name_span = name_span
        """Names the current trace span after the route template once it is known (tracing on)."""
        headers = [(k.lower().encode(), v.encode()) for k, v in security_headers.items()]
        if hsts:
            headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
        self._api_headers = [*headers, (b"content-security-policy", api_csp.encode())]
        self._docs_headers = [*headers, (b"content-security-policy", docs_csp.encode())]
        self._docs_prefix = docs_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # type: ignore[comparison-overlap]
            await self.app(scope, receive, send)
            return
        # The stdlib level is the one `configure_logging` gave structlog's filter too (and it is cached there).
        log_access = self.access_log and _ROOT_LOGGER.isEnabledFor(logging.INFO)
        metrics = self.metrics
        started = time.perf_counter() if log_access or metrics is not None else 0.0
        request_id = get_request_id(scope)
        trace_id = _incoming_trace_id(scope)
        if trace_id is None:
            tokens = structlog.contextvars.bind_contextvars(request_id=request_id)
        else:
            tokens = structlog.contextvars.bind_contextvars(request_id=request_id, trace_id=trace_id)
        status_code = 500
        size = 0
        base = self._docs_headers if scope["path"].startswith(self._docs_prefix) else self._api_headers
        extra_headers = [*base, (b"x-request-id", request_id.encode())]
        name_span = self.name_span

        async def send_wrapper(message: Message) -> None:
            nonlocal status_code, size
            if message["type"] == "http.response.start":
                status_code = message["status"]
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in extra_headers if h[0] not in present)
                message["headers"] = headers
                if name_span is not None and (template := scope.get("path_template")):
                    # Now: the server span ends with the last body message, before this layer's `finally`.
                    name_span(scope["method"], template)  # type: ignore[typeddict-item]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            # Litestar's router sets the template; the resolve fast path sets the resolve route's.
            route: str | None = scope.get("path_template")
            method: str = scope["method"]  # type: ignore[typeddict-item]
            if metrics is not None:
                metrics.record(route, method, status_code, time.perf_counter() - started)
            if log_access:
                self._log_access(scope, route, status_code, size, started)
            structlog.contextvars.reset_contextvars(**tokens)

    @staticmethod
    def _log_access(scope: Scope, route: str | None, status: int, size: int, started: float) -> None:
        client = scope.get("client")
        fields: dict[str, Any] = {
            "method": scope.get("method"),
            "path": scope["path"],
            "route": route,
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            "size": size,
            "client": client[0] if client else None,
        }
        notes = scope.get("state", {}).get(_ACCESS_KEY)
        if notes:
            fields.update((name, notes[name]) for name in _ACCESS_FIELDS if name in notes)
        access_logger.info("request", **fields)
