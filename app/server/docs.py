"""The API reference page at `/schema`: Scalar, served from the app itself.

The Scalar bundle is vendored (`app/server/static/scalar/`, pinned, see SOURCE.md there), so the page works
offline and loads nothing from any other origin; its Content-Security-Policy can then be `'self'` only for
scripts. The page has no inline script: Scalar's standalone bundle reads its configuration from the
`<script id="api-reference" type="application/json">` element, which a browser never executes.

The document itself (`/schema/openapi.json`) is built at build time (`just openapi`, the CLI's
`python -m app schema openapi`) and committed as `app/server/openapi.json`; the docs router serves those bytes
and renders the page with the title read from them, so a worker never builds Litestar's OpenAPI object tree
(+4 to +5 MB resident, kept for the process's lifetime). `tests/unit/server/test_committed_openapi.py` fails
when the committed file and the live document differ.
"""

from __future__ import annotations

import functools
import html
from pathlib import Path
from typing import Any

import msgspec
from litestar import Request, Router, get
from litestar.openapi.plugins import OpenAPIRenderPlugin
from litestar.response import File

from app.lib.media import enforce_json_content_type

SCALAR_VERSION = "1.76.0"
"""The vendored @scalar/api-reference release (npm); bump it together with the file and SOURCE.md."""
SCALAR_BUNDLE = Path(__file__).parent / "static" / "scalar" / "standalone.js"
ASSET_PATH = f"/assets/scalar-{SCALAR_VERSION}.js"
"""Under the docs router (`/schema`); the version in the name lets browsers cache it for a year."""

# What the page must not do: phone home, pull fonts from Scalar's servers, or send requests through its proxy.
SCALAR_OPTIONS: dict[str, Any] = {
    "withDefaultFonts": False,
    "telemetry": False,
    "hideClientButton": True,
    "showDeveloperTools": "never",
    "agent": {"disabled": True},
    "mcp": {"disabled": True},
}


class SelfHostedScalar(OpenAPIRenderPlugin):
    """Render the OpenAPI document with the vendored Scalar bundle, and serve that bundle."""

    def __init__(self, *, path: str = "/scalar", options: dict[str, Any] | None = None) -> None:
        super().__init__(path=path, favicon='<link rel="icon" href="data:,">', style="")
        self.options = SCALAR_OPTIONS if options is None else options

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        return self.page(request, str(openapi_schema["info"]["title"]))

    def page(self, request: Request[Any, Any, Any], title: str) -> bytes:
        """The HTML page, for a document with this title."""
        title = html.escape(title)
        document_url = html.escape(self.get_openapi_json_route(request))
        configuration = html.escape(msgspec.json.encode(self.options).decode())
        script_url = html.escape(request.app.route_reverse(_SCALAR_ASSET_HANDLER))
        return f"""<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{title}</title>
    {self.favicon}
  </head>
  <body>
    <noscript>The API reference needs JavaScript. The document itself is at {document_url}.</noscript>
    <script id="api-reference" type="application/json" data-url="{document_url}"
            data-configuration="{configuration}"></script>
    <script src="{script_url}"></script>
  </body>
</html>
""".encode()

    def receive_router(self, router: Router) -> None:
        # A new handler per router: a Litestar handler object belongs to the one app it is registered on.
        @get(ASSET_PATH, name=_SCALAR_ASSET_HANDLER, include_in_schema=False, sync_to_thread=False)
        def scalar_bundle() -> File:
            """The vendored Scalar script; immutable, since a new release gets a new URL."""
            return File(
                SCALAR_BUNDLE,
                content_disposition_type="inline",
                media_type="text/javascript; charset=utf-8",
                headers={"Cache-Control": "public, max-age=31536000, immutable"},
            )

        router.register(scalar_bundle)


_SCALAR_ASSET_HANDLER = "docs-scalar-bundle"

OPENAPI_DOCUMENT = Path(__file__).parent / "openapi.json"
"""The committed OpenAPI document: `just openapi` writes it (packaged with the wheel, like the Scalar bundle)."""
OPENAPI_JSON_PATH = "/openapi.json"
"""Litestar's path for the JSON document under the docs router."""


class _Info(msgspec.Struct):
    title: str


class _Head(msgspec.Struct):
    info: _Info


@functools.cache
def committed_openapi_document() -> bytes:
    """The committed document as served: compact JSON, like Litestar's own JSON render (read once, kept)."""
    return msgspec.json.format(OPENAPI_DOCUMENT.read_bytes(), indent=-1)


@functools.cache
def committed_openapi_title() -> str:
    """`info.title` of the committed document; only that field is decoded."""
    return msgspec.json.decode(committed_openapi_document(), type=_Head).info.title


def committed_docs_router(path: str, scalar: SelfHostedScalar) -> Router:
    """The router Litestar fills with its OpenAPI handlers (`OpenAPIConfig.openapi_router`), answering from the
    committed document.

    Litestar's handlers for the JSON document and the render plugins' pages build the whole OpenAPI tree before
    they run, and keep it. A router-level before-request hook answers those two first instead (its non-None
    return value is the response, through the handler's own media type, status and middleware); the others (the
    schema 404 page, the Scalar bundle) run as before.
    """

    async def serve_committed(request: Request[Any, Any, Any]) -> bytes | None:
        await enforce_json_content_type(request)  # the app-level hook this router-level one replaces
        paths = request.route_handler.paths
        if OPENAPI_JSON_PATH in paths:
            return committed_openapi_document()
        if "/" in paths or not paths.isdisjoint(scalar.paths):
            return scalar.page(request, committed_openapi_title())
        return None

    return Router(
        path, route_handlers=[], include_in_schema=False, dto=None, return_dto=None, before_request=serve_committed
    )
