"""Enumerates the app's workspace routes, so that tests cover every route, including ones added later."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from litestar import Litestar
from litestar.routes import HTTPRoute

from app.domain.access.permissions import Permission
from app.domain.console.pages import CONSOLE_PREFIX


@dataclass(frozen=True)
class WorkspaceRoute:
    method: str
    path: str
    operation_id: str
    permission: Permission | None
    params: dict[str, type]

    def url(self, slug: str, known: dict[str, str] | None = None) -> str:
        """The path with `{workspace}` = `slug` and every other parameter filled (from `known` or a dummy)."""
        known = known or {}
        url = self.path
        for name, kind in self.params.items():
            if name == "workspace":
                value = slug
            elif name in known:
                value = known[name]
            elif kind is uuid.UUID:
                value = str(uuid.uuid4())
            elif kind in (int, float):
                value = "1"
            else:
                value = "x"
            url = url.replace("{" + name + ":" + _type_name(self.path, name) + "}", value)
        return url

    @property
    def has_body(self) -> bool:
        return self.method in {"POST", "PUT", "PATCH"}


def _type_name(path: str, name: str) -> str:
    start = path.index("{" + name + ":") + len(name) + 2
    return path[start : path.index("}", start)]


def workspace_routes(app: Litestar, *, console: bool = False) -> list[WorkspaceRoute]:
    """Every (method, path) whose path has `{workspace}`, except automatic OPTIONS/HEAD handlers.

    API routes by default; `console=True` gives the web console's pages instead (they answer HTML pages).
    """
    found: list[WorkspaceRoute] = []
    for route in app.routes:
        if not isinstance(route, HTTPRoute) or "workspace" not in route.path_parameters:
            continue
        if route.path.startswith(CONSOLE_PREFIX + "/") != console:  # pages are checked in tests/integration/console
            continue
        params: dict[str, Any] = {name: p.type for name, p in route.path_parameters.items()}
        for handler in route.route_handlers:
            for method in sorted(handler.http_methods - {"OPTIONS", "HEAD"}):
                operation_id = handler.operation_id if isinstance(handler.operation_id, str) else handler.handler_name
                found.append(WorkspaceRoute(method, route.path, operation_id, handler.opt.get("permission"), params))
    return found
