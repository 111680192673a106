"""The app factory: `create_app()` builds the Litestar application from settings."""

from __future__ import annotations

from litestar import Litestar
from litestar.types import ASGIApp

from app.config.settings import Settings, get_settings
from app.domain.delivery.fastpath import ResolveFastPath
from app.domain.generation.fastpath import GenerateFastPath
from app.domain.prompts.fastpath import ListFastPath
from app.domain.prompts.urls import EncodedSlashMiddleware
from app.lib.draining import connection_close_while_draining
from app.lib.http_options import complete_allow_header
from app.lib.metrics import RequestRecorder
from app.lib.request_context import RequestContextMiddleware
from app.lib.services import services_of
from app.lib.tracing import Tracing
from app.server.core import ApplicationCore
from app.server.openapi import StrictStructSchemaPlugin

API_CSP = "default-src 'none'; frame-ancestors 'none'"
# The docs page (Scalar, vendored in app/server/docs.py) loads nothing from another origin and runs no inline
# script. Styles stay 'unsafe-inline': Scalar injects its stylesheet and sets style attributes at run time.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)


def create_app(settings: Settings | None = None) -> Litestar:
    """Build the application. Tests pass their own `settings`; servers read them from the environment."""
    settings = settings or get_settings()
    # request_max_body_size must be passed here: Litestar 2.x reads the constructor argument, not the
    # value an init plugin sets on AppConfig, so setting it only in ApplicationCore left the 10 MB default.
    # StrictStructSchemaPlugin must precede Litestar's own struct schema plugin (the first match wins).
    app = Litestar(
        plugins=[StrictStructSchemaPlugin(), ApplicationCore(settings)], request_max_body_size=settings.max_body_size
    )
    # Pure ASGI layers around Litestar's own handler, outermost first:
    # - EncodedSlashMiddleware keeps `%2F` inside prompt names as one path segment (app.domain.prompts.urls);
    # - the OpenTelemetry server span, only when tracing is on (app.lib.tracing): around the access line, so that
    #   line carries the trace id;
    # - RequestContextMiddleware gives every response, 404/405 and errors included, the request id, the access
    #   line, the request metrics by route template (METRICS on) and the security headers (route-level
    #   middleware never sees unmatched paths, nor what the fast path answers);
    # - ResolveFastPath replays resolve answers the full path already authorized for the same API key, within
    #   the bus invalidation rules (app.domain.delivery.fastpath); ListFastPath does the same for the prompt
    #   list's cached pages (app.domain.prompts.fastpath);
    # - GenerateFastPath replays deterministic generate answers the full path already served to the same API key
    #   for the same body (app.domain.generation.fastpath); everything else reaches Litestar.
    tracing = services_of(app).find(Tracing)
    context: ASGIApp = RequestContextMiddleware(
        ResolveFastPath(ListFastPath(GenerateFastPath(app.asgi_handler, app), app), app),
        security_headers={
            "X-Content-Type-Options": "nosniff",
            "X-Frame-Options": "DENY",
            "Referrer-Policy": "no-referrer",
            "Cross-Origin-Resource-Policy": "same-origin",
        },
        api_csp=API_CSP,
        docs_csp=DOCS_CSP,
        docs_prefix="/schema",
        hsts=not settings.is_development,
        metrics=RequestRecorder() if settings.metrics != "off" else None,
        name_span=tracing.name_span if tracing is not None else None,
    )
    if tracing is not None:
        context = tracing.middleware(context)
    # - connection_close_while_draining: after SIGTERM every response closes its connection (app.lib.draining).
    # - complete_allow_header: OPTIONS lists every method of the resource (app.lib.http_options).
    app.asgi_handler = connection_close_while_draining(EncodedSlashMiddleware(complete_allow_header(context, app)))
    return app
