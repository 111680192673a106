"""Typed validation of variable values and rendering of `{{name}}` templates. Pure functions.

Untrusted values (anything an end user types: `trusted=false`, the default) are wrapped in a delimiter tag
named after the variable, `<name>…</name>`, and `&`, `<` and `>` in the value are escaped as XML entities.
A value therefore can never contain the closing delimiter, open a new tag, or place text outside its
delimiter. Substitution is one pass over the template, so a value that contains `{{other}}` is not expanded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from app.engine.types import ChatMessage, Variable

TEMPLATE_VAR = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_CHAT_ROLES = frozenset({"system", "user", "assistant"})

FieldError = dict[str, str]


def escape(value: str) -> str:
    return value.translate(_ESCAPES)


def delimit(name: str, value: str) -> str:
    """Wrap an untrusted value; `name` is an identifier, so the tag itself is always well formed."""
    return f"<{name}>{escape(value)}</{name}>"


def check_value(var: Variable, value: Any) -> str | None:
    """None when `value` fits the variable's type, otherwise what is wrong with it."""
    kind = var.type
    if kind in {"string", "enum"}:
        if not isinstance(value, str):
            return f"must be a string, got {_json_type(value)}"
        if kind == "enum" and var.enum_values is not None and value not in var.enum_values:
            return f"must be one of {', '.join(var.enum_values)}"
        if var.max_length is not None and len(value) > var.max_length:
            return f"is longer than {var.max_length} characters"
        return None
    if kind == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool)
        return None if ok else f"must be an integer, got {_json_type(value)}"
    if kind == "number":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return None if ok else f"must be a number, got {_json_type(value)}"
    if kind == "boolean":
        return None if isinstance(value, bool) else f"must be a boolean, got {_json_type(value)}"
    if kind == "list":
        if not isinstance(value, list):
            return f"must be a list, got {_json_type(value)}"
        if var.max_length is not None and len(value) > var.max_length:
            return f"has more than {var.max_length} items"
        return None
    return f"has unknown type {kind}"  # pragma: no cover - Variable.type is a closed Literal


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(f"- {item}" if isinstance(item, str) else f"- {json.dumps(item)}" for item in value)
    return str(value) if isinstance(value, (int, float)) else json.dumps(value)


@dataclass(frozen=True, slots=True)
class Bound:
    """Validated values ready for substitution."""

    text: dict[str, str]
    """Variable name → text to insert (already delimited when untrusted)."""
    lists: dict[str, list[Any]]
    ignored: list[str]


def bind(
    variables: list[Variable],
    values: dict[str, Any],
    *,
    allow_unknown: bool = False,
    placeholder_names: frozenset[str] = frozenset(),
    field_prefix: str = "variables",
) -> tuple[Bound | None, list[FieldError]]:
    """Check `values` against the contract. Returns every error at once (missing, wrong type, unknown)."""
    errors: list[FieldError] = []
    declared = {v.name: v for v in variables}
    ignored: list[str] = []
    for name in sorted(values):
        if name not in declared:
            if allow_unknown:
                ignored.append(name)
            else:
                errors.append(
                    {
                        "field": f"{field_prefix}.{name}",
                        "source": "body",
                        "message": "unknown variable (not in this version's contract)",
                    }
                )
    text: dict[str, str] = {}
    lists: dict[str, list[Any]] = {}
    for var in variables:
        path = f"{field_prefix}.{var.name}"
        if var.name in values and values[var.name] is not None:
            value = values[var.name]
        elif var.default is not None:
            value = var.default
        elif var.required:
            errors.append({"field": path, "source": "body", "message": f"required {var.type} variable is missing"})
            continue
        else:
            text[var.name] = ""
            lists[var.name] = []
            continue
        problem = check_value(var, value)
        if problem:
            errors.append({"field": path, "source": "body", "message": problem})
            continue
        if var.name in placeholder_names:
            problems = _check_messages(var, value, path)
            if problems:
                errors.extend(problems)
                continue
            lists[var.name] = value
            continue
        rendered = _as_text(value)
        text[var.name] = rendered if var.trusted else delimit(var.name, rendered)
    if errors:
        return None, errors
    return Bound(text=text, lists=lists, ignored=ignored), []


def _check_messages(var: Variable, value: list[Any], path: str) -> list[FieldError]:
    """A placeholder's value is a list of {role, content}; untrusted lists may not carry system messages."""
    errors: list[FieldError] = []
    for i, item in enumerate(value):
        ok = (
            isinstance(item, dict)
            and set(item) <= {"role", "content"}
            and item.get("role") in _CHAT_ROLES
            and isinstance(item.get("content"), str)
        )
        if not ok:
            errors.append(
                {
                    "field": f"{path}[{i}]",
                    "source": "body",
                    "message": "must be an object {role: system|user|assistant, content: string}",
                }
            )
        elif not var.trusted and item["role"] == "system":
            errors.append(
                {
                    "field": f"{path}[{i}].role",
                    "source": "body",
                    "message": "an untrusted message list cannot contain system messages",
                }
            )
    return errors


def fill(template: str, bound: Bound) -> str:
    """Substitute declared variables in one pass; undeclared `{{x}}` stays as written."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        return bound.text.get(name, match.group(0))

    return TEMPLATE_VAR.sub(replace, template)


def render_text(template: str, bound: Bound) -> str:
    return fill(template, bound)


def render_messages(messages: list[ChatMessage], bound: Bound) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for message in messages:
        if message.role == "placeholder":
            out.extend(
                {"role": item["role"], "content": item["content"]} for item in bound.lists.get(message.name or "", [])
            )
        else:
            out.append({"role": message.role, "content": fill(message.content, bound)})
    return out
