"""The guards of the three routers (`app.server.routers`), and the start-up check that every route is covered.

- public router: no guard (probes, register, login);
- authenticated router: `authenticated`, an API key or a session cookie (CSRF on unsafe cookie requests) and
  the rate limit;
- workspace router: `workspace_permission`, the above, then the caller's access to `{workspace}` and the
  route's declared `opt["permission"]`.

Handler-level guards add what a route needs on top: `requires_scope(Permission.X)` (API keys need the scope
granting X on the stateless endpoints) and `session_only` (a user session, not an API key).

Guards run before the body and query are parsed, so a stranger gets the same 404 whatever the body holds.
Each stores what it found in the request state; the dependencies `caller` and `workspace_ctx`
(`app.domain.access.deps`) return it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from litestar import Litestar
from litestar.connection import ASGIConnection
from litestar.exceptions import ImproperlyConfiguredException
from litestar.handlers.base import BaseRouteHandler
from litestar.routes import HTTPRoute

from app.domain.access.authentication import authenticate
from app.domain.access.authorization import WORKSPACE_PARAM, authorize_workspace, scope_permissions
from app.domain.access.permissions import Permission
from app.lib.errors import PermissionDeniedError

WORKSPACE_SNAPSHOT_OPT = "workspace_snapshot"
"""Route opt: the handler only reads the workspace (never changes its row), so an API key's write may take it from
the workspace cache (`authorize_workspace(snapshot_ok=True)`)."""

Guard = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], Awaitable[None]]


def _is_preflight(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    # CORS preflight and Litestar's automatic OPTIONS handlers answer without credentials.
    return connection.scope.get("method") == "OPTIONS"


async def authenticated(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Guard of the authenticated router: 401 without a valid API key or session, 429 over the rate limit."""
    if not _is_preflight(connection):
        await authenticate(connection)


def declared_permission(handler: BaseRouteHandler) -> Permission | None:
    """The permission a workspace route declares in `opt["permission"]` (None when it declares none)."""
    permission = handler.opt.get("permission")
    return permission if isinstance(permission, Permission) else None


async def workspace_permission(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    """Guard of the workspace router: 404 without access to `{workspace}`, 403 without the declared permission."""
    if _is_preflight(connection):
        return
    permission = declared_permission(handler)
    if permission is None:  # unreachable once `check_workspace_routes` passed at start-up
        msg = f"route handler {handler.handler_name!r} declares no opt['permission']"
        raise ImproperlyConfiguredException(msg)
    await authorize_workspace(connection, permission, snapshot_ok=handler.opt.get(WORKSPACE_SNAPSHOT_OPT) is True)


def requires_scope(permission: Permission) -> Guard:
    """Guard for routes outside a workspace: an API key needs a scope granting `permission`; users pass."""
    scope_name = "write" if permission == Permission.WRITE else "read"

    async def scope_guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        if _is_preflight(connection):
            return
        caller = await authenticate(connection)
        if caller.api_key is not None and permission not in scope_permissions(caller.api_key.scopes):
            raise PermissionDeniedError(f"This API key needs the {scope_name!r} scope for this endpoint.")

    scope_guard.__name__ = f"requires_{scope_name}_scope"
    return scope_guard


async def session_only(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Guard for account actions (logout, CSRF token, password): a user session, never an API key."""
    if _is_preflight(connection):
        return
    caller = await authenticate(connection)
    if caller.session_id is None:
        raise PermissionDeniedError("This endpoint needs a user session, not an API key.")


def check_workspace_routes(app: Litestar) -> None:
    """Start-up check: every route under `{workspace}` is behind `workspace_permission` and declares its permission.

    A route added outside the workspace router, or one that forgot `opt={"permission": ...}`, stops the app.
    """
    problems: list[str] = []
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            if set(handler.http_methods) == {"OPTIONS"}:
                continue
            guarded = workspace_permission in handler.resolve_guards()
            if not guarded and WORKSPACE_PARAM not in route.path_parameters:
                continue
            label = f"{sorted(handler.http_methods)} {route.path} ({handler.handler_name})"
            if not guarded:
                problems.append(f"{label}: not on the workspace router")
            elif declared_permission(handler) is None:
                problems.append(f"{label}: no opt['permission']")
    if problems:
        msg = "workspace routes without a declared permission (add one): " + ", ".join(problems)
        raise ImproperlyConfiguredException(msg)
