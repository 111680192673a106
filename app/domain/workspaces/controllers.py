"""`/api/v1/workspaces`: workspaces, their members and their API keys.

Authorization is not checked here: the app-wide guard resolves `{workspace}` for the caller and enforces each
route's `opt["permission"]` before the handler runs (see `app.domain.access.guards`).
"""

from __future__ import annotations

from uuid import UUID

from litestar import Controller, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_201_CREATED

from app.db.models import User
from app.domain.access.context import Caller, WorkspaceContext
from app.domain.access.permissions import Permission
from app.domain.workspaces.deps import WORKSPACE_DEPENDENCIES
from app.domain.workspaces.schemas import (
    MemberAdd,
    MemberOut,
    MemberPage,
    MemberUpdate,
    WorkspaceCreate,
    WorkspaceOut,
    WorkspacePage,
    WorkspaceUpdate,
)
from app.domain.workspaces.services import WorkspaceService
from app.lib.errors import PermissionDeniedError
from app.lib.openapi import problem_responses
from app.lib.pagination import Limit, Offset

_READ = {"permission": Permission.READ}


def _user(caller: Caller) -> User:
    if caller.user is None:
        raise PermissionDeniedError("This action needs a user session, not an API key.")
    return caller.user


class WorkspaceCollectionController(Controller):
    """The caller's workspaces (authenticated router)."""

    path = "/workspaces"
    tags = ["Workspaces"]
    dependencies = WORKSPACE_DEPENDENCIES

    @get(
        "/",
        operation_id="listWorkspaces",
        summary="List my workspaces (an API key sees its own)",
        responses=problem_responses(400, 401, 429, 503),
    )
    async def list_workspaces(
        self,
        caller: NamedDependency[Caller],
        workspaces: NamedDependency[WorkspaceService],
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> WorkspacePage:
        if caller.api_key is not None:
            workspace = await workspaces.get(caller.api_key.workspace_id)
            items = [WorkspaceOut.from_model(workspace, None)] if workspace is not None else []
            return WorkspacePage(items=items[offset : offset + limit], total=len(items), limit=limit, offset=offset)
        rows, total = await workspaces.list_for_user(_user(caller).id, limit=limit, offset=offset)
        return WorkspacePage(
            items=[WorkspaceOut.from_model(w, role) for w, role in rows], total=total, limit=limit, offset=offset
        )

    @post(
        "/",
        operation_id="createWorkspace",
        summary="Create a workspace (you become its owner)",
        status_code=HTTP_201_CREATED,
        responses=problem_responses(400, 401, 403, 409, 429, 503),
    )
    async def create_workspace(
        self,
        data: JSONBody[WorkspaceCreate],
        caller: NamedDependency[Caller],
        workspaces: NamedDependency[WorkspaceService],
    ) -> WorkspaceOut:
        workspace = await workspaces.create(_user(caller), data.name.strip(), slug=data.slug)
        return WorkspaceOut.from_model(workspace, "owner")


class WorkspaceController(Controller):
    """One workspace (workspace router)."""

    path = "/"
    tags = ["Workspaces"]
    dependencies = WORKSPACE_DEPENDENCIES

    @get(
        "/",
        operation_id="getWorkspace",
        summary="Get a workspace",
        opt=_READ,
        responses=problem_responses(401, 403, 404, 429, 503),
    )
    async def get_workspace(self, workspace_ctx: NamedDependency[WorkspaceContext]) -> WorkspaceOut:
        return WorkspaceOut.from_model(workspace_ctx.workspace, workspace_ctx.role)

    @patch(
        "/",
        operation_id="updateWorkspace",
        summary="Rename a workspace or change its settings",
        opt={"permission": Permission.MANAGE_WORKSPACE},
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def update_workspace(
        self,
        data: JSONBody[WorkspaceUpdate],
        workspace_ctx: NamedDependency[WorkspaceContext],
        workspaces: NamedDependency[WorkspaceService],
    ) -> WorkspaceOut:
        workspace = await workspaces.update(
            workspace_ctx,
            name=data.name.strip() if isinstance(data.name, str) else None,
            protected_labels=data.protected_labels if isinstance(data.protected_labels, list) else None,
        )
        return WorkspaceOut.from_model(workspace, workspace_ctx.role)

    @delete(
        "/",
        operation_id="deleteWorkspace",
        summary="Delete a workspace and everything in it (owner only)",
        opt={"permission": Permission.DELETE_WORKSPACE},
        responses=problem_responses(401, 403, 404, 409, 429, 503),
    )
    async def delete_workspace(
        self,
        workspace_ctx: NamedDependency[WorkspaceContext],
        workspaces: NamedDependency[WorkspaceService],
    ) -> None:
        await workspaces.delete(workspace_ctx)  # its keys stop working on every instance once the request commits

    @delete(
        "/membership",
        operation_id="leaveWorkspace",
        summary="Leave a workspace",
        opt=_READ,
        responses=problem_responses(401, 403, 404, 409, 429, 503),
    )
    async def leave_workspace(
        self, workspace_ctx: NamedDependency[WorkspaceContext], workspaces: NamedDependency[WorkspaceService]
    ) -> None:
        await workspaces.remove_member(workspace_ctx, _user(workspace_ctx.caller).id)


class MemberController(Controller):
    path = "/members"
    tags = ["Members"]
    dependencies = WORKSPACE_DEPENDENCIES

    @get(
        "/",
        operation_id="listMembers",
        summary="List members and their roles",
        opt=_READ,
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def list_members(
        self,
        workspace_ctx: NamedDependency[WorkspaceContext],
        workspaces: NamedDependency[WorkspaceService],
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> MemberPage:
        rows, total = await workspaces.list_members(workspace_ctx, limit=limit, offset=offset)
        return MemberPage(items=[MemberOut.from_model(m, u) for m, u in rows], total=total, limit=limit, offset=offset)

    @post(
        "/",
        operation_id="addMember",
        summary="Add an existing user by email",
        status_code=HTTP_201_CREATED,
        opt={"permission": Permission.MANAGE_MEMBERS},
        responses=problem_responses(400, 401, 403, 404, 409, 429, 503),
    )
    async def add_member(
        self,
        data: JSONBody[MemberAdd],
        workspace_ctx: NamedDependency[WorkspaceContext],
        workspaces: NamedDependency[WorkspaceService],
    ) -> MemberOut:
        member, user = await workspaces.add_member(workspace_ctx, data.email, data.role)
        return MemberOut.from_model(member, user)

    @patch(
        "/{user_id:uuid}",
        operation_id="changeMemberRole",
        summary="Change a member's role",
        opt={"permission": Permission.MANAGE_MEMBERS},
        responses=problem_responses(400, 401, 403, 404, 409, 429, 503),
    )
    async def change_role(
        self,
        user_id: FromPath[UUID],
        data: JSONBody[MemberUpdate],
        workspace_ctx: NamedDependency[WorkspaceContext],
        workspaces: NamedDependency[WorkspaceService],
    ) -> MemberOut:
        member, user = await workspaces.change_role(workspace_ctx, user_id, data.role)
        return MemberOut.from_model(member, user)

    @delete(
        "/{user_id:uuid}",
        operation_id="removeMember",
        summary="Remove a member",
        opt={"permission": Permission.MANAGE_MEMBERS},
        responses=problem_responses(401, 403, 404, 409, 429, 503),
    )
    async def remove_member(
        self,
        user_id: FromPath[UUID],
        workspace_ctx: NamedDependency[WorkspaceContext],
        workspaces: NamedDependency[WorkspaceService],
    ) -> None:
        await workspaces.remove_member(workspace_ctx, user_id)
