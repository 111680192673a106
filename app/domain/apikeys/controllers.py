"""`/api-keys` of a workspace (workspace router): list, create (the full key is shown once), revoke."""

from __future__ import annotations

from uuid import UUID

from litestar import Controller, Response, delete, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from app.domain.access.context import WorkspaceContext
from app.domain.access.permissions import Permission
from app.domain.apikeys.deps import API_KEY_DEPENDENCIES
from app.domain.apikeys.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyOut, ApiKeyPage
from app.domain.apikeys.services import ApiKeyService
from app.lib.caching import NO_STORE
from app.lib.openapi import problem_responses
from app.lib.pagination import Limit, Offset


class ApiKeyController(Controller):
    path = "/api-keys"
    tags = ["API keys"]
    opt = {"permission": Permission.MANAGE_KEYS}
    dependencies = API_KEY_DEPENDENCIES

    @get(
        "/",
        operation_id="listApiKeys",
        summary="List API keys (never the secrets)",
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def list_keys(
        self,
        workspace_ctx: NamedDependency[WorkspaceContext],
        api_keys: NamedDependency[ApiKeyService],
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> ApiKeyPage:
        rows, total = await api_keys.list_keys(workspace_ctx, limit=limit, offset=offset)
        return ApiKeyPage(items=[ApiKeyOut.from_model(k) for k in rows], total=total, limit=limit, offset=offset)

    @post(
        "/",
        operation_id="createApiKey",
        cache_control=NO_STORE,
        summary="Create an API key; the full key is in this response only",
        status_code=HTTP_201_CREATED,
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def create_key(
        self,
        data: JSONBody[ApiKeyCreate],
        workspace_ctx: NamedDependency[WorkspaceContext],
        api_keys: NamedDependency[ApiKeyService],
    ) -> ApiKeyCreated:
        key, full = await api_keys.create(
            workspace_ctx, name=data.name.strip(), scopes=data.scopes, expires_at=data.expires_at
        )
        out = ApiKeyOut.from_model(key)
        return ApiKeyCreated(key=full, **{f: getattr(out, f) for f in out.__struct_fields__})

    @delete(
        "/{key_id:uuid}",
        operation_id="revokeApiKey",
        summary="Revoke an API key (effective immediately)",
        responses=problem_responses(401, 403, 404, 429, 503),
    )
    async def revoke_key(
        self,
        key_id: FromPath[UUID],
        workspace_ctx: NamedDependency[WorkspaceContext],
        api_keys: NamedDependency[ApiKeyService],
    ) -> Response[None]:
        await api_keys.revoke(workspace_ctx, key_id)  # the lookup caches drop the key once the request commits
        return Response(None, status_code=HTTP_204_NO_CONTENT)
