"""How the registry's domain errors reach MCP clients.

- Prompts (`prompts/list`, `prompts/get`): a JSON-RPC error. Bad input, an unknown prompt or a missing label is
  -32602 (invalid params, as the spec asks); a refused credential is -32600; anything else -32603. The message is
  the problem's client-safe `detail`, field errors go in `data`.
- Tools: a result with `isError: true` whose content is the problem document REST would have answered, so the
  model sees what went wrong and can correct itself (the spec's advice for tool errors).
"""

from __future__ import annotations

from typing import Any

import msgspec
from mcp.shared.exceptions import MCPError
from mcp_types import INTERNAL_ERROR, INVALID_PARAMS, INVALID_REQUEST, CallToolResult, TextContent

from app.lib.errors import ProblemError
from app.lib.problems import PROBLEM_TYPE_PREFIX

_CLIENT_ERRORS = frozenset({400, 404, 409, 412, 422})
_REFUSED = frozenset({401, 403})


def problem_document(exc: ProblemError) -> dict[str, Any]:
    """The problem+json body REST answers for `exc` (type, title, status, detail and its extra fields)."""
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_PREFIX + exc.slug,
        "title": exc.title,
        "status": exc.status_code,
        "detail": exc.detail,
    }
    body.update({k: v for k, v in exc.extra.items() if k not in body})
    return body


def protocol_error(exc: ProblemError) -> MCPError:
    """A JSON-RPC error for a failed prompts request."""
    data = {"status": exc.status_code, **exc.extra}
    if exc.status_code in _CLIENT_ERRORS:
        return MCPError(INVALID_PARAMS, exc.detail, data=data)
    if exc.status_code in _REFUSED:
        return MCPError(INVALID_REQUEST, exc.detail, data=data)
    return MCPError(INTERNAL_ERROR, exc.detail, data=data)


def tool_error(exc: ProblemError) -> CallToolResult:
    """A tool result with `isError` carrying the problem document."""
    body = problem_document(exc)
    return CallToolResult(content=[TextContent(text=msgspec.json.encode(body).decode())], is_error=True)


def invalid_arguments(exc: msgspec.ValidationError) -> CallToolResult:
    """Tool arguments that do not fit the tool's input schema (the same schema as the REST body)."""
    body = {
        "type": PROBLEM_TYPE_PREFIX + "validation-error",
        "title": "Validation failed",
        "status": 400,
        "detail": f"The arguments are invalid: {exc}",
    }
    return CallToolResult(content=[TextContent(text=msgspec.json.encode(body).decode())], is_error=True)
