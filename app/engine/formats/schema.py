"""Input schemas (Picoschema or JSON Schema) to variable contracts and back.

Picoschema (https://google.github.io/dotprompt/reference/picoschema): `name: type, description`, `name?:` for
optional fields, `name(array, description): item type`, `name(enum, description): [a, b]`,
`name(object, description): {...}`, and the types string, number, integer, boolean, null and any.
"""

from __future__ import annotations

import re
from typing import Any

from app.engine.types import Variable, VariableType

PICO_KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)(\?)?(?:\(\s*(\w+)\s*(?:,\s*(.*?))?\s*\))?$", re.DOTALL)
SCALARS: dict[str, VariableType] = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}
TRUSTED_KEY = "x-promptsmith-trusted"


def is_json_schema(schema: Any) -> bool:
    """Dotprompt tells JSON Schema from Picoschema by a top-level `type` or `properties` key."""
    return isinstance(schema, dict) and (
        "properties" in schema or (isinstance(schema.get("type"), str) and "(" not in schema["type"])
    )


def _pico_value(value: Any) -> tuple[str | None, str]:
    """`"type, description"` → (type, description)."""
    if not isinstance(value, str):
        return None, ""
    kind, _, description = value.partition(",")
    return kind.strip(), description.strip()


def _pico_field(key: str, value: Any, unmapped: list[str]) -> Variable | None:
    match = PICO_KEY_RE.match(key.strip())
    if match is None:
        unmapped.append(f"input.schema: field '{key}' is not a Picoschema field")
        return None
    name, optional, paren_type, paren_description = match.groups()
    required = optional is None
    if paren_type == "enum":
        values = [str(v) for v in value] if isinstance(value, list) else []
        if not isinstance(value, list):
            unmapped.append(f"input.schema.{name}: enum without a list of values")
        return Variable(
            name=name, type="enum", enum_values=values, required=required, description=paren_description or ""
        )
    if paren_type == "array":
        item_type, _ = _pico_value(value)
        if item_type != "string":
            unmapped.append(f"input.schema.{name}: array of {item_type or 'objects'} read as a list of strings")
        return Variable(name=name, type="list", required=required, description=paren_description or "")
    if paren_type is not None:
        unmapped.append(f"input.schema.{name}: {paren_type} type read as a string")
        return Variable(name=name, required=required, description=paren_description or "")
    kind, description = _pico_value(value)
    if kind not in SCALARS:
        unmapped.append(f"input.schema.{name}: type '{kind}' read as a string")
    return Variable(name=name, type=SCALARS.get(kind or "", "string"), required=required, description=description)


def _json_property(name: str, prop: Any, required: bool, unmapped: list[str]) -> Variable:
    prop = prop if isinstance(prop, dict) else {}
    description = str(prop.get("description", ""))
    trusted = bool(prop.get(TRUSTED_KEY, False))
    max_length = prop.get("maxLength") if isinstance(prop.get("maxLength"), int) else None
    if isinstance(prop.get("enum"), list):
        return Variable(
            name=name,
            type="enum",
            enum_values=[str(v) for v in prop["enum"]],
            required=required,
            description=description,
            trusted=trusted,
            default=prop.get("default"),
        )
    kind = prop.get("type")
    if isinstance(kind, list):  # ["string", "null"]: nullable, i.e. optional
        kind = next((k for k in kind if k != "null"), "string")
        required = False
    var_type: VariableType = "list" if kind == "array" else SCALARS.get(str(kind), "string")
    if kind not in SCALARS and kind != "array":
        unmapped.append(f"input.schema.{name}: type '{kind}' read as a string")
    return Variable(
        name=name,
        type=var_type,
        required=required,
        description=description,
        trusted=trusted,
        max_length=max_length,
        default=prop.get("default"),
    )


def schema_to_variables(schema: Any, defaults: Any, unmapped: list[str]) -> list[Variable]:
    """Variable contracts from an input schema (Picoschema or JSON Schema) and its `default` values."""
    if schema is None:
        return []
    variables: list[Variable] = []
    if is_json_schema(schema):
        required = set(schema.get("required", []))
        for name, prop in (schema.get("properties") or {}).items():
            variables.append(_json_property(str(name), prop, name in required, unmapped))
    elif isinstance(schema, dict):
        for key, value in schema.items():
            variable = _pico_field(str(key), value, unmapped)
            if variable is not None:
                variables.append(variable)
    else:
        unmapped.append("input.schema: not a mapping")
    if isinstance(defaults, dict):
        known = {v.name for v in variables}
        for name in defaults:
            if name not in known:
                unmapped.append(f"input.default.{name}: no such input")
        variables = [_with_default(v, defaults.get(v.name, v.default)) for v in variables]
    return variables


def _with_default(variable: Variable, default: Any) -> Variable:
    if default is None:
        return variable
    import msgspec

    return msgspec.structs.replace(variable, default=default)


def picoschema_fits(variables: list[Variable]) -> bool:
    """Whether Picoschema can say everything about these contracts (no length limit, no trust flag)."""
    return all(
        not v.trusted and v.max_length is None and (v.enum_values is None or v.type == "enum") for v in variables
    )


def variables_to_picoschema(variables: list[Variable]) -> dict[str, Any]:
    """Picoschema for contracts that `picoschema_fits`."""
    schema: dict[str, Any] = {}
    for v in variables:
        optional = "" if v.required else "?"
        suffix = f", {v.description}" if v.description else ""
        if v.type == "enum":
            schema[f"{v.name}{optional}(enum{suffix})"] = list(v.enum_values or [])
        elif v.type == "list":
            schema[f"{v.name}{optional}(array{suffix})"] = "string"
        else:
            schema[f"{v.name}{optional}"] = f"{v.type}{suffix}"
    return schema


def variables_to_json_schema(variables: list[Variable]) -> dict[str, Any]:
    """JSON Schema (type object) for contracts, with the trust flag as an `x-promptsmith-trusted` keyword."""
    properties: dict[str, Any] = {}
    for v in variables:
        prop: dict[str, Any] = {"type": "array", "items": {"type": "string"}} if v.type == "list" else {}
        if v.type == "enum":
            prop["type"] = "string"
            prop["enum"] = list(v.enum_values or [])
        elif v.type != "list":
            prop["type"] = v.type
        if v.enum_values is not None and v.type != "enum":
            prop["enum"] = list(v.enum_values)
        if v.description:
            prop["description"] = v.description
        if v.max_length is not None:
            prop["maxLength"] = v.max_length
        if v.trusted:
            prop[TRUSTED_KEY] = True
        if v.default is not None:
            prop["default"] = v.default
        properties[v.name] = prop
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    required = [v.name for v in variables if v.required]
    if required:
        schema["required"] = required
    return schema


def defaults_of(variables: list[Variable]) -> dict[str, Any]:
    """`input.default` for Picoschema: the defaults by variable name."""
    return {v.name: v.default for v in variables if v.default is not None}
