"""Which workspace, and may the caller act in it: the `WorkspaceContext` of a request under `{workspace}`.

Safe (GET/HEAD) requests read the workspace and the membership from the bus-invalidated caches of
`app.domain.access.caches` and open no database session when both are cached; writes load the rows into the
request's session (one query), so handlers that change the workspace get an attached row.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar.connection import ASGIConnection
from sqlalchemy import select

from app.db.models import Workspace, WorkspaceMember
from app.domain.access.authentication import authenticate, client_address
from app.domain.access.caches import WorkspaceSnapshot, member_key
from app.domain.access.context import WorkspaceContext
from app.domain.access.permissions import ROLE_PERMISSIONS, Permission, Role, permissions_for_scopes
from app.domain.access.runtime import AccessRuntime, access_runtime
from app.lib.errors import NotFoundError, PermissionDeniedError
from app.lib.request_context import get_request_id, note_access

SAFE_METHODS = frozenset({"GET", "HEAD"})
WORKSPACE_PARAM = "workspace"
WORKSPACE_NOT_FOUND = "Workspace not found."
_CTX_KEY = "promptsmith_workspace_ctx"


async def _workspace_by_slug(
    runtime: AccessRuntime, connection: ASGIConnection[Any, Any, Any, Any], slug: str, *, snapshot_ok: bool = False
) -> Workspace | WorkspaceSnapshot | None:
    """The workspace named `slug`: its cached snapshot on safe requests (or with `snapshot_ok`), else loaded into
    the request's session."""
    access = runtime.caches
    if snapshot_ok or connection.scope.get("method") in SAFE_METHODS:
        snapshot = access.workspaces.get(slug)
        if snapshot is not None:
            return snapshot
    token = access.workspaces.token()
    db = runtime.db_session(connection.scope)
    workspace = (await db.execute(select(Workspace).where(Workspace.slug == slug))).scalar_one_or_none()
    if workspace is not None:
        access.workspaces.set(slug, WorkspaceSnapshot.of(workspace), token=token)
    return workspace


async def _member_role(
    runtime: AccessRuntime, connection: ASGIConnection[Any, Any, Any, Any], workspace_id: UUID, user_id: UUID
) -> Role | None:
    """The user's role in the workspace (cached on safe requests), or None when not a member."""
    members = runtime.caches.members
    key = member_key(workspace_id, user_id)
    if connection.scope.get("method") in SAFE_METHODS:
        cached = members.get(key)
        if cached is not None:
            return Role(cached)
    token = members.token()
    db = runtime.db_session(connection.scope)
    role = (
        await db.execute(
            select(WorkspaceMember.role).where(
                WorkspaceMember.workspace_id == workspace_id, WorkspaceMember.user_id == user_id
            )
        )
    ).scalar_one_or_none()
    if role is None:
        return None
    members.set(key, role, token=token)
    return Role(role)


async def _load_membership(
    runtime: AccessRuntime, connection: ASGIConnection[Any, Any, Any, Any], slug: str, user_id: UUID
) -> tuple[Workspace | None, Role | None]:
    access = runtime.caches
    tokens = access.workspaces.token(), access.members.token()
    db = runtime.db_session(connection.scope)
    row = (
        await db.execute(
            select(Workspace, WorkspaceMember.role)
            .join(WorkspaceMember, WorkspaceMember.workspace_id == Workspace.id)
            .where(Workspace.slug == slug, WorkspaceMember.user_id == user_id)
        )
    ).one_or_none()
    if row is None:
        return None, None
    workspace, role = row[0], Role(row[1])
    access.workspaces.set(slug, WorkspaceSnapshot.of(workspace), token=tokens[0])
    access.members.set(member_key(workspace.id, user_id), role.value, token=tokens[1])
    return workspace, role


async def authorize_workspace(
    connection: ASGIConnection[Any, Any, Any, Any], permission: Permission, *, snapshot_ok: bool = False
) -> WorkspaceContext:
    """The caller's access to the `{workspace}` of the URL: 404 without access, 403 without `permission`.

    Safe (GET/HEAD) requests read the workspace and the membership from the bus-invalidated caches of
    `app.domain.access.caches` and open no database session when both are cached; writes load the rows. With
    `snapshot_ok` (a write whose handler never changes the workspace row, e.g. a new prompt version) an API
    key's write reads the workspace from the cache too: the key itself already comes from the bus-invalidated
    key cache, so the workspace row read added no freshness the key lacks. A user's write still reads the
    membership (a role change takes effect on the next write).
    """
    state = connection.scope.setdefault("state", {})
    cached: WorkspaceContext | None = state.get(_CTX_KEY)
    if cached is not None:
        return cached
    caller = await authenticate(connection)
    slug = connection.path_params.get(WORKSPACE_PARAM)
    runtime = access_runtime(connection.app)
    role: Role | None = None
    workspace: Workspace | WorkspaceSnapshot | None = None
    if not isinstance(slug, str):
        granted: frozenset[Permission] = frozenset()
    elif caller.api_key is not None:
        workspace = await _workspace_by_slug(runtime, connection, slug, snapshot_ok=snapshot_ok)
        if workspace is not None and workspace.id != caller.api_key.workspace_id:
            workspace = None
        granted = scope_permissions(caller.api_key.scopes)
    else:
        assert caller.user is not None
        if connection.scope.get("method") in SAFE_METHODS:
            workspace = await _workspace_by_slug(runtime, connection, slug)
            if workspace is not None:
                role = await _member_role(runtime, connection, workspace.id, caller.user.id)
        else:  # a write: one query, the row attached to the request's session
            workspace, role = await _load_membership(runtime, connection, slug, caller.user.id)
        if role is None:
            workspace = None
        granted = ROLE_PERMISSIONS[role] if role is not None else frozenset()
    if workspace is None:
        raise NotFoundError(WORKSPACE_NOT_FOUND)
    note_access(connection.scope, workspace=workspace.slug)
    if permission not in granted:
        raise PermissionDeniedError(f"This action needs the {permission.value!r} permission in this workspace.")
    ctx = WorkspaceContext(
        workspace=workspace,
        caller=caller,
        role=role,
        permissions=granted,
        request_id=get_request_id(connection.scope),
        client_address=client_address(connection),
    )
    state[_CTX_KEY] = ctx
    await runtime.end_guard_read(connection.scope)
    return ctx


_SCOPE_GRANTS: dict[tuple[str, ...], frozenset[Permission]] = {}


def scope_permissions(scopes: tuple[str, ...]) -> frozenset[Permission]:
    """`permissions_for_scopes`, memoised: keys carry a handful of distinct scope tuples."""
    granted = _SCOPE_GRANTS.get(scopes)
    if granted is None:
        granted = permissions_for_scopes(scopes)
        if len(_SCOPE_GRANTS) < 64:
            _SCOPE_GRANTS[scopes] = granted
    return granted
