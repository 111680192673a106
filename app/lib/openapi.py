"""OpenAPI helpers: document the problem+json error responses a handler can return.

Usage: `@post(..., responses=problem_responses(401, 403, 404, 409))`.
"""

from __future__ import annotations

import msgspec
from litestar.openapi.datastructures import ResponseSpec

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
    429: "Rate limited: see Retry-After and the RateLimit headers",
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
