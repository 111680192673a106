"""The two dependencies of access control: `caller` and `workspace_ctx`.

They return what the router guards (`app.domain.access.guards`) already checked and stored in the request
state, so a handler never triggers authentication by naming a parameter.
"""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.di import Provide

from app.domain.access.authentication import authenticate
from app.domain.access.authorization import authorize_workspace
from app.domain.access.context import Caller, WorkspaceContext
from app.domain.access.guards import declared_permission
from app.lib.errors import PermissionDeniedError


async def provide_caller(request: Request[Any, Any, Any]) -> Caller:
    """Dependency `caller`: the authenticated user or API key (checked by the router's guard)."""
    return await authenticate(request)


async def provide_workspace_ctx(request: Request[Any, Any, Any]) -> WorkspaceContext:
    """Dependency `workspace_ctx`: the caller's checked access to the URL's workspace (workspace router only)."""
    permission = declared_permission(request.route_handler)
    if permission is None:  # only the workspace router provides this dependency, and it checks declarations
        raise PermissionDeniedError("This route declares no permission.")
    return await authorize_workspace(request, permission)


CALLER_DEPENDENCY: dict[str, Provide] = {"caller": Provide(provide_caller)}
"""For the authenticated router."""

WORKSPACE_CONTEXT_DEPENDENCIES: dict[str, Provide] = {
    **CALLER_DEPENDENCY,
    "workspace_ctx": Provide(provide_workspace_ctx),
}
"""For the workspace router."""
