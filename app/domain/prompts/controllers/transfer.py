"""Export and import of a workspace's prompts (the registry's transfer aggregate)."""

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

from app.domain.prompts.controllers.prompts import BASE, READ, WRITE
from app.domain.prompts.deps import PROMPT_DEPENDENCIES, PromptNameParam, prompt_name
from app.domain.prompts.pure.formats import DocumentError, decode_json_document, from_markdown, to_markdown
from app.domain.prompts.schemas import (
    EXPORT_FORMAT,
    ExportDocument,
    ImportResult,
)
from app.domain.prompts.services.transfer import TransferService
from app.lib.errors import ValidationFailedError
from app.lib.openapi import extra_media_types, problem_responses

MARKDOWN = "text/markdown"
ZIP = "application/zip"
ExportFormat = Literal["json", "markdown"]
_TEXT = Schema(type=OpenAPIType.STRING)
_BINARY = Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY)


def _filename(name: str) -> str:
    return name.replace("/", "__") + ".md"


class PromptTransferController(Controller):
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
        self, transfer: NamedDependency[TransferService], format: Annotated[ExportFormat, QueryParameter()] = "json"
    ) -> Response[Any]:
        doc = await transfer.export()
        if format == "json":
            return Response(msgspec.json.encode(doc), media_type="application/json")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for prompt in doc.prompts:
                archive.writestr(_filename(prompt.name), to_markdown(prompt))
        slug = transfer.registry.workspace_slug
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
        transfer: NamedDependency[TransferService],
        name: PromptNameParam,
        format: Annotated[ExportFormat, QueryParameter()] = "json",
    ) -> Response[Any]:
        doc = await transfer.export(prompt_name(name))
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
        self, request: Request[Any, Any, Any], transfer: NamedDependency[TransferService]
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
        return await transfer.import_document(doc)


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
