"""`Allow` on OPTIONS answers: every method the resource has, not only those of the handler registered first.

Litestar (2.25) gives each route an OPTIONS handler whose `Allow` lists the methods the route had when that handler
was made. When handlers for one path come from several controllers or routers, the route is rebuilt as each one
is registered, and the OPTIONS handler of the first one stays, with its short list: `OPTIONS /api/v1/workspaces`
answered `Allow: OPTIONS, POST` although GET is served too. The edge layer (`app.server.edge`) rewrites the header
from the finished route table (Litestar puts the matched route's template in `scope["path_template"]`).
"""

from __future__ import annotations

from litestar import Litestar
from litestar.routes import HTTPRoute


class AllowTable:
    """The methods of every route of the finished route table, for the `Allow` header of OPTIONS answers."""

    def __init__(self, litestar_app: Litestar) -> None:
        self._litestar = litestar_app
        self._allowed: dict[str, bytes] = {}

    def methods(self, template: str) -> bytes | None:
        """`Allow` for the route with this template (Litestar's `path_format`), or None for an unknown one."""
        if not self._allowed:  # the route table is complete once the app serves requests
            for route in self._litestar.routes:
                if isinstance(route, HTTPRoute):
                    self._allowed[route.path_format] = ", ".join(sorted(route.methods)).encode()
        return self._allowed.get(template)

    def complete(self, headers: list[tuple[bytes, bytes]], template: object) -> list[tuple[bytes, bytes]]:
        """The headers of an OPTIONS response to the route `template` (the scope's `path_template`, if any), with
        an `Allow` header, when there is one, listing all of the route's methods."""
        methods = self.methods(template) if isinstance(template, str) else None
        if methods is None or not any(name.lower() == b"allow" for name, _ in headers):
            return headers
        return [*((name, value) for name, value in headers if name.lower() != b"allow"), (b"allow", methods)]
