"""The edge: the one ASGI layer every HTTP request passes before Litestar, and the app class that installs it.

It does, in one coroutine and one `send` wrapper, what used to be five nested layers (each a coroutine frame and,
for most, a `send` wrapper of its own, about 16 us of a 40 us cached resolve):

1. keeps an encoded slash (`%2F`) inside a prompt name's path segment (`app.domain.prompts.urls`);
2. the request context (`app.lib.request_context`): request id, log context, security headers, the access line,
   the request metrics by route template (METRICS on), the trace span's name (tracing on);
3. `Allow` on OPTIONS answers lists every method of the resource (`app.lib.http_options`);
4. while draining after SIGTERM, every response says `Connection: close` (`app.lib.draining`);
5. hands the request to the authorized-replay layer its method and path may concern (resolve, the prompt list,
   generate: `app.domain.*.fastpath`), whose misses go to Litestar, or straight to Litestar.

`EdgeApp.__call__` runs it before `Litestar.__call__`, so a replayed answer also skips Litestar's `send`
wrapper (its `before_send` hooks only act on what Litestar's own handlers put in the request state: the
session close of Advanced Alchemy and the RateLimit headers of the guard; a replay sends its own).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from contextlib import suppress
from operator import itemgetter
from typing import TYPE_CHECKING, Any, cast

import structlog
from litestar import Litestar
from litestar.exceptions import MissingDependencyException

from app.domain.prompts.urls import preserve_encoded_slashes
from app.lib.draining import DRAIN, Drain, close_connection
from app.lib.fastpath import REPLAYED
from app.lib.http_options import AllowTable
from app.lib.request_context import REQUEST_ID_STATE_KEY, incoming_ids, log_access

if TYPE_CHECKING:
    from litestar.config.app import AppConfig
    from litestar.plugins import PluginProtocol
    from litestar.types import ASGIApp, Message, Receive, Scope, Send

    from app.lib.metrics import RequestRecorder

_ROOT_LOGGER = logging.getLogger()
_X_REQUEST_ID = b"x-request-id"
_NAME = itemgetter(0)


class EdgeApp(Litestar):
    """Litestar, entered through `edge` for HTTP requests once `app.server.asgi` has installed one."""

    edge: ASGIApp | None = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        edge = self.edge
        if edge is None or scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        # What Litestar.__call__ sets first, so that every layer sees the scope it used to.
        scope["app"] = scope["litestar_app"] = self
        scope.setdefault("state", {})
        await edge(scope, receive, send)

    @staticmethod
    def _patch_opentelemetry_middleware(config: AppConfig) -> AppConfig:
        """Litestar's on-app-init workaround that moves OpenTelemetry middleware found in the config into its plugin:
        this app's tracing wraps the edge instead (`app.server.asgi`), so there is never any to move, and the hook's
        only effect would be importing Litestar's OpenTelemetry plugin and opentelemetry's ASGI instrumentation
        (1.7 MB per process) whenever the `otel` extra is installed, tracing on or off."""
        return config

    @staticmethod
    def _get_default_plugins(plugins: list[PluginProtocol]) -> list[PluginProtocol]:
        """Litestar's default plugins without its Pydantic ones, which Litestar adds whenever pydantic is installed
        (Advanced Alchemy needs it): no model, parameter, dependency or schema of this app is a Pydantic type
        (`tests/unit/test_architecture.py` keeps it so), and they only imported `pydantic.v1` and Litestar's Pydantic
        plugin modules and registered encoders and decoders for types the app never sends nor reads (2.0 MB per
        process, `bench/results/perf35-notes.md`). The rest is Litestar's own list."""
        from litestar.plugins.core import MsgspecDIPlugin

        plugins.append(MsgspecDIPlugin())
        with suppress(MissingDependencyException):
            from litestar.plugins.attrs import AttrsSchemaPlugin

            if not any(isinstance(plugin, AttrsSchemaPlugin) for plugin in plugins):
                plugins.append(AttrsSchemaPlugin())
        return plugins

    async def litestar_http(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Litestar's own entry for one HTTP request (routing, middleware, `before_send` hooks)."""
        await super().__call__(scope, receive, send)


class Edge:
    """See the module docstring. `replay_get` maps a path suffix to the replay layer for GET requests whose path
    ends with it, `replay_post` an exact path to the one for POST requests to it; `app` is what every other
    request is handed to (a replay layer hands its misses to it too)."""

    def __init__(
        self,
        app: ASGIApp,
        litestar: Litestar,
        *,
        security_headers: dict[str, str],
        api_csp: str,
        docs_csp: str,
        docs_prefix: str,
        hsts: bool,
        replay_get: dict[str, ASGIApp] | None = None,
        replay_post: dict[str, ASGIApp] | None = None,
        access_log: bool = True,
        metrics: RequestRecorder | None = None,
        name_span: Callable[[str, str], None] | None = None,
        drain: Drain = DRAIN,
    ) -> None:
        self.app = app
        self.access_log = access_log
        self.metrics = metrics
        """Counts and times every request by route template (`METRICS` on)."""
        self.name_span = name_span
        """Names the current trace span after the route template once it is known (tracing on)."""
        self.drain = drain
        self.allow = AllowTable(litestar)
        headers = [(k.lower().encode(), v.encode()) for k, v in security_headers.items()]
        if hsts:
            headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
        self._api_headers = [*headers, (b"content-security-policy", api_csp.encode())]
        self._docs_headers = [*headers, (b"content-security-policy", docs_csp.encode())]
        self._header_names = frozenset(name for name, _ in self._api_headers) | {_X_REQUEST_ID}
        self._docs_prefix = docs_prefix
        self._replay_get = tuple((replay_get or {}).items())
        self._replay_post = dict(replay_post or {})

    def _handler(self, method: str, path: str) -> ASGIApp:
        """The replay layer for this request, or the app."""
        if method == "GET":
            for suffix, layer in self._replay_get:
                if path.endswith(suffix):
                    return layer
        elif method == "POST":
            return self._replay_post.get(path, self.app)
        return self.app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # type: ignore[comparison-overlap]
            await self.app(scope, receive, send)
            return
        raw_path = scope.get("raw_path")
        if raw_path and b"%2" in raw_path:
            scope["path"] = preserve_encoded_slashes(scope["path"], raw_path)
        path: str = scope["path"]
        method: str = scope["method"]  # type: ignore[typeddict-item]
        # The stdlib level is the one `configure_logging` gave structlog's filter too (and it is cached there).
        log = self.access_log and _ROOT_LOGGER.isEnabledFor(logging.INFO)
        metrics = self.metrics
        started = time.perf_counter() if log or metrics is not None else 0.0
        state: dict[str, Any] = scope.setdefault("state", {})
        request_id, trace_id = incoming_ids(scope["headers"])
        request_id = state.setdefault(REQUEST_ID_STATE_KEY, request_id or os.urandom(16).hex())
        if trace_id is None:
            tokens = structlog.contextvars.bind_contextvars(request_id=request_id)
        else:
            tokens = structlog.contextvars.bind_contextvars(request_id=request_id, trace_id=trace_id)
        base = self._docs_headers if path.startswith(self._docs_prefix) else self._api_headers
        status_code = 500
        size = 0

        async def send_wrapper(message: Message) -> None:
            nonlocal status_code, size
            if message["type"] == "http.response.start":
                status_code = message["status"]
                if message.get(REPLAYED):  # a replay's own list, none of its headers ours (app.lib.fastpath)
                    headers = cast("list[tuple[bytes, bytes]]", message["headers"])
                    headers += base
                    headers.append((_X_REQUEST_ID, request_id.encode()))
                else:
                    headers = list(message.get("headers", ()))
                    present = self._header_names.intersection(map(bytes.lower, map(_NAME, headers)))
                    if present:
                        headers.extend(h for h in base if h[0] not in present)
                    else:
                        headers += base
                    if _X_REQUEST_ID not in present:
                        headers.append((_X_REQUEST_ID, request_id.encode()))
                if method == "OPTIONS":
                    headers = self.allow.complete(headers, scope.get("path_template"))
                if self.drain.active:
                    headers = close_connection(headers)
                message["headers"] = headers
                if self.name_span is not None and (template := scope.get("path_template")):
                    # Now: the server span ends with the last body message, before this layer's `finally`.
                    self.name_span(method, template)
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self._handler(method, path)(scope, receive, send_wrapper)
        finally:
            # Litestar's router sets the template; a replay layer sets its route's.
            route: str | None = scope.get("path_template")
            if metrics is not None:
                metrics.record(route, method, status_code, time.perf_counter() - started)
            if log:
                log_access(scope, route, status_code, size, started)
            structlog.contextvars.reset_contextvars(**tokens)
