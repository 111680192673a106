"""`/api/v1/workspaces/{workspace}/prompts`: prompt metadata (create, get, update, archive, delete, list).

Authorization happens before the handler (app-wide guard, `opt["permission"]`); rules live in the services.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.params import JSONBody, QueryParameter
from litestar.serialization import encode_json
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT
from sqlalchemy.ext.asyncio import AsyncEngine

from app.domain.access.context import WorkspaceContext
from app.domain.access.guards import WORKSPACE_SNAPSHOT_OPT
from app.domain.access.permissions import Permission
from app.domain.prompts import fastpath
from app.domain.prompts.deps import (
    PROMPT_DEPENDENCIES,
    IfMatch,
    PromptNameParam,
    prompt_name,
)
from app.domain.prompts.listcache import ListCache, list_key
from app.domain.prompts.listing import ListQuery, list_lean
from app.domain.prompts.schemas import PromptCreate, PromptOut, PromptPage, PromptUpdate, SortField, SortOrder
from app.domain.prompts.services.prompts import PromptRegistry, prompt_etag
from app.lib.instants import UpdatedAfter, UpdatedBefore, parse_instant
from app.lib.openapi import problem_responses
from app.lib.pagination import DEFAULT_PAGE_SIZE, Limit

BASE = "/prompts"
READ = {"permission": Permission.READ}
WRITE = {"permission": Permission.WRITE}
WRITE_SNAPSHOT = {"permission": Permission.WRITE, WORKSPACE_SNAPSHOT_OPT: True}
"""A write that only reads the workspace: an API key's request takes it from the workspace cache."""
COUNT_DESCRIPTION = "Also return `total`, the number of matching prompts (one extra COUNT over every match)"
LIST_DESCRIPTION = (
    "A page of prompts (default: active ones, most recently updated first). Follow `nextCursor` for the next "
    "page; it is null on the last one. `total` is null unless `count=true` is given: counting every match "
    "costs as much as the whole workspace, so ask for it only when you display it. Pages are cached in memory "
    "for at most `LIST_CACHE_TTL` (1 s) and dropped by every change to the workspace's prompts; `X-Cache` says "
    "`hit` or `miss`."
)


def _with_etag(out: PromptOut, etag: str, status: int = 200) -> Response[PromptOut]:
    return Response(out, status_code=status, headers={"ETag": etag})


class PromptController(Controller):
    path = BASE
    tags = ["Prompts"]
    dependencies = PROMPT_DEPENDENCIES

    @post(
        "/",
        operation_id="createPrompt",
        summary="Create a prompt (its content goes in versions)",
        opt=WRITE,
        status_code=HTTP_201_CREATED,
        responses=problem_responses(400, 401, 403, 404, 409, 429, 503),
    )
    async def create_prompt(
        self, registry: NamedDependency[PromptRegistry], data: JSONBody[PromptCreate]
    ) -> Response[PromptOut]:
        prompt = await registry.create(data)
        return _with_etag(PromptOut.from_model(prompt), prompt_etag(prompt), HTTP_201_CREATED)

    @get(
        "/",
        operation_id="listPrompts",
        summary="List and search prompts (keyset pagination)",
        opt=READ,
        description=LIST_DESCRIPTION,
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def list_prompts(
        self,
        request: Request[Any, Any, Any],
        workspace_ctx: NamedDependency[WorkspaceContext],
        db_engine: NamedDependency[AsyncEngine],
        list_cache: NamedDependency[ListCache],
        list_fastpath: NamedDependency[fastpath.ListFastPathCache],
        prefix: Annotated[str | None, QueryParameter(max_length=200, description="Name prefix (folder)")] = None,
        tag: Annotated[list[str] | None, QueryParameter(max_items=10, description="Has every given tag")] = None,
        label: Annotated[str | None, QueryParameter(max_length=64, description="Has this label")] = None,
        q: Annotated[str | None, QueryParameter(max_length=200, description="Text in the name or description")] = None,
        updated_after: UpdatedAfter = None,
        updated_before: UpdatedBefore = None,
        archived: Annotated[bool | None, QueryParameter(description="false (default) active, true archived")] = False,
        sort: Annotated[SortField, QueryParameter(description="Sort field (allow-list)")] = "updatedAt",
        order: Annotated[SortOrder, QueryParameter()] = "desc",
        limit: Limit = DEFAULT_PAGE_SIZE,
        cursor: Annotated[str | None, QueryParameter(max_length=500, description="`nextCursor`")] = None,
        count: Annotated[bool, QueryParameter(description=COUNT_DESCRIPTION)] = False,
    ) -> Response[PromptPage]:
        query = ListQuery(
            prefix=prefix,
            tags=tuple(tag or ()),
            label=label,
            q=q,
            updated_after=parse_instant("updatedAfter", updated_after),
            updated_before=parse_instant("updatedBefore", updated_before),
            archived=archived,
            sort=sort,
            order=order,
            limit=limit,
            cursor=cursor,
            count=count,
        )
        # The workspace's cached page (`listcache`: dropped by every registry write), else one statement run by
        # the driver, no ORM session and no transaction (`listing.list_lean`).
        key = list_key(workspace_ctx.workspace_id, query)
        body = list_cache.get(key)
        outcome = "hit"
        if body is None:
            token = list_cache.token()
            page = await list_lean(db_engine, workspace_ctx.workspace_id, query)
            body = encode_json(page)
            list_cache.keep(key, body, token)
            outcome = "miss"
        # The page may be replayed by the fast path for this key and URL while it stays cached (prompts.fastpath).
        fastpath.remember(request.scope, list_fastpath, workspace_ctx, key)
        headers = {"X-Cache": outcome}
        return Response(body, media_type="application/json", headers=headers)  # type: ignore[arg-type]

    @get(
        "/{name:str}",
        operation_id="getPrompt",
        summary="Get a prompt's metadata, labels and latest version",
        opt=READ,
        responses=problem_responses(401, 403, 404, 429, 503),
    )
    async def get_prompt(self, registry: NamedDependency[PromptRegistry], name: PromptNameParam) -> Response[PromptOut]:
        prompt = await registry.get(prompt_name(name))
        return _with_etag(PromptOut.from_model(prompt), prompt_etag(prompt))

    @patch(
        "/{name:str}",
        operation_id="updatePrompt",
        summary="Update name, description, tags or archived flag",
        opt=WRITE,
        responses=problem_responses(400, 401, 403, 404, 409, 412, 429, 503),
    )
    async def update_prompt(
        self,
        registry: NamedDependency[PromptRegistry],
        name: PromptNameParam,
        data: JSONBody[PromptUpdate],
        if_match: IfMatch = None,
    ) -> Response[PromptOut]:
        prompt = await registry.update(prompt_name(name), data, if_match)
        return _with_etag(PromptOut.from_model(prompt), prompt_etag(prompt))

    @post(
        "/{name:str}/archive",
        operation_id="archivePrompt",
        summary="Archive a prompt (resolve keeps working)",
        opt=WRITE,
        status_code=200,
        responses=problem_responses(401, 403, 404, 412, 429, 503),
    )
    async def archive_prompt(
        self, registry: NamedDependency[PromptRegistry], name: PromptNameParam, if_match: IfMatch = None
    ) -> Response[PromptOut]:
        prompt = await registry.update(prompt_name(name), PromptUpdate(archived=True), if_match)
        return _with_etag(PromptOut.from_model(prompt), prompt_etag(prompt))

    @delete(
        "/{name:str}",
        operation_id="deletePrompt",
        summary="Delete a prompt with all its versions and labels",
        opt=WRITE,
        status_code=HTTP_204_NO_CONTENT,
        responses=problem_responses(401, 403, 404, 412, 429, 503),
    )
    async def delete_prompt(
        self, registry: NamedDependency[PromptRegistry], name: PromptNameParam, if_match: IfMatch = None
    ) -> None:
        await registry.delete(prompt_name(name), if_match)
