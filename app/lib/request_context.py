"""Request id, per-request log context, access log and security headers, for every HTTP request.

This is a pure ASGI wrapper installed around Litestar's own handler (see `app.server.asgi`), so it also
sees requests that match no route (404/405), which route-level Litestar middleware never does.

It runs on every request, so it is kept cheap: the request id is 16 random bytes in hex, the log context is
bound and afterwards restored with tokens (no context copy), and when the access line is filtered out by the
log level nothing is timed or formatted.
"""

from __future__ import annotations

import logging
import os
import re
import time
from typing import TYPE_CHECKING, Any

import structlog

if TYPE_CHECKING:
    from litestar.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "x-request-id"
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
_STATE_KEY = "request_id"

access_logger = structlog.get_logger("promptsmith.access")
_ROOT_LOGGER = logging.getLogger()


def _incoming_request_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            return candidate if _SANE_REQUEST_ID.match(candidate) else None
    return None


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
    ) -> None:
        self.app = app
        self.access_log = access_log
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
        started = time.perf_counter() if log_access else 0.0
        request_id = get_request_id(scope)
        tokens = structlog.contextvars.bind_contextvars(request_id=request_id)
        status_code = 500
        base = self._docs_headers if scope["path"].startswith(self._docs_prefix) else self._api_headers
        extra_headers = [*base, (b"x-request-id", request_id.encode())]

        async def send_wrapper(message: Message) -> None:
            nonlocal status_code
            if message["type"] == "http.response.start":
                status_code = message["status"]
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in extra_headers if h[0] not in present)
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            if log_access:
                access_logger.info(
                    "request",
                    method=scope.get("method"),
                    path=scope["path"],
                    status=status_code,
                    duration_ms=round((time.perf_counter() - started) * 1000, 2),
                )
            structlog.contextvars.reset_contextvars(**tokens)
