"""The new-version form: text or chat messages, and the variable contracts, as rows of plain form fields.

Rows are numbered fields (`message_role_0`, `message_content_0`, `var_name_0`, ...), so the form works without
JavaScript: "Add a message" and "Add a variable" re-render the page with one more blank row, keeping every value.
"""

from __future__ import annotations

from typing import Any

from app.engine.types import ChatMessage, Variable

MESSAGE_ROLES = ("system", "user", "assistant", "placeholder")
VARIABLE_TYPES = ("string", "integer", "number", "boolean", "enum", "list")
MAX_ROWS = 100


def _indices(form: Any, prefix: str) -> list[int]:
    """The row numbers the form's `<prefix><n>` fields carry (at most MAX_ROWS rows). Only 1-3 ASCII digits:
    `str.isdigit` also admits '²' and '٣', which `int` refuses, and thousands of digits `int` refuses too."""
    suffixes = (key.removeprefix(prefix) for key in form if key.startswith(prefix))
    found = {int(s) for s in suffixes if 0 < len(s) <= 3 and s.isascii() and s.isdigit()}
    return sorted(i for i in found if i < MAX_ROWS)


def messages_from_form(form: Any) -> list[dict[str, str]]:
    """The message rows as entered (blank rows dropped): role, content and, for placeholders, the variable name."""
    rows = []
    for i in _indices(form, "message_role_"):
        role = str(form.get(f"message_role_{i}", "user"))
        content = str(form.get(f"message_content_{i}", ""))
        name = str(form.get(f"message_name_{i}", "")).strip()
        if content.strip() or (role == "placeholder" and name):
            rows.append({"role": role, "content": content, "name": name})
    return rows


def variables_from_form(form: Any) -> list[dict[str, Any]]:
    """The variable rows as entered (rows without a name dropped)."""
    rows = []
    for i in _indices(form, "var_name_"):
        name = str(form.get(f"var_name_{i}", "")).strip()
        if not name:
            continue
        rows.append(
            {
                "name": name,
                "type": str(form.get(f"var_type_{i}", "string")),
                "required": form.get(f"var_required_{i}") is not None,
                "trusted": form.get(f"var_trusted_{i}") is not None,
                "description": str(form.get(f"var_description_{i}", "")).strip(),
            }
        )
    return rows


def message_body(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Message rows as the API's `messages` (a placeholder carries `name`, the others do not)."""
    return [
        {"role": r["role"], "content": r["content"], **({"name": r["name"]} if r["role"] == "placeholder" else {})}
        for r in rows
    ]


def variable_body(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Variable rows as the API's `variables` contracts."""
    return [
        {
            "name": r["name"],
            "type": r["type"],
            "required": r["required"],
            "trusted": r["trusted"],
            "description": r["description"],
        }
        for r in rows
    ]


def rows_from_version(
    messages: list[ChatMessage] | None, variables: list[Variable]
) -> tuple[list[dict[str, str]], list[dict[str, Any]]]:
    """Form rows prefilled from a stored version (the starting point of the next one)."""
    message_rows = [{"role": m.role, "content": m.content, "name": m.name or ""} for m in messages or []]
    variable_rows = [
        {"name": v.name, "type": v.type, "required": v.required, "trusted": v.trusted, "description": v.description}
        for v in variables
    ]
    return message_rows, variable_rows


def blank_message() -> dict[str, str]:
    return {"role": "user", "content": "", "name": ""}


def blank_variable() -> dict[str, Any]:
    return {"name": "", "type": "string", "required": True, "trusted": False, "description": ""}
