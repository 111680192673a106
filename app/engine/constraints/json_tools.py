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
    name = value.get("name")
    description = next((value[k] for k in _DESCRIPTION_KEYS if isinstance(value.get(k), str)), None)
    # '{"name": "consultar_alumno", "params": {…}, "returns": "…"}': the same tool in a user's own keys
    parameters = next((found for k in _PARAMETER_KEYS if (found := _parameters(value.get(k))) is not None), None)
    returns = value.get("returns")
    if description is None and isinstance(returns, str) and returns.strip():
        description = f"returns {returns.strip()}"
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z_][\w.]*", name):
        return None
    if name.lower() in _TYPE_WORDS or (isinstance(description, str) and description.lower() in _TYPE_WORDS):
        return None  # '{"name": "string", "description": "string", …}': a reply schema with those keys
    if parameters is None and not isinstance(description, str):
        return None
    if isinstance(parameters, dict):
        properties = parameters.get("properties")
        names = list(properties) if isinstance(properties, dict) else [k for k in parameters if k != "type"]
    else:
        names = parameters or []
    return name, [str(n) for n in names], description if isinstance(description, str) else None


# "does", "purpose": a user's own key for what the tool is for
_DESCRIPTION_KEYS = ("description", "does", "purpose")


def _parameters(value: object) -> dict[str, object] | list[str] | None:
    """A tool's parameters as written: a mapping (a JSON schema, or names to types), or a list of names
    ('"args": ["patient_id", "dob"]', '"params": [{"name": "dob", …}]'); None for anything else."""
    if isinstance(value, dict):
        return value
    if not isinstance(value, list):
        return None
    names = [item.get("name") if isinstance(item, dict) else item for item in value]
    if all(isinstance(n, str) and re.fullmatch(r"[A-Za-z_]\w*", n) for n in names):
        return [str(n) for n in names]
    return None  # ("args": ["the booking reference", 3]): no parameter names


def wrapped_tool_specs(value: object) -> list[tuple[str, list[str], str | None]]:
    """The tools of a pasted request body that lists them ('{"tools": [{"type": "function", "function": {…}}, …]}',
    '{"functions": […]}'): every one of them, or none when any item is no tool."""
    if not isinstance(value, dict):
        return []
    listed = next((value[k] for k in ("tools", "functions") if isinstance(value.get(k), list)), None)
    if not listed:
        return _named_tool_specs(value)
    # (a reply listing things called tools, '{"tools": [{"name": "drill", "description": …}]}', declares none)
    declared = all(
        isinstance(item, dict)
        and (item.get("type") == "function" or any(_parameters(item.get(k)) is not None for k in _PARAMETER_KEYS))
        for item in listed
    )
    specs = [tool_spec(item) for item in listed] if declared else []
    return [spec for spec in specs if spec is not None] if specs and all(specs) else []


def _named_tool_specs(value: dict[str, object]) -> list[tuple[str, list[str], str | None]]:
    """The tools of a mapping from each tool's name to its spec ('{"get_patient": {"args": ["patient_id"], "does":
    "…"}, …}'): every one of them, or none when any entry is no tool with its parameters."""
    entries = [(key, spec) for key, spec in value.items() if isinstance(spec, dict) and _declares(spec)]
    if not entries or len(entries) < len(value):
        return []
    specs = [tool_spec({"name": key, **spec}) for key, spec in entries]
    return [spec for spec in specs if spec is not None] if all(specs) else []


def _declares(spec: dict[str, object]) -> bool:
    """Whether a mapping's entry is a tool's spec with no name of its own: it lists parameters."""
    return "name" not in spec and any(_parameters(spec.get(k)) is not None for k in _PARAMETER_KEYS)
