"""The MCP tools: thin adapters from tool arguments to the registry's and the engine's services.

Each tool's input schema is the JSON Schema of a msgspec struct, mostly the REST request body itself (plus the
prompt `name` that REST takes from the path), and arguments are decoded with the same struct, so MCP accepts
exactly what REST accepts. Permissions are the REST routes' own: read tools need the `read` scope, writing ones
`write`, and moving a protected label goes through `LabelService`'s protected-label rule (an admin key).

| tool              | REST twin                                   | needs                   |
|-------------------|---------------------------------------------|-------------------------|
| `list_prompts`    | `GET /prompts`                              | read                    |
| `resolve_prompt`  | `GET /prompts/{name}/resolve`               | read                    |
| `render_prompt`   | `POST /prompts/{name}/render`               | read                    |
| `lint_prompt`     | `POST /workspaces/{ws}/lint`                | read                    |
| `generate_prompt` | `POST /generate`                            | write                   |
| `create_version`  | `POST /prompts/{name}/versions`             | write (+ admin for protected labels) |
| `move_label`      | `PUT /prompts/{name}/labels/{label}`        | write (admin if protected) |
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

import msgspec
from mcp_types import CallToolResult, TextContent, Tool, ToolAnnotations

from app.domain.access.permissions import Permission
from app.domain.generation import lint_settings, services
from app.domain.generation.schemas import GenerateRequest, LintRequest
from app.domain.mcp.prompts import resolved
from app.domain.mcp.workspace import WorkspaceScope
from app.domain.prompts.pure.content import check_one_selector
from app.domain.prompts.schemas import (
    LabelName,
    LabelOut,
    PromptName,
    RenderRequest,
    VersionCreate,
    VersionNumber,
    VersionOut,
)
from app.lib.schema import RequestStruct

# --- arguments ---------------------------------------------------------------------------------------------


class ListPromptsArgs(RequestStruct, kw_only=True):
    """Filters of `GET /prompts` (active prompts, by name)."""

    label: LabelName | None = None
    prefix: Annotated[str, msgspec.Meta(max_length=200)] | None = None
    q: Annotated[str, msgspec.Meta(max_length=200)] | None = None
    limit: Annotated[int, msgspec.Meta(ge=1, le=100)] = 50
    cursor: Annotated[str, msgspec.Meta(max_length=500)] | None = None


class ResolveArgs(RequestStruct, kw_only=True):
    name: PromptName
    label: LabelName | None = None
    version: VersionNumber | None = None


class RenderArgs(RenderRequest, kw_only=True):
    name: PromptName


class CreateVersionArgs(VersionCreate, kw_only=True):
    name: PromptName


class MoveLabelArgs(RequestStruct, kw_only=True):
    name: PromptName
    label: LabelName
    version: VersionNumber
    expected_version: VersionNumber | None = None
    """Compare-and-set: refuse (409) unless the label points here now."""


# --- handlers ----------------------------------------------------------------------------------------------

Json = dict[str, Any]


def _builtins(value: Any) -> Json:
    out: Json = msgspec.to_builtins(value)
    return out


async def _list_prompts(scope: WorkspaceScope, args: ListPromptsArgs) -> Json:
    page = await scope.registry.list(
        label=args.label, prefix=args.prefix, q=args.q, sort="name", order="asc", limit=args.limit, cursor=args.cursor
    )
    return _builtins(page)


async def _resolve(scope: WorkspaceScope, args: ResolveArgs) -> Json:
    check_one_selector(args.label, args.version, "arguments")
    return await resolved(scope, args.name, args.label, args.version)


async def _render(scope: WorkspaceScope, args: RenderArgs) -> Json:
    request = RenderRequest(**_fields(args, RenderRequest))
    return _builtins(await scope.versions.render(args.name, request))


async def _lint(scope: WorkspaceScope, args: LintRequest) -> Json:
    return _builtins(services.lint(args, lint_settings.workspace_overrides(scope.ctx)))


async def _generate(scope: WorkspaceScope, args: GenerateRequest) -> Json:
    return _builtins(await scope.services.generation.generate(args, args.engine))


async def _create_version(scope: WorkspaceScope, args: CreateVersionArgs) -> Json:
    data = VersionCreate(**_fields(args, VersionCreate))
    kind, version, labels = await scope.versions.create(args.name, data)
    return _builtins(VersionOut.from_model(args.name, kind, version, labels))


async def _move_label(scope: WorkspaceScope, args: MoveLabelArgs) -> Json:
    labels = scope.versions.labels
    row = await labels.set(args.name, args.label, args.version, args.expected_version)
    return _builtins(LabelOut.from_model(row, labels.protected)) | {"prompt": args.name}


def _fields(value: msgspec.Struct, target: type[msgspec.Struct]) -> Json:
    """The fields of `value` that `target` (the REST body it extends) declares."""
    return {name: getattr(value, name) for name in target.__struct_fields__}


# --- registry ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ToolSpec:
    """One tool: what it is called, what it needs, how its arguments are decoded and what it runs."""

    name: str
    title: str
    description: str
    permission: Permission
    arguments: type[msgspec.Struct]
    run: Callable[[WorkspaceScope, Any], Awaitable[Json]]
    read_only: bool = True

    def definition(self) -> Tool:
        return Tool(
            name=self.name,
            title=self.title,
            description=self.description,
            input_schema=input_schema(self.arguments),
            annotations=ToolAnnotations(
                title=self.title, read_only_hint=self.read_only, destructive_hint=False, open_world_hint=False
            ),
        )


def input_schema(struct: type[msgspec.Struct]) -> Json:
    """The struct's JSON Schema with an object at the root (MCP requires `type: object` there)."""
    schema = msgspec.json.schema(struct)
    definitions: Json = dict(schema.get("$defs", {}))
    root: Json = dict(definitions.pop(struct.__name__))
    root.pop("title", None)
    if definitions:
        root["$defs"] = definitions
    return root


TOOLS: dict[str, ToolSpec] = {
    spec.name: spec
    for spec in (
        ToolSpec(
            "list_prompts",
            "List prompts",
            "List the workspace's active prompts by name (filters: label, name prefix, text in name or description; "
            "follow nextCursor for the next page).",
            Permission.READ,
            ListPromptsArgs,
            _list_prompts,
        ),
        ToolSpec(
            "resolve_prompt",
            "Resolve a prompt",
            "The prompt version a label (default production) or a version number selects: text or messages, "
            "variables and model config, as SDKs receive it at run time.",
            Permission.READ,
            ResolveArgs,
            _resolve,
        ),
        ToolSpec(
            "render_prompt",
            "Render a prompt",
            "Fill a prompt version (label, default production, or version) with typed variable values. Untrusted "
            "values are wrapped in <name>…</name> and escaped, exactly as the REST render endpoint does.",
            Permission.READ,
            RenderArgs,
            _render,
        ),
        ToolSpec(
            "lint_prompt",
            "Lint a prompt",
            "Lint a text or chat prompt with the workspace's rule settings (then the request's overrides).",
            Permission.READ,
            LintRequest,
            _lint,
        ),
        ToolSpec(
            "generate_prompt",
            "Generate a prompt",
            "Generate a system prompt from a brief (task, role, audience, constraints, variables...). Returns the "
            "prompt, its lint report, variables and token counts. Nothing is saved.",
            Permission.WRITE,
            GenerateRequest,
            _generate,
        ),
        ToolSpec(
            "create_version",
            "Create a prompt version",
            "Store the next version of an existing prompt (text or messages, variables, model config) and "
            "optionally point labels at it. Fails with 409 when parentVersion is no longer the latest.",
            Permission.WRITE,
            CreateVersionArgs,
            _create_version,
            read_only=False,
        ),
        ToolSpec(
            "move_label",
            "Move a label",
            "Point a label (e.g. production) at a version. Protected labels can only be moved with an admin key.",
            Permission.WRITE,
            MoveLabelArgs,
            _move_label,
            read_only=False,
        ),
    )
}


def tool_result(body: Json) -> CallToolResult:
    """A successful tool call: the JSON as text (for any client) and as structured content."""
    return CallToolResult(content=[TextContent(text=msgspec.json.encode(body).decode())], structured_content=body)


def tool_input_schema(name: str) -> Json | None:
    """The input schema of tool `name` (None for an unknown tool: the call itself reports it)."""
    spec = TOOLS.get(name)
    return input_schema(spec.arguments) if spec is not None else None
