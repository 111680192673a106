"""Resolve (the runtime hot path), export and import."""

from __future__ import annotations

import io
import zipfile
from typing import Annotated, Any, Literal

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIFormat, OpenAPIType, Reference, Schema
from litestar.params import QueryParameter
from litestar.status_codes import HTTP_304_NOT_MODIFIED

from app.domain.accounts.context import WorkspaceContext
from app.domain.prompts.cache import get_resolve_cache, prompt_key, selector
from app.domain.prompts.controllers import BASE, READ, WRITE
from app.domain.prompts.deps import PROMPT_DEPENDENCIES, IfNoneMatch, PromptNameParam, prompt_name
from app.domain.prompts.export import DocumentError, decode_json_document, from_markdown, to_markdown
from app.domain.prompts.fastpath import remember
from app.domain.prompts.io import PromptIO
from app.domain.prompts.resolve import DEFAULT_LABEL, LeanLoader, etag_matches, resolve
from app.domain.prompts.schemas import (
    EXPORT_FORMAT,
    LABEL_PATTERN,
    ExportDocument,
    ImportResult,
    ResolvedPrompt,
)
from app.domain.prompts.services import PromptRegistry
from app.lib.errors import ValidationFailedError
from app.lib.openapi import problem_responses
from app.server.openapi import extra_media_types

MARKDOWN = "text/markdown"
ZIP = "application/zip"
ExportFormat = Literal["json", "markdown"]
_TEXT = Schema(type=OpenAPIType.STRING)
_BINARY = Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY)


def _filename(name: str) -> str:
    return name.replace("/", "__") + ".md"


class ResolveController(Controller):
    path = BASE + "/{name:str}/resolve"
    tags = ["Prompt runtime"]
    dependencies = PROMPT_DEPENDENCIES

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
        name: PromptNameParam,
        label: Annotated[
            str | None, QueryParameter(max_length=64, pattern=LABEL_PATTERN, description="Label (default production)")
        ] = None,
        version: Annotated[int | None, QueryParameter(ge=1, le=2_147_483_647, description="Exact version")] = None,
        if_none_match: IfNoneMatch = None,
    ) -> Response[ResolvedPrompt]:
        # No ORM session: a cached answer touches no database at all, a miss is one Core query (LeanLoader).
        if label is not None and version is not None:
            raise ValidationFailedError(
                "Give either label or version, not both.",
                extra={"errors": [{"field": "version", "source": "query", "message": "cannot be combined with label"}]},
            )
        state = request.app.state
        cache = get_resolve_cache(state)
        prompt = prompt_name(name)
        loader = LeanLoader(state.db_engine, workspace_ctx.workspace_id)
        answer, source = await resolve(loader, cache, prompt, label, version)
        if source != "stale; db-unavailable" and cache.enabled:
            selected = selector(label or DEFAULT_LABEL if version is None else None, version)
            answer_key = f"{prompt_key(workspace_ctx.workspace_id, prompt)}\x00{selected}"
            remember(request.scope, state, workspace_ctx, answer_key)
        headers = {"ETag": answer.etag, "X-Cache": source, "Cache-Control": "no-cache"}
        if etag_matches(if_none_match, answer.etag):
            return Response(b"", status_code=HTTP_304_NOT_MODIFIED, headers=headers)  # type: ignore[arg-type]
        return Response(answer.body, media_type="application/json", headers=headers)  # type: ignore[arg-type]


class PromptIOController(Controller):
    path = BASE
    tags = ["Prompt import and export"]
    dependencies = PROMPT_DEPENDENCIES

    @get(
        "/_export",
        operation_id="exportPrompts",
        opt=READ,
        summary="Export every prompt of the workspace with all versions and labels",
        description=f"`format=json`: one `{EXPORT_FORMAT}` document. `format=markdown`: a zip with one Markdown "
        "file (front matter + one section per version) per prompt.",
        responses={
            **problem_responses(400, 401, 403, 404, 429, 503),
            200: ResponseSpec(data_container=ExportDocument, description="The export document"),
        },
        operation_class=extra_media_types({200: {ZIP: _BINARY}}),
    )
    async def export_workspace(
        self, registry: NamedDependency[PromptRegistry], format: Annotated[ExportFormat, QueryParameter()] = "json"
    ) -> Response[Any]:
        doc = await PromptIO(registry).export()
        if format == "json":
            return Response(msgspec.json.encode(doc), media_type="application/json")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for prompt in doc.prompts:
                archive.writestr(_filename(prompt.name), to_markdown(prompt))
        slug = registry.workspace_slug
        return Response(
            buffer.getvalue(),
            media_type=ZIP,
            headers={"Content-Disposition": f'attachment; filename="{slug}-prompts.zip"'},
        )

    @get(
        "/{name:str}/export",
        operation_id="exportPrompt",
        opt=READ,
        summary="Export one prompt with all its versions and labels (JSON document or Markdown file)",
        responses={
            **problem_responses(400, 401, 403, 404, 429, 503),
            200: ResponseSpec(data_container=ExportDocument, description="The export document"),
        },
        operation_class=extra_media_types({200: {MARKDOWN: _TEXT}}),
    )
    async def export_prompt(
        self,
        registry: NamedDependency[PromptRegistry],
        name: PromptNameParam,
        format: Annotated[ExportFormat, QueryParameter()] = "json",
    ) -> Response[Any]:
        doc = await PromptIO(registry).export(prompt_name(name))
        if format == "json":
            return Response(msgspec.json.encode(doc), media_type="application/json")
        return Response(to_markdown(doc.prompts[0]).encode(), media_type=MARKDOWN)  # Litestar adds the charset

    @post(
        "/_import",
        operation_id="importPrompts",
        opt={**WRITE, "accept_media_types": (MARKDOWN, ZIP)},
        status_code=200,
        summary="Import a JSON export document, a Markdown prompt file or a zip of them (all-or-nothing)",
        description="Idempotent: versions whose content hash is already there create nothing. A bad document "
        "changes nothing and each error names its entry, e.g. `prompts[3].versions[1].text`. "
        "Besides the JSON document, the body may be a Markdown prompt file (`Content-Type: "
        "text/markdown`) or a zip of them (`Content-Type: application/zip`).",
        request_max_body_size=20 * 1024 * 1024,
        responses=problem_responses(400, 401, 403, 404, 409, 413, 415, 429, 503),
        # Only the JSON body is in the schema: generated clients (openapi-python-client) break on an operation
        # with several request media types. Markdown and zip bodies are described in `description`.
        operation_class=extra_media_types(
            request_body={"application/json": Reference(ref="#/components/schemas/ExportDocument")}
        ),
    )
    async def import_prompts(
        self, request: Request[Any, Any, Any], registry: NamedDependency[PromptRegistry]
    ) -> ImportResult:
        media_type = request.headers.get("content-type", "application/json").split(";", 1)[0].strip().lower()
        raw = await request.body()
        try:
            doc = _parse_import(media_type, raw)
        except DocumentError as exc:
            raise ValidationFailedError(
                f"The document is invalid: {exc}; nothing was imported.",
                extra={"errors": [{"field": exc.field, "source": "body", "message": exc.message}]},
            ) from None
        return await PromptIO(registry).import_document(doc)


def _parse_import(media_type: str, raw: bytes) -> ExportDocument:
    if media_type == MARKDOWN:
        try:
            text = raw.decode()
        except UnicodeDecodeError:
            raise DocumentError("document", "not UTF-8 text") from None
        return ExportDocument(format=EXPORT_FORMAT, prompts=[from_markdown(text, "prompts[0]")])
    if media_type == ZIP:
        try:
            archive = zipfile.ZipFile(io.BytesIO(raw))
        except zipfile.BadZipFile:
            raise DocumentError("document", "not a zip archive") from None
        prompts = []
        names = sorted(n for n in archive.namelist() if n.endswith(".md"))
        total = 0
        for i, member in enumerate(names):
            total += archive.getinfo(member).file_size
            if total > 50 * 1024 * 1024:
                raise DocumentError("document", "the archive expands to more than 50 MB")
            try:
                text = archive.read(member).decode()
            except UnicodeDecodeError:
                raise DocumentError(f"prompts[{i}]", f"{member} is not UTF-8 text") from None
            prompts.append(from_markdown(text, f"prompts[{i}]"))
        return ExportDocument(format=EXPORT_FORMAT, prompts=prompts)
    return decode_json_document(raw)
