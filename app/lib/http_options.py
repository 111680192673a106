"""`Allow` on OPTIONS answers: every method the resource has, not only those of the handler registered first.

Litestar (2.25) gives each route an OPTIONS handler whose `Allow` lists the methods the route had when that handler
was made. When handlers for one path come from several controllers or routers, the route is rebuilt as each one
is registered, and the OPTIONS handler of the first one stays, with its short list: `OPTIONS /api/v1/workspaces`
answered `Allow: OPTIONS, POST` although GET is served too. This layer rewrites the header from the finished
route table (Litestar puts the matched route's template in `scope["path_template"]`).
"""

from __future__ import annotations

from litestar import Litestar
from litestar.routes import HTTPRoute
from litestar.types import ASGIApp, Message, Receive, Scope, Send


def complete_allow_header(app: ASGIApp, litestar_app: Litestar) -> ASGIApp:
    """ASGI layer: the `Allow` header of an OPTIONS response lists all of the matched route's methods."""
    allowed: dict[str, bytes] = {}

    def allow_for(template: str) -> bytes | None:
        if not allowed:  # the route table is complete once the app serves requests
            for route in litestar_app.routes:
                if isinstance(route, HTTPRoute):
                    allowed[route.path_format] = ", ".join(sorted(route.methods)).encode()
        return allowed.get(template)

    async def layer(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "OPTIONS":  # type: ignore[comparison-overlap,typeddict-item]
            await app(scope, receive, send)
            return

        async def send_with_allow(message: Message) -> None:
            if message["type"] == "http.response.start":
                template = scope.get("path_template")
                headers = list(message.get("headers", ()))
                methods = allow_for(template) if isinstance(template, str) else None
                if methods is not None and any(name.lower() == b"allow" for name, _ in headers):
                    headers = [(name, value) for name, value in headers if name.lower() != b"allow"]
                    message = {**message, "headers": [*headers, (b"allow", methods)]}
            await send(message)

        await app(scope, receive, send_with_allow)

    return layer
