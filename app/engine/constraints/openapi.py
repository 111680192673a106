"""Tools pasted as an excerpt of an OpenAPI spec: each `operationId` is a tool, its `parameters` (`- {name: phone,
in: query}`) and `requestBody` keys are its arguments, and a `# returns …` comment says what it gives back.

The excerpt describes the tools; read as text, its `{name: …, in: …}` items would be taken for the reply's JSON
schema and its `enum: […]` for a label set, so the reader also says where the excerpt stands (to be masked)."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.constraints.tool_table import find_table_tools
from app.engine.constraints.tools import describe_tool

_OPERATION = re.compile(r"(?m)^[ \t]*operationId:[ \t]*[\"']?(?P<name>[A-Za-z_][\w.]*)[\"']?[ \t]*$")
_BODY = re.compile(r"(?m)^[ \t]*requestBody:[ \t]*\{(?P<keys>[^{}\n]*)\}")
_BODY_KEY = re.compile(r"(?:^|,)\s*[\"']?(?P<key>[A-Za-z_]\w*)[\"']?\s*:")
_RETURNS = re.compile(r"(?m)^[ \t]*#[ \t]*(?P<returns>returns?\b[^\n]*)")
_PATHS = re.compile(r"(?m)^[ \t]*paths:[ \t]*$")
_PATH = re.compile(r"(?m)^[ \t]*/[\w{}/.-]*:[ \t]*$")


class OpenApiTool(NamedTuple):
    """One operation of the excerpt: its name, arguments, what it returns, and where its block stands."""

    name: str
    parameters: list[str]
    returns: str | None
    values: dict[str, list[str]]
    """The closed values the excerpt gives a parameter (`enum: [wellness, sick]`)."""
    start: int
    end: int


def find_operations(text: str) -> tuple[list[OpenApiTool], tuple[int, int] | None]:
    """The operations of an OpenAPI excerpt in the text, and the extent of the whole excerpt (None without one)."""
    operations = list(_OPERATION.finditer(text))
    paths = _PATHS.search(text)
    if not operations:
        # ("paths:\n  /slots:\n    get:\n      summary: …": an excerpt whose operations have no id: no tools to name,
        # but its items are no reply schema either)
        return [], (paths.start(), _excerpt_end(text, paths.end())) if paths is not None else None
    found: list[OpenApiTool] = []
    for index, operation in enumerate(operations):
        # the operation's block runs to the next operation's path line (or its operationId)
        stop = operations[index + 1].start() if index + 1 < len(operations) else _excerpt_end(text, operation.end())
        path = (
            next((m for m in _PATH.finditer(text, operation.end(), stop)), None)
            if index + 1 < len(operations)
            else None
        )
        end = path.start() if path is not None else stop
        block = text[operation.end() : end]
        parameters: list[str] = []
        values: dict[str, list[str]] = {}
        for item in _items(block):
            name = _ITEM_NAME.search(item)
            if name is None:
                continue
            parameters.append(name.group("name"))
            enum = _ENUM.search(item)
            if enum is not None:
                values[name.group("name")] = [
                    v.strip(" \"'") for v in enum.group("values").split(",") if v.strip(" \"'")
                ]
        parameters += _body_keys(block)
        returns = _RETURNS.search(block)
        found.append(
            OpenApiTool(
                operation.group("name"),
                list(dict.fromkeys(parameters)),
                returns.group("returns").strip() if returns else None,
                values,
                operation.start(),
                end,
            )
        )
    opening = _PATHS.search(text, 0, operations[0].start()) or _PATH.search(text, 0, operations[0].start())
    start = opening.start() if opening is not None else operations[0].start()
    return found, (start, found[-1].end)


_ITEM_NAME = re.compile(r"(?:^|[{,\s])name:[ \t]*[\"']?(?P<name>[A-Za-z_]\w*)")
_ENUM = re.compile(r"\benum:[ \t]*\[(?P<values>[^\]\n]*)\]")
_PARAMETERS_LINE = re.compile(r"(?m)^(?P<indent>[ \t]*)parameters:[ \t]*$")
_PROPERTIES_LINE = re.compile(r"(?m)^(?P<indent>[ \t]*)properties:[ \t]*$")


def _items(block: str) -> list[str]:
    """The items of an operation's `parameters:` list, each with the lines indented under its dash."""
    head = _PARAMETERS_LINE.search(block)
    if head is None:
        return []
    items: list[str] = []
    dash_indent: int | None = None
    for line in block[head.end() :].splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        if indent <= len(head.group("indent")):
            break  # the next key of the operation ("requestBody:", "responses:")
        if line.lstrip().startswith("-") and (dash_indent is None or indent == dash_indent):
            dash_indent = indent
            items.append(line.lstrip()[1:])
        elif items:
            items[-1] += "\n" + line
    return items


def _body_keys(block: str) -> list[str]:
    """The arguments of a request body: '{client_id: string, …}' on its line, or the keys under its `properties:`."""
    body = _BODY.search(block)
    if body is not None:
        return [m.group("key") for m in _BODY_KEY.finditer(body.group("keys"))]
    properties = _PROPERTIES_LINE.search(block)
    if properties is None or "requestBody" not in block[: properties.start()]:
        return []
    keys: list[str] = []
    key_indent: int | None = None
    for line in block[properties.end() :].splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        if indent <= len(properties.group("indent")):
            break
        key = re.match(r"[ \t]*[\"']?(?P<key>[A-Za-z_]\w*)[\"']?[ \t]*:", line)
        if key is not None and (key_indent is None or indent == key_indent):
            key_indent = indent
            keys.append(key.group("key"))
    return keys


def describe_operation(operation: OpenApiTool) -> str:
    """The tool's sentence, with the closed values of its parameters ("…; set `visit_type` to one of: …")."""
    text = describe_tool(operation.name, operation.parameters, operation.returns)
    sets = [
        f"set `{name}` to one of: {', '.join(values)}" for name, values in operation.values.items() if len(values) >= 2
    ]
    return f"{text[:-1]}; {'; '.join(sets)}." if sets else text


def _excerpt_end(text: str, position: int) -> int:
    """Where the indented excerpt ends: at the first line after `position` that is neither indented nor blank."""
    for line in re.finditer(r"(?m)^.*$", text[position:]):
        content = line.group(0)
        if content.strip() and not content[:1].isspace():
            return position + line.start()
    return len(text)


def pasted_tool_specs(text: str) -> list[tuple[int, int]]:
    """Where the text pastes its tools as a spec (an OpenAPI excerpt or a markdown table of tools)."""
    operations, excerpt = find_operations(text)
    _, tables = find_table_tools(text)
    return ([excerpt] if excerpt is not None and operations else []) + tables
