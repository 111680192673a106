"""Request id, trace id, the per-request access notes and the access line.

The edge layer (`app.server.edge`) uses these on every request, before Litestar routes it, so it also sees
requests that match no route (404/405) and the ones a replay layer answers, which route-level Litestar
middleware never does.

The access line carries the method, path, route template, status, duration, response size, client address
(the TCP peer, or the `X-Forwarded-For` address when the peer is in `TRUSTED_PROXIES`: uvicorn rewrites the
scope's client before this layer), and what the request's handlers noted with `note_access`: the actor
(`user:<id>` or `api_key:<id>`, never a secret), the workspace slug and the resolve cache outcome.

The edge runs on every request, so it is kept cheap: the request id is 16 random bytes in hex, the log context is
bound and afterwards restored with tokens (no context copy), and when neither the access line (log level) nor
the metrics want it, nothing is timed or formatted.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import structlog

if TYPE_CHECKING:
    from litestar.types import Scope

REQUEST_ID_HEADER = "x-request-id"
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
REQUEST_ID_STATE_KEY = "request_id"
_TRACEPARENT = re.compile(r"^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}")
_ACCESS_KEY = "promptsmith_access"
_ACCESS_FIELDS = ("actor", "workspace", "cache")

access_logger = structlog.get_logger("promptsmith.access")


def incoming_ids(headers: Iterable[tuple[bytes, bytes]]) -> tuple[str | None, str | None]:
    """(the caller's `X-Request-ID` when it is sane, the trace id of its W3C `traceparent`), each or None, in one
    pass over the headers. With tracing on, the log processor of `app.lib.tracing` replaces the trace id with the
    current span's (the same trace, continued)."""
    request_id = trace_id = None
    for name, value in headers:
        if name == b"x-request-id":
            if request_id is None:
                candidate = value.decode("latin-1")
                request_id = candidate if _SANE_REQUEST_ID.match(candidate) else ""
        elif name == b"traceparent" and trace_id is None:
            match = _TRACEPARENT.match(value.decode("latin-1"))
            found = match.group(1) if match else None
            trace_id = found if found and found != "0" * 32 else ""
    return request_id or None, trace_id or None


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
    request_id = state.get(REQUEST_ID_STATE_KEY)
    if request_id is None:
        request_id = incoming_ids(scope.get("headers", ()))[0] or os.urandom(16).hex()
        state[REQUEST_ID_STATE_KEY] = request_id
    return str(request_id)


def log_access(scope: Scope, route: str | None, status: int, size: int, started: float) -> None:
    """Write the request's access line (`started`: its `time.perf_counter()` at arrival)."""
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
