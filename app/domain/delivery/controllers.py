"""`/prompts/{name}/resolve`: the runtime hot path (workspace router).

No ORM session on this path: a cached answer touches no database at all, a miss is one Core query
(`LeanLoader`). Answers the full path authorized are remembered for the ASGI fast path (`fastpath.remember`),
with the resolve cache on or off (off, the fast path loads each answer with the same single query).
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import QueryParameter
from litestar.status_codes import HTTP_304_NOT_MODIFIED
from sqlalchemy.ext.asyncio import AsyncEngine

from app.domain.access.context import WorkspaceContext
from app.domain.delivery.cache import ResolveCache, prompt_key, selector
from app.domain.delivery.fastpath import LOAD_FAILED_KEY, FastPathCache, remember
from app.domain.delivery.resolve import DEFAULT_LABEL, LeanLoader, resolve
from app.domain.prompts.controllers.prompts import READ
from app.domain.prompts.deps import IfNoneMatch, PromptNameParam, prompt_name
from app.domain.prompts.pure.content import check_one_selector
from app.domain.prompts.schemas import LABEL_PATTERN, ResolvedPrompt
from app.lib.etags import etag_matches
from app.lib.metrics import count_resolve
from app.lib.openapi import problem_responses
from app.lib.request_context import note_access

CACHE_OUTCOMES = {"hit": "local", "hit-shared": "shared", "miss": "miss", "stale; db-unavailable": "stale"}
"""`X-Cache` of the full path -> the cache outcome of the metrics and the access line."""


class ResolveController(Controller):
    """Resolve a prompt for SDKs at run time (workspace router)."""

    path = "/prompts/{name:str}/resolve"
    tags = ["Prompt runtime"]

    @get(
        "/",
        operation_id="resolvePrompt",
        opt=READ,
        summary="Resolve a prompt by label (default production) or version, for SDKs at runtime",
        description=(
            "Cached (in-process, then Redis) with cross-instance invalidation on every write. Send the ETag back "
            "in If-None-Match to get 304. `X-Cache` tells where the answer came from: `hit`, `hit-shared`, `miss`, "
            "or `stale; db-unavailable` (the database is unreachable; this is the last known good answer)."
        ),
        responses={
            **problem_responses(400, 401, 403, 404, 429, 503),
            304: ResponseSpec(data_container=None, description="Not modified: the ETag still matches"),
        },
    )
    async def resolve_prompt(
        self,
        request: Request[Any, Any, Any],
        workspace_ctx: NamedDependency[WorkspaceContext],
        db_engine: NamedDependency[AsyncEngine],
        resolve_cache: NamedDependency[ResolveCache],
        fastpath_cache: NamedDependency[FastPathCache],
        name: PromptNameParam,
        label: Annotated[
            str | None, QueryParameter(max_length=64, pattern=LABEL_PATTERN, description="Label (default production)")
        ] = None,
        version: Annotated[int | None, QueryParameter(ge=1, le=2_147_483_647, description="Exact version")] = None,
        if_none_match: IfNoneMatch = None,
    ) -> Response[ResolvedPrompt]:
        # No ORM session: a cached answer touches no database at all, a miss is one Core query (LeanLoader).
        check_one_selector(label, version, "query")
        prompt = prompt_name(name)
        # The fast path may have tried this very load already (resolve cache off): its error, not a second query.
        failed = request.scope.get("state", {}).pop(LOAD_FAILED_KEY, None)
        loader = LeanLoader(db_engine, workspace_ctx.workspace_id, failed)
        answer, source = await resolve(loader, resolve_cache, prompt, label, version)
        outcome = CACHE_OUTCOMES[source]
        count_resolve(outcome)
        note_access(request.scope, cache=outcome)
        if source != "stale; db-unavailable":
            selected_label = label or DEFAULT_LABEL if version is None else None
            answer_key = f"{prompt_key(workspace_ctx.workspace_id, prompt)}\x00{selector(selected_label, version)}"
            remember(request.scope, fastpath_cache, workspace_ctx, answer_key, (prompt, selected_label, version))
        headers = {"ETag": answer.etag, "X-Cache": source, "Cache-Control": "no-cache"}
        if etag_matches(if_none_match, answer.etag):
            return Response(b"", status_code=HTTP_304_NOT_MODIFIED, headers=headers)  # type: ignore[arg-type]
        return Response(answer.body, media_type="application/json", headers=headers)  # type: ignore[arg-type]
