"""The API reference page at `/schema`: Scalar, served from the app itself.

The Scalar bundle is vendored (`app/server/static/scalar/`, pinned, see SOURCE.md there), so the page works
offline and loads nothing from any other origin; its Content-Security-Policy can then be `'self'` only for
scripts. The page has no inline script: Scalar's standalone bundle reads its configuration from the
`<script id="api-reference" type="application/json">` element, which a browser never executes.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import msgspec
from litestar import Request, Router, get
from litestar.openapi.plugins import OpenAPIRenderPlugin
from litestar.response import File

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
        title = html.escape(str(openapi_schema["info"]["title"]))
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
