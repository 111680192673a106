"""Export and import of a workspace's prompts (the registry's transfer aggregate), in our own formats and in
other tools' (Dotprompt, Prompty, Langfuse JSON, OpenAI prompt objects, plain Markdown)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Annotated, Any
from urllib.parse import quote

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIFormat, OpenAPIType, Reference, Schema
from litestar.params import QueryParameter

from app.domain.prompts.controllers.prompts import BASE, READ, WRITE
from app.domain.prompts.deps import PROMPT_DEPENDENCIES, PromptNameParam, prompt_name
from app.domain.prompts.pure import interop
from app.domain.prompts.pure.content import no_selector
from app.domain.prompts.pure.formats import DocumentError, to_markdown
from app.domain.prompts.schemas import EXPORT_FORMAT, LABEL_PATTERN, ExportDocument, ImportResult
from app.domain.prompts.services.transfer import TransferService
from app.lib.errors import ValidationFailedError
from app.lib.openapi import extra_media_types, problem_responses

MARKDOWN = "text/markdown"
ZIP = "application/zip"
DOTPROMPT = interop.MEDIA_TYPES["dotprompt"]
PROMPTY = interop.MEDIA_TYPES["prompty"]
UNMAPPED_HEADER = "Promptsmith-Unmapped"
MAX_ARCHIVE_BYTES = 50 * 1024 * 1024
MAX_ARCHIVE_FILES = 5000
_TEXT = Schema(type=OpenAPIType.STRING)
_BINARY = Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY)
_BY_MEDIA_TYPE = {MARKDOWN: "markdown", ZIP: "zip", DOTPROMPT: "dotprompt", PROMPTY: "prompty"}
_BY_SUFFIX = {
    ".prompt": "dotprompt",
    ".prompty": "prompty",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "markdown",
    ".zip": "zip",
    ".json": "json",
}
_ACCEPTED = (MARKDOWN, ZIP, DOTPROMPT, PROMPTY, "text/plain", "application/octet-stream")
FORMAT_DESCRIPTION = (
    "`json` (default): the `promptsmith.export/v1` document. `markdown`: Promptsmith Markdown (a zip of files "
    "for several prompts). `dotprompt` / `prompty`: one file per prompt holding ONE version (`version`, "
    "`label`, default the latest; a zip for several prompts). `langfuse` / `openai`: one JSON file with every "
    f"version and its labels. Without `format`, the `Accept` header picks it ({DOTPROMPT}, {PROMPTY}, "
    f"{MARKDOWN}). What the format cannot hold is listed in the `{UNMAPPED_HEADER}` header (a JSON array)."
)
ExportFormatParam = Annotated[interop.ExportFormat | None, QueryParameter(description=FORMAT_DESCRIPTION)]
LabelParam = Annotated[
    str | None,
    QueryParameter(max_length=64, pattern=LABEL_PATTERN, description="Export the version this label points at"),
]
VersionParam = Annotated[int | None, QueryParameter(ge=1, le=2_147_483_647, description="Export this version")]
FolderParam = Annotated[
    str | None, QueryParameter(min_length=1, max_length=200, description="Only the prompts under this folder")
]
_JSON_EXPORT = Schema(
    one_of=[
        Reference(ref="#/components/schemas/ExportDocument"),
        Schema(
            type=OpenAPIType.ARRAY,
            items=Schema(type=OpenAPIType.OBJECT),
            description="format=langfuse: Langfuse prompt objects; format=openai: OpenAI prompt objects",
        ),
    ]
)
EXPORT_TYPES: dict[str, Schema | Reference] = {
    "application/json": _JSON_EXPORT,
    MARKDOWN: _TEXT,
    DOTPROMPT: _TEXT,
    PROMPTY: _TEXT,
    ZIP: _BINARY,
}


def _negotiated(request: Request[Any, Any, Any], fmt: str | None) -> str:
    """The `format` parameter, else the first export media type the `Accept` header names, else JSON."""
    if fmt is not None:
        return fmt
    accept = request.headers.get("accept", "")
    for part in accept.split(","):
        media_type = part.split(";", 1)[0].strip().lower()
        if media_type in (MARKDOWN, DOTPROMPT, PROMPTY):
            return _BY_MEDIA_TYPE[media_type]
    return "json"


_NOT_FILENAME_CHARS = re.compile(r"[^A-Za-z0-9._-]")


def _attachment(filename: str) -> str:
    """A Content-Disposition for `filename`, which may hold any text (the `folder` parameter is free text):
    an ASCII `filename` (other characters become `_`; a header is latin-1 and must not break or split), plus
    the exact name as RFC 6266 `filename*` when the two differ."""
    ascii_name = _NOT_FILENAME_CHARS.sub("_", filename)
    if ascii_name == filename:
        return f'attachment; filename="{ascii_name}"'
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _unmapped_header(entries: list[str]) -> dict[str, str]:
    """What the written format could not hold, as an ASCII JSON array (cut to stay a reasonable header)."""
    if not entries:
        return {}
    value = json.dumps(entries, ensure_ascii=True)
    while len(value) > 6000 and len(entries) > 1:
        entries = entries[: len(entries) // 2]
        value = json.dumps([*entries, "... (more)"], ensure_ascii=True)
    return {UNMAPPED_HEADER: value}


def _zip(files: list[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()


def _file_response(
    doc: ExportDocument, fmt: str, version: int | None, label: str | None, bundle: str, single: bool
) -> Response[Any]:
    """Write `doc` in an interop format: one file, or a zip of files (one-version formats, several prompts)."""
    files = interop.export_files(doc.prompts, fmt, version, label, bundle)  # type: ignore[arg-type]
    unmapped = [f"{f.filename}: {entry}" if len(files) > 1 else entry for f in files for entry in f.unmapped]
    if fmt in interop.SINGLE_VERSION and not single:
        written = {f.filename for f in files}
        unmapped += [
            f"{p.name}: skipped, no {f'version at label {label!r}' if label else 'version'}"
            for p in doc.prompts
            if interop.file_name(p.name, fmt) not in written
        ]
    headers = _unmapped_header(unmapped)
    if single or fmt not in interop.SINGLE_VERSION:
        if not files:
            raise no_selector(doc.prompts[0].name, "version to export")
        file = files[0]
        headers["Content-Disposition"] = _attachment(file.filename.replace("/", "__"))
        return Response(file.content.encode(), media_type=interop.MEDIA_TYPES[fmt], headers=headers)
    headers["Content-Disposition"] = _attachment(f"{bundle}-{fmt}.zip")
    return Response(_zip([(f.filename, f.content) for f in files]), media_type=ZIP, headers=headers)


_JSON_FORMATS = frozenset({"json", "langfuse", "openai"})


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


def _import_format(media_type: str, fmt: str | None, filename: str | None) -> str:
    if fmt is not None:
        # A body declared as JSON but read as Markdown, Dotprompt, Prompty or zip is a client mix-up: reading it
        # anyway would import the JSON text as a prompt's text.
        if _is_json(media_type) and fmt not in _JSON_FORMATS:
            raise DocumentError(
                "format",
                f"the body is sent as {media_type} but `format={fmt}` is not a JSON format: send the file with its "
                "own Content-Type (text/markdown, application/zip...) or leave `format` out",
            )
        return fmt
    if media_type in _BY_MEDIA_TYPE:
        return _BY_MEDIA_TYPE[media_type]
    if filename:
        lower = filename.lower()
        for suffix, found in _BY_SUFFIX.items():
            if lower.endswith(suffix):
                return found
    if _is_json(media_type):
        return "json"
    raise DocumentError("format", "cannot tell the file's format: pass `format`, or `filename` with its extension")


def _zip_members(raw: bytes) -> list[tuple[str, bytes]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise DocumentError("document", "not a zip archive") from None
    infos = [i for i in archive.infolist() if not i.is_dir() and not i.filename.startswith(("__MACOSX/", "."))]
    if len(infos) > MAX_ARCHIVE_FILES:
        raise DocumentError("document", f"the archive holds more than {MAX_ARCHIVE_FILES} files")
    members: list[tuple[str, bytes]] = []
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_ARCHIVE_BYTES:
            raise DocumentError("document", "the archive expands to more than 50 MB")
        try:
            members.append((info.filename, archive.read(info)))  # reads at most the declared size
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError) as exc:
            raise DocumentError("document", f"{info.filename} cannot be extracted ({exc})") from None
    return members


def read_import(media_type: str, raw: bytes, fmt: str | None, filename: str | None) -> interop.ImportFile:
    """The import body as a document (raises DocumentError naming what is wrong)."""
    chosen = _import_format(media_type, fmt, filename)
    try:
        if chosen == "zip":
            return interop.read_members(_zip_members(raw))
        return interop.read_file(raw, chosen, filename)
    except RecursionError:  # msgspec and YAML give up on deep nesting this way: the file's problem, not a 500
        raise DocumentError("document", "nested too deeply") from None


class PromptTransferController(Controller):
    path = BASE
    tags = ["Prompt import and export"]
    dependencies = PROMPT_DEPENDENCIES

    @get(
        "/_export",
        operation_id="exportPrompts",
        opt=READ,
        summary="Export the workspace's prompts (or a folder's) in our JSON or Markdown, Dotprompt, Prompty, "
        "Langfuse or OpenAI format",
        description=f"`format=json`: one `{EXPORT_FORMAT}` document. `format=markdown`: a zip with one Markdown "
        "file (front matter + one section per version) per prompt. " + FORMAT_DESCRIPTION,
        responses={
            **problem_responses(400, 401, 403, 404, 429, 503),
            200: ResponseSpec(data_container=ExportDocument, description="The export document"),
        },
        operation_class=extra_media_types({200: {"application/json": _JSON_EXPORT, ZIP: _BINARY}}),
    )
    async def export_workspace(
        self,
        request: Request[Any, Any, Any],
        transfer: NamedDependency[TransferService],
        format: ExportFormatParam = None,
        folder: FolderParam = None,
        label: LabelParam = None,
    ) -> Response[Any]:
        fmt = _negotiated(request, format)
        doc = await transfer.export(folder=folder)
        slug = transfer.registry.workspace_slug
        bundle = slug if folder is None else f"{slug}-{folder.strip('/').replace('/', '__')}"
        if fmt == "json":
            return Response(msgspec.json.encode(doc), media_type="application/json")
        if fmt != "markdown":
            return _file_response(doc, fmt, None, label, bundle, single=False)
        files = [(p.name.replace("/", "__") + ".md", to_markdown(p)) for p in doc.prompts]
        return Response(
            _zip(files), media_type=ZIP, headers={"Content-Disposition": _attachment(f"{bundle}-prompts.zip")}
        )

    @get(
        "/{name:str}/export",
        operation_id="exportPrompt",
        opt=READ,
        summary="Export one prompt: JSON document, Markdown, Dotprompt, Prompty, Langfuse or OpenAI file",
        description=FORMAT_DESCRIPTION,
        responses={
            **problem_responses(400, 401, 403, 404, 429, 503),
            200: ResponseSpec(data_container=ExportDocument, description="The export document"),
        },
        operation_class=extra_media_types({200: EXPORT_TYPES}),
    )
    async def export_prompt(
        self,
        request: Request[Any, Any, Any],
        transfer: NamedDependency[TransferService],
        name: PromptNameParam,
        format: ExportFormatParam = None,
        label: LabelParam = None,
        version: VersionParam = None,
    ) -> Response[Any]:
        fmt = _negotiated(request, format)
        if label is not None and version is not None:
            raise ValidationFailedError(
                "Give either label or version, not both.",
                extra={"errors": [{"field": "version", "source": "query", "message": "cannot be combined with label"}]},
            )
        doc = await transfer.export(prompt_name(name))
        if fmt == "json":
            return Response(msgspec.json.encode(doc), media_type="application/json")
        if fmt == "markdown":
            return Response(to_markdown(doc.prompts[0]).encode(), media_type=MARKDOWN)  # Litestar adds the charset
        prompt = doc.prompts[0]
        if (version is not None or label is not None) and interop.select_version(prompt, version, label) is None:
            raise no_selector(prompt.name, f"label {label!r}" if label else f"version {version}")
        return _file_response(doc, fmt, version, label, prompt.name.replace("/", "__"), single=True)

    @post(
        "/_import",
        operation_id="importPrompts",
        opt={**WRITE, "accept_media_types": _ACCEPTED},
        status_code=200,
        summary="Import prompts from our JSON or Markdown, Dotprompt, Prompty, Langfuse, OpenAI or plain Markdown "
        "files, or a zip of them (all-or-nothing, with a dry run)",
        description="Idempotent: versions whose content hash is already there create nothing. A bad document "
        "changes nothing and each error names its entry, e.g. `prompts[3].versions[1].text`. "
        "Besides the JSON document, the body may be a Markdown prompt file (`Content-Type: "
        f"text/markdown`), a Dotprompt (`{DOTPROMPT}`) or Prompty (`{PROMPTY}`) file, a Langfuse export or "
        "saved OpenAI prompt objects (`application/json`, told apart by their content), or a zip of such files "
        "(`application/zip`; a file's prompt is named by its path when the file names none). `format` "
        "overrides the detection; `filename` names a plain Markdown prompt (no front matter) and lets "
        "`text/plain` bodies be told apart by extension. `dryRun=true` returns the plan and writes nothing. "
        "Each version in the result lists `unmapped`: what the file said that has no place in a version. "
        "A version that declares no variables gets one per `{{name}}` placeholder of its text (string, "
        "required, untrusted), listed in `variablesInferred`.",
        request_max_body_size=20 * 1024 * 1024,
        responses=problem_responses(400, 401, 403, 404, 409, 413, 415, 429, 503),
        # Only the JSON body is in the schema: generated clients (openapi-python-client) break on an operation
        # with several request media types. The other bodies are described in `description`.
        operation_class=extra_media_types(
            request_body={"application/json": Reference(ref="#/components/schemas/ExportDocument")}
        ),
    )
    async def import_prompts(
        self,
        request: Request[Any, Any, Any],
        transfer: NamedDependency[TransferService],
        format: Annotated[
            interop.ImportFormat | None, QueryParameter(description="The body's format (default: detected)")
        ] = None,
        filename: Annotated[
            str | None,
            QueryParameter(max_length=300, description="The file's name: names a plain Markdown prompt, tells formats"),
        ] = None,
        dry_run: Annotated[
            bool, QueryParameter(name="dryRun", description="Return what would be created; write nothing")
        ] = False,
    ) -> ImportResult:
        media_type = request.headers.get("content-type", "application/json").split(";", 1)[0].strip().lower()
        raw = await request.body()
        if not raw.strip():
            raise ValidationFailedError(
                "The request has no file to import (send the document or file as the body); nothing was imported.",
                extra={"errors": [{"field": "body", "source": "body", "message": "missing request body"}]},
            )
        try:
            read = read_import(media_type, raw, format, filename)
        except DocumentError as exc:
            raise ValidationFailedError(
                f"The document is invalid: {exc}; nothing was imported.",
                extra={"errors": [{"field": exc.field, "source": "body", "message": exc.message}]},
            ) from None
        return await transfer.import_document(read.document, dry_run=dry_run, unmapped=read.unmapped, fmt=read.format)
