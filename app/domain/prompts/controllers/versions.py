"""Versions (create, list, get), render, diff and labels of one prompt."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, get, post
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import JSONBody, PathParameter, QueryParameter
from litestar.status_codes import HTTP_201_CREATED, HTTP_304_NOT_MODIFIED
from sqlalchemy.ext.asyncio import AsyncEngine

from app.domain.access.context import WorkspaceContext
from app.domain.prompts.controllers.prompts import BASE, READ, WRITE_SNAPSHOT
from app.domain.prompts.deps import (
    PROMPT_DEPENDENCIES,
    IfNoneMatch,
    PromptNameParam,
    prompt_name,
)
from app.domain.prompts.schemas import (
    LABEL_PATTERN,
    DiffResult,
    RenderRequest,
    RenderResult,
    VersionCreate,
    VersionOut,
    VersionPage,
)
from app.domain.prompts.services.versions import VersionService, version_etag
from app.domain.prompts.versionlist import list_versions_lean
from app.lib.etags import etag_matches
from app.lib.leanread import driver_path
from app.lib.openapi import problem_responses
from app.lib.pagination import DEFAULT_PAGE_SIZE, Limit, Offset

VersionParam = Annotated[int, PathParameter(ge=1, le=2_147_483_647, description="Version number")]
LabelParam = Annotated[str, PathParameter(min_length=1, max_length=64, pattern=LABEL_PATTERN, description="Label name")]


class VersionController(Controller):
    path = BASE + "/{name:str}"
    tags = ["Prompt versions"]
    dependencies = PROMPT_DEPENDENCIES

    @post(
        "/versions",
        operation_id="createPromptVersion",
        opt=WRITE_SNAPSHOT,
        status_code=HTTP_201_CREATED,
        summary="Create the next version (409 if `parentVersion` is no longer the latest)",
        description="Variables from the text: when `variables` is empty, every `{{name}}` placeholder of the text "
        "(or of the message contents) becomes a variable, in order of first appearance: type `string`, required, "
        "untrusted. Declared variables win and nothing is inferred; placeholders they do not declare and "
        "declared variables the text does not use are lint findings. Other template dialects (`{name}`, "
        "`${name}`, `{{ user.name }}`) are not substituted and never become variables.",
        responses=problem_responses(400, 401, 403, 404, 409, 429, 503),
    )
    async def create_version(
        self, versions: NamedDependency[VersionService], name: PromptNameParam, data: JSONBody[VersionCreate]
    ) -> Response[VersionOut]:
        prompt = prompt_name(name)
        kind, version, labels = await versions.create(prompt, data)
        return Response(
            VersionOut.from_model(prompt, kind, version, labels),
            status_code=HTTP_201_CREATED,
            headers={"ETag": version_etag(version)},
        )

    @get(
        "/versions",
        operation_id="listPromptVersions",
        summary="List versions, newest first",
        opt=READ,
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def list_versions(
        self,
        versions: NamedDependency[VersionService],
        workspace_ctx: NamedDependency[WorkspaceContext],
        db_engine: NamedDependency[AsyncEngine],
        name: PromptNameParam,
        limit: Limit = DEFAULT_PAGE_SIZE,
        offset: Offset = 0,
    ) -> VersionPage:
        if driver_path(db_engine):  # one statement outside a transaction (the session is never used: no BEGIN)
            return await list_versions_lean(db_engine, workspace_ctx.workspace_id, prompt_name(name), limit, offset)
        return await versions.list(prompt_name(name), limit, offset)

    @get(
        "/versions/{version:int}",
        operation_id="getPromptVersion",
        summary="Get one immutable version",
        opt=READ,
        responses={
            **problem_responses(400, 401, 403, 404, 429, 503),
            304: ResponseSpec(data_container=None, description="Not modified: the ETag still matches"),
        },
    )
    async def get_version(
        self,
        versions: NamedDependency[VersionService],
        name: PromptNameParam,
        version: VersionParam,
        if_none_match: IfNoneMatch = None,
    ) -> Response[VersionOut]:
        prompt, row, labels = await versions.get(prompt_name(name), version)
        etag = version_etag(row)
        if etag_matches(if_none_match, etag):
            return Response(None, status_code=HTTP_304_NOT_MODIFIED, headers={"ETag": etag})  # type: ignore[arg-type]
        return Response(VersionOut.from_model(prompt.name, prompt.kind, row, labels), headers={"ETag": etag})

    @get(
        "/diff",
        operation_id="diffPromptVersions",
        opt=READ,
        summary="Diff two versions: unified text diff plus variable, config and token changes",
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def diff(
        self,
        versions: NamedDependency[VersionService],
        name: PromptNameParam,
        from_version: Annotated[int, QueryParameter(name="from", ge=1, le=2_147_483_647)],
        to_version: Annotated[int, QueryParameter(name="to", ge=1, le=2_147_483_647)],
    ) -> DiffResult:
        return await versions.diff(prompt_name(name), from_version, to_version)

    @post(
        "/render",
        operation_id="renderPrompt",
        opt=READ,
        status_code=200,
        summary="Fill a version with typed variable values (untrusted values are delimited and escaped)",
        responses=problem_responses(400, 401, 403, 404, 429, 503),
    )
    async def render(
        self, versions: NamedDependency[VersionService], name: PromptNameParam, data: JSONBody[RenderRequest]
    ) -> RenderResult:
        return await versions.render(prompt_name(name), data)
