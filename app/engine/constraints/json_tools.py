"""Function-calling tools pasted as JSON ('{"name", "description", "parameters"}', OpenAI's '{"type": "function",
…}', a request body's '{"tools": […]}'): their names, parameters and purposes."""

from __future__ import annotations

import re

_TYPE_WORDS = frozenset({"string", "str", "number", "integer", "int", "boolean", "bool", "object", "array", "null"})


_PARAMETER_KEYS = ("parameters", "params", "args", "arguments", "input_schema", "inputSchema")


def tool_spec(value: object) -> tuple[str, list[str], str | None] | None:
    """A function-calling tool written as JSON ({"name", "description", "parameters"}, or OpenAI's
    {"type": "function", "function": {…}}): its name, parameters and purpose."""
    if not isinstance(value, dict):
        return None
    inner = value.get("function")
    if value.get("type") == "function" and isinstance(inner, dict):
        value = inner
    name, description = value.get("name"), value.get("description")
    # '{"name": "consultar_alumno", "params": {…}, "returns": "…"}': the same tool in a user's own keys
    parameters = next((value[k] for k in _PARAMETER_KEYS if isinstance(value.get(k), dict)), None)
    returns = value.get("returns")
    if description is None and isinstance(returns, str) and returns.strip():
        description = f"returns {returns.strip()}"
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z_][\w.]*", name):
        return None
    if name.lower() in _TYPE_WORDS or (isinstance(description, str) and description.lower() in _TYPE_WORDS):
        return None  # '{"name": "string", "description": "string", …}': a reply schema with those keys
    if not isinstance(parameters, dict) and not isinstance(description, str):
        return None
    if isinstance(parameters, dict):
        properties = parameters.get("properties")
        names = list(properties) if isinstance(properties, dict) else [k for k in parameters if k != "type"]
    else:
        names = []
    return name, [str(n) for n in names], description if isinstance(description, str) else None


def wrapped_tool_specs(value: object) -> list[tuple[str, list[str], str | None]]:
    """The tools of a pasted request body that lists them ('{"tools": [{"type": "function", "function": {…}}, …]}',
    '{"functions": […]}'): every one of them, or none when any item is no tool."""
    if not isinstance(value, dict):
        return []
    listed = next((value[k] for k in ("tools", "functions") if isinstance(value.get(k), list)), None)
    if not listed:
        return []
    # (a reply listing things called tools, '{"tools": [{"name": "drill", "description": …}]}', declares none)
    declared = all(
        isinstance(item, dict)
        and (item.get("type") == "function" or any(isinstance(item.get(k), dict) for k in _PARAMETER_KEYS))
        for item in listed
    )
    specs = [tool_spec(item) for item in listed] if declared else []
    return [spec for spec in specs if spec is not None] if specs and all(specs) else []
