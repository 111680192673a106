"""The MCP prompts primitive: `prompts/list` and `prompts/get` over the registry.

- `prompts/list`: the workspace's active prompts that carry the connection's label (default `production`), by
  name, one registry page per MCP page. Each prompt's arguments are the typed variable contract of the version
  the label points to (name, description, required), read through the resolve path (its caches included).
- `prompts/get`: renders that version through the render service (`VersionService.render`), so values are
  checked against the contract and untrusted ones are delimited and escaped exactly as `POST .../render` does.
  MCP argument values are strings; each is converted to its variable's type first (`"3"` for an integer, `"true"`
  for a boolean, a JSON array for a list). A missing required argument, a value of the wrong type, an unknown
  argument, or an unknown prompt is a protocol error (-32602), never a crash.

System prompts: MCP prompt messages have only the roles `user` and `assistant`. The rendered system prompt (a
text prompt's text, or a chat prompt's `system` messages) is delivered as a `user` message whose text is the
system prompt verbatim, marked `_meta["dev.promptsmith/role"] = "system"` so a client that has a system slot can
put it there. `SYSTEM_PROMPT_NOTE` says so in every prompt's description.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec
from mcp.shared.exceptions import MCPError
from mcp_types import (
    INVALID_PARAMS,
    Completion,
    GetPromptResult,
    ListPromptsResult,
    Prompt,
    PromptArgument,
    PromptMessage,
    TextContent,
)

from app.domain.access.permissions import Permission
from app.domain.delivery.resolve import LeanLoader, resolve
from app.domain.mcp.errors import protocol_error
from app.domain.mcp.workspace import WorkspaceScope
from app.domain.prompts.schemas import RenderRequest, RenderResult, decode_messages, decode_variables
from app.domain.prompts.services.versions import contract_with_placeholders
from app.engine.types import Variable
from app.lib.errors import ProblemError

ROLE_META_KEY = "dev.promptsmith/role"
SYSTEM_PROMPT_NOTE = (
    "MCP has no system role: the system prompt comes as a user message (its text verbatim, "
    f'_meta["{ROLE_META_KEY}"] = "system"); put it in your system slot if you have one.'
)
PAGE_SIZE = 50
_JSON_KINDS = {"integer": "an integer", "number": "a number", "list": "a JSON array"}


async def resolved(scope: WorkspaceScope, name: str, label: str | None, version: int | None = None) -> dict[str, Any]:
    """The resolve answer (the JSON `GET .../resolve` returns) through the resolve caches."""
    loader = LeanLoader(scope.services.db_engine, scope.ctx.workspace_id)
    answer, _ = await resolve(loader, scope.services.resolve_cache, name, label, version)
    body: dict[str, Any] = msgspec.json.decode(answer.body)
    return body


def contract_of(answer: dict[str, Any]) -> list[Variable]:
    """The variables `render` accepts for a resolved version (placeholders of chat prompts included)."""
    return contract_with_placeholders(
        decode_variables(answer.get("variables") or []), decode_messages(answer.get("messages"))
    )


def describe_variable(var: Variable) -> str:
    """The argument's description: the contract's words plus its type, so a client knows what to type."""
    if var.type == "enum" and var.enum_values:
        kind = "one of: " + ", ".join(var.enum_values)
    elif var.type == "list":
        kind = "a JSON array"
    elif var.type == "boolean":
        kind = "true or false"
    else:
        kind = var.type
    parts = [var.description.strip()] if var.description.strip() else []
    parts.append(f"({kind}" + (f", default {json.dumps(var.default)}" if var.default is not None else "") + ")")
    return " ".join(parts)


def arguments_of(contract: list[Variable]) -> list[PromptArgument]:
    return [
        PromptArgument(name=v.name, description=describe_variable(v), required=v.required and v.default is None)
        for v in contract
    ]


def _describe_prompt(description: str, label: str, version: int) -> str:
    head = description.strip() or "Promptsmith prompt"
    return f"{head} [{label} = v{version}] {SYSTEM_PROMPT_NOTE}"


async def list_prompts(scope: WorkspaceScope, label: str, cursor: str | None) -> ListPromptsResult:
    """One page of the workspace's active prompts carrying `label`, with their arguments."""
    scope.require(Permission.READ)
    try:
        page = await scope.registry.list(
            label=label, archived=False, sort="name", order="asc", limit=PAGE_SIZE, cursor=cursor
        )
        prompts = []
        for item in page.items:
            answer = await resolved(scope, item.name, label)
            prompts.append(
                Prompt(
                    name=item.name,
                    description=_describe_prompt(item.description, label, int(answer["version"])),
                    arguments=arguments_of(contract_of(answer)),
                )
            )
    except ProblemError as exc:
        raise protocol_error(exc) from None
    return ListPromptsResult(prompts=prompts, next_cursor=page.next_cursor)


def _convert(var: Variable, raw: str) -> tuple[Any, str | None]:
    """A string argument as the value `var` takes, or the problem with it."""
    kind = var.type
    if kind in {"string", "enum"}:
        return raw, None
    if kind in _JSON_KINDS:
        try:
            value = json.loads(raw)
        except (ValueError, RecursionError):  # deep nesting makes json give up with RecursionError
            return None, f"must be {_JSON_KINDS[kind]}"
        return value, None  # the render service checks the type and says what is wrong
    if kind == "boolean":
        lowered = raw.strip().lower()
        if lowered in {"true", "false"}:
            return lowered == "true", None
        return None, "must be true or false"
    return raw, None  # pragma: no cover - Variable.type is a closed Literal


def convert_arguments(contract: list[Variable], arguments: dict[str, str]) -> dict[str, Any]:
    """MCP's string arguments as typed values for the render service; -32602 listing every unconvertible one.

    Names the contract does not declare are passed through as given: the render service rejects them.
    """
    declared = {v.name: v for v in contract}
    values: dict[str, Any] = {}
    errors: list[dict[str, str]] = []
    for name, raw in arguments.items():
        var = declared.get(name)
        if var is None:
            values[name] = raw
            continue
        value, problem = _convert(var, raw)
        if problem is not None:
            errors.append({"field": f"arguments.{name}", "message": problem})
        else:
            values[name] = value
    if errors:
        raise MCPError(INVALID_PARAMS, "Some arguments do not fit the prompt's variables.", data={"errors": errors})
    return values


def _system_message(text: str) -> PromptMessage:
    return PromptMessage(role="user", content=TextContent(text=text, _meta={ROLE_META_KEY: "system"}))


def prompt_messages(result: RenderResult) -> list[PromptMessage]:
    """The rendered prompt as MCP messages: system text as user messages (see the module docstring)."""
    if result.messages is None:
        return [_system_message(result.text or "")]
    messages: list[PromptMessage] = []
    for message in result.messages:
        if message.role == "system":
            messages.append(_system_message(message.content))
        elif message.role == "assistant":
            messages.append(PromptMessage(role="assistant", content=TextContent(text=message.content)))
        else:
            messages.append(PromptMessage(role="user", content=TextContent(text=message.content)))
    return messages


async def get_prompt(scope: WorkspaceScope, name: str, arguments: dict[str, str] | None, label: str) -> GetPromptResult:
    """Render the version `label` points to with `arguments` (typed, checked, untrusted values delimited)."""
    scope.require(Permission.READ)
    try:
        answer = await resolved(scope, name, label)
        version = int(answer["version"])
        values = convert_arguments(contract_of(answer), arguments or {})
        result = await scope.versions.render(name, RenderRequest(variables=values, version=version))
    except ProblemError as exc:
        raise protocol_error(exc) from None
    return GetPromptResult(
        description=f"{name} [{label} = v{version}]. {SYSTEM_PROMPT_NOTE}",
        messages=prompt_messages(result),
    )


def choices_of(var: Variable) -> list[str]:
    """The values an argument can take, when there is a closed set (enums, booleans)."""
    if var.type == "enum":
        return list(var.enum_values or [])
    if var.type == "boolean":
        return ["true", "false"]
    return []


async def complete_argument(scope: WorkspaceScope, name: str, argument: str, typed: str, label: str) -> Completion:
    """`completion/complete` for a prompt argument: the enum's values (or true/false) starting with `typed`."""
    scope.require(Permission.READ)
    try:
        answer = await resolved(scope, name, label)
    except ProblemError as exc:
        raise protocol_error(exc) from None
    var = next((v for v in contract_of(answer) if v.name == argument), None)
    values = [value for value in (choices_of(var) if var else []) if value.startswith(typed)]
    return Completion(values=values[:100], total=len(values), has_more=len(values) > 100)
