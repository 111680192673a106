"""`/api/v1/workspaces`: workspaces, their members and their API keys.

Authorization is not checked here: the app-wide guard resolves `{workspace}` for the caller and enforces each
route's `opt["permission"]` before the handler runs (see `app.domain.accounts.deps`).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import ApiKey, User, Workspace, WorkspaceMember
from app.domain.accounts.context import Caller, WorkspaceContext
from app.domain.accounts.permissions import Permission
from app.domain.accounts.runtime import get_runtime
from app.domain.workspaces import keys, services
from app.domain.workspaces.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyOut,
    ApiKeyPage,
    Limit,
    MemberAdd,
    MemberOut,
    MemberPage,
    MemberUpdate,
    Offset,
    WorkspaceCreate,
    WorkspaceOut,
    WorkspacePage,
    WorkspaceUpdate,
)
from app.lib.errors import PermissionDeniedError
from app.lib.openapi import problem_responses

WS = "/{workspace:str}"
_READ = {"permission": Permission.READ}


def workspace_out(workspace: Workspace, role: str | None) -> WorkspaceOut:
    return WorkspaceOut(
        id=workspace.id,
        slug=workspace.slug,
        name=workspace.name,
        is_personal=workspace.is_personal,
        protected_labels=list(workspace.protected_labels),
        role=role,
        created_at=workspace.created_at,
        updated_at=workspace.updated_at,
    )


def member_out(member: WorkspaceMember, user: User) -> MemberOut:
    return MemberOut(
        user_id=user.id, email=user.email, display_name=user.display_name, role=member.role, joined_at=member.created_at
    )


def key_out(key: ApiKey) -> ApiKeyOut:
    return ApiKeyOut(
        id=key.id,
        name=key.name,
        prefix=key.prefix,
        scopes=list(key.scopes),
        created_at=key.created_at,
        last_used_at=key.last_used_at,
        expires_at=key.expires_at,
        revoked_at=key.revoked_at,
    )


def _user(caller: Caller) -> User:
    if caller.user is None:
        raise PermissionDeniedError("This action needs a user session, not an API key.")
    return caller.user


class WorkspaceController(Controller):
    path = "/api/v1/workspaces"
    tags = ["Workspaces"]

    @get(
        "/",
        operation_id="listWorkspaces",
        summary="List my workspaces (an API key sees its own)",
        responses=problem_responses(400, 401, 429, 503),
    )
    async def list_workspaces(
        self,
        caller: NamedDependency[Caller],
        db_session: NamedDependency[AsyncSession],
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> WorkspacePage:
        if caller.api_key is not None:
            workspace = await db_session.get(Workspace, caller.api_key.workspace_id)
            items = [workspace_out(workspace, None)] if workspace is not None else []
            return WorkspacePage(items=items[offset : offset + limit], total=len(items), limit=limit, offset=offset)
        rows, total = await services.list_user_workspaces(db_session, _user(caller).id, limit=limit, offset=offset)
        return WorkspacePage(
            items=[workspace_out(w, role) for w, role in rows], total=total, limit=limit, offset=offset
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
        db_session: NamedDependency[AsyncSession],
    ) -> WorkspaceOut:
        workspace = await services.create_workspace(db_session, _user(caller), data.name.strip(), slug=data.slug)
        return workspace_out(workspace, "owner")

    @get(
        WS,
        operation_id="getWorkspace",
        summary="Get a workspace",
        opt=_READ,
        responses=problem_responses(401, 403, 404, 429, 503),
    )
    async def get_workspace(self, ctx: NamedDependency[WorkspaceContext]) -> WorkspaceOut:
        return workspace_out(ctx.workspace, ctx.role)

    @patch(
        WS,
        operation_id="updateWorkspace",
        summary="Rename a workspace or change its settings",
        opt={"permission": Permission.MANAGE_WORKSPACE},
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def update_workspace(
        self,
        data: JSONBody[WorkspaceUpdate],
        ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
    ) -> WorkspaceOut:
        workspace = await services.update_workspace(
            db_session,
            ctx,
            name=data.name.strip() if isinstance(data.name, str) else None,
            protected_labels=data.protected_labels if isinstance(data.protected_labels, list) else None,
        )
        return workspace_out(workspace, ctx.role)

    @delete(
        WS,
        operation_id="deleteWorkspace",
        summary="Delete a workspace and everything in it (owner only)",
        opt={"permission": Permission.DELETE_WORKSPACE},
        responses=problem_responses(401, 403, 404, 409, 429, 503),
    )
    async def delete_workspace(
        self,
        request: Request[Any, Any, Any],
        ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
    ) -> None:
        prefixes = await services.delete_workspace(db_session, ctx)
        await db_session.commit()
        for prefix in prefixes:  # keys of a deleted workspace must stop working on every instance now
            await get_runtime(request.app).keys.invalidate(prefix)

    @delete(
        f"{WS}/membership",
        operation_id="leaveWorkspace",
        summary="Leave a workspace",
        opt=_READ,
        responses=problem_responses(401, 403, 404, 409, 429, 503),
    )
    async def leave_workspace(
        self, ctx: NamedDependency[WorkspaceContext], db_session: NamedDependency[AsyncSession]
    ) -> None:
        await services.remove_member(db_session, ctx, _user(ctx.caller).id)


class MemberController(Controller):
    path = "/api/v1/workspaces/{workspace:str}/members"
    tags = ["Members"]

    @get(
        "/",
        operation_id="listMembers",
        summary="List members and their roles",
        opt=_READ,
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def list_members(
        self,
        ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> MemberPage:
        rows, total = await services.list_members(db_session, ctx, limit=limit, offset=offset)
        return MemberPage(items=[member_out(m, u) for m, u in rows], total=total, limit=limit, offset=offset)

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
        ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
    ) -> MemberOut:
        member, user = await services.add_member(db_session, ctx, data.email, data.role)
        return member_out(member, user)

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
        ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
    ) -> MemberOut:
        member, user = await services.change_role(db_session, ctx, user_id, data.role)
        return member_out(member, user)

    @delete(
        "/{user_id:uuid}",
        operation_id="removeMember",
        summary="Remove a member",
        opt={"permission": Permission.MANAGE_MEMBERS},
        responses=problem_responses(401, 403, 404, 409, 429, 503),
    )
    async def remove_member(
        self, user_id: FromPath[UUID], ctx: NamedDependency[WorkspaceContext], db_session: NamedDependency[AsyncSession]
    ) -> None:
        await services.remove_member(db_session, ctx, user_id)


class ApiKeyController(Controller):
    path = "/api/v1/workspaces/{workspace:str}/api-keys"
    tags = ["API keys"]
    opt = {"permission": Permission.MANAGE_KEYS}

    @get(
        "/",
        operation_id="listApiKeys",
        summary="List API keys (never the secrets)",
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def list_keys(
        self,
        ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> ApiKeyPage:
        rows, total = await keys.list_keys(db_session, ctx, limit=limit, offset=offset)
        return ApiKeyPage(items=[key_out(k) for k in rows], total=total, limit=limit, offset=offset)

    @post(
        "/",
        operation_id="createApiKey",
        summary="Create an API key; the full key is in this response only",
        status_code=HTTP_201_CREATED,
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def create_key(
        self,
        data: JSONBody[ApiKeyCreate],
        ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
    ) -> ApiKeyCreated:
        key, full = await keys.create_key(
            db_session, ctx, name=data.name.strip(), scopes=data.scopes, expires_at=data.expires_at
        )
        out = key_out(key)
        return ApiKeyCreated(key=full, **{f: getattr(out, f) for f in out.__struct_fields__})

    @delete(
        "/{key_id:uuid}",
        operation_id="revokeApiKey",
        summary="Revoke an API key (effective immediately)",
        responses=problem_responses(401, 403, 404, 429, 503),
    )
    async def revoke_key(
        self,
        request: Request[Any, Any, Any],
        key_id: FromPath[UUID],
        ctx: NamedDependency[WorkspaceContext],
        db_session: NamedDependency[AsyncSession],
    ) -> Response[None]:
        key = await keys.revoke_key(db_session, ctx, key_id)
        # Commit before invalidating: another instance must not re-read the unrevoked row into its cache.
        await db_session.commit()
        await get_runtime(request.app).keys.invalidate(key.prefix)
        return Response(None, status_code=HTTP_204_NO_CONTENT)
