"""OpenAPI helpers for handlers: the problem+json error responses they can return, and extra media types.

Usage: `@post(..., responses=problem_responses(401, 403, 404, 409))`. `extra_media_types()` builds an
`operation_class` for a handler whose response (or request body) comes in more than one media type, which
`ResponseSpec` cannot express (e.g. JSON, Markdown or zip exports).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import msgspec
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIMediaType, OpenAPIResponse, Operation, Reference, RequestBody, Schema

from app.lib.problems import PROBLEM_MEDIA_TYPE


class FieldError(msgspec.Struct):
    """One invalid input: where it is (`source`: body, query, path, header) and what is wrong."""

    field: str
    source: str
    message: str


class ProblemDetails(msgspec.Struct, rename="camel"):
    """RFC 9457 problem details, as every error response of this API carries them."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    request_id: str
    errors: list[FieldError] | msgspec.UnsetType = msgspec.UNSET


_DESCRIPTIONS: dict[int, str] = {
    400: "Invalid request (per-field `errors` for validation failures)",
    401: "Not authenticated: no, an expired or an invalid session or API key",
    403: "Authenticated but not allowed (role or key scope), or a missing CSRF token",
    404: "Not found, or not visible to the caller",
    409: "Conflicts with the current state",
    412: "Precondition failed (stale If-Match)",
    413: "Request body too large",
    415: "Unsupported media type",
    429: "Rate limited: see Retry-After, RateLimit and RateLimit-Policy",
    503: "A backing service is temporarily unavailable",
}


def problem_responses(*codes: int) -> dict[int, ResponseSpec]:
    """Response specs for `codes`, each an `application/problem+json` `ProblemDetails`."""
    return {
        code: ResponseSpec(
            data_container=ProblemDetails,
            media_type=PROBLEM_MEDIA_TYPE,
            description=_DESCRIPTIONS.get(code, "Error"),
        )
        for code in codes
    }


def extra_media_types(
    responses: dict[int, dict[str, Schema | Reference]] | None = None,
    request_body: dict[str, Schema | Reference] | None = None,
    request_body_required: bool = True,
) -> type[Operation]:
    """An `operation_class` adding media types to documented responses and/or documenting a request body.

    Example: `operation_class=extra_media_types({200: {"text/markdown": Schema(type=OpenAPIType.STRING)}})`.
    """

    @dataclass
    class _Operation(Operation):
        def __post_init__(self) -> None:
            for status, variants in (responses or {}).items():
                response = (self.responses or {}).get(str(status))
                if isinstance(response, OpenAPIResponse):
                    content: dict[str, OpenAPIMediaType] = dict(response.content or {})
                    content.update({media: OpenAPIMediaType(schema=schema) for media, schema in variants.items()})
                    response.content = content
            if request_body:
                existing: Any = self.request_body
                content = dict(existing.content) if isinstance(existing, RequestBody) else {}
                content.update({media: OpenAPIMediaType(schema=schema) for media, schema in request_body.items()})
                self.request_body = RequestBody(content=content, required=request_body_required)

    return _Operation
