"""The app factory: `create_app()` builds the Litestar application from settings."""

from __future__ import annotations

from litestar.types import ASGIApp

from app.config.settings import Settings, get_settings
from app.domain.delivery.fastpath import ResolveFastPath
from app.domain.generation.fastpath import GENERATE_PATH, GenerateFastPath
from app.domain.prompts.fastpath import ListFastPath
from app.lib.metrics import RequestRecorder
from app.lib.services import services_of
from app.lib.tracing import Tracing
from app.server.core import ApplicationCore
from app.server.edge import Edge, EdgeApp
from app.server.openapi import StrictStructSchemaPlugin

API_CSP = "default-src 'none'; frame-ancestors 'none'"
# The docs page (Scalar, vendored in app/server/docs.py) loads nothing from another origin and runs no inline
# script. Styles stay 'unsafe-inline': Scalar injects its stylesheet and sets style attributes at run time.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)


def create_app(settings: Settings | None = None) -> EdgeApp:
    """Build the application. Tests pass their own `settings`; servers read them from the environment."""
    settings = settings or get_settings()
    # request_max_body_size must be passed here: Litestar 2.x reads the constructor argument, not the
    # value an init plugin sets on AppConfig, so setting it only in ApplicationCore left the 10 MB default.
    # StrictStructSchemaPlugin must precede Litestar's own struct schema plugin (the first match wins).
    app = EdgeApp(
        plugins=[StrictStructSchemaPlugin(), ApplicationCore(settings)], request_max_body_size=settings.max_body_size
    )
    # Every HTTP request enters through one pure ASGI layer, the edge (app.server.edge), before Litestar: the
    # encoded-slash fix, the request id, log context, security headers, access line and request metrics (for
    # 404/405s, errors and replayed answers too), the complete `Allow` of OPTIONS answers, `Connection: close`
    # while draining, and the authorized-replay layers:
    # - ResolveFastPath replays resolve answers the full path already authorized for the same API key, within
    #   the bus invalidation rules (app.domain.delivery.fastpath); ListFastPath does the same for the prompt
    #   list's cached pages (app.domain.prompts.fastpath);
    # - GenerateFastPath replays deterministic generate answers the full path already served to the same API key
    #   for the same body (app.domain.generation.fastpath).
    # Their misses, and everything else, reach Litestar. With tracing on, the OpenTelemetry server span is around
    # the edge, so the access line carries the trace id.
    tracing = services_of(app).find(Tracing)
    litestar = app.litestar_http
    resolve = ResolveFastPath(litestar, app)
    prompt_list = ListFastPath(litestar, app)
    edge: ASGIApp = Edge(
        litestar,
        app,
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
        replay_get={"/resolve": resolve, "/resolve/": resolve, "/prompts": prompt_list, "/prompts/": prompt_list},
        replay_post={GENERATE_PATH: GenerateFastPath(litestar, app)},
        metrics=RequestRecorder() if settings.metrics != "off" else None,
        name_span=tracing.name_span if tracing is not None else None,
    )
    app.edge = tracing.middleware(edge) if tracing is not None else edge
    return app
