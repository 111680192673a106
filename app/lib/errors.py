"""Domain errors that services raise. Each maps to one problem type and HTTP status.

Services speak in these terms ("conflict", "precondition failed"); `app.lib.problems` turns them into
RFC 9457 responses. Their `detail` is always client-safe text.
"""

from __future__ import annotations

from typing import Any


class ProblemError(Exception):
    """Base domain error with an HTTP status, a stable problem type slug and a client-safe detail."""

    status_code: int = 400
    slug: str = "bad-request"
    title: str = "Bad request"

    def __init__(
        self,
        detail: str,
        *,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra or {}
        self.headers = headers or {}


class BadRequestError(ProblemError):
    status_code, slug, title = 400, "bad-request", "Bad request"


class ValidationFailedError(ProblemError):
    """Semantic validation failure with a list of field errors in `extra["errors"]`."""

    status_code, slug, title = 400, "validation-error", "Validation failed"


class AuthenticationError(ProblemError):
    status_code, slug, title = 401, "unauthenticated", "Authentication required"


class PermissionDeniedError(ProblemError):
    status_code, slug, title = 403, "forbidden", "Forbidden"


class NotFoundError(ProblemError):
    status_code, slug, title = 404, "not-found", "Not found"


class ConflictError(ProblemError):
    status_code, slug, title = 409, "conflict", "Conflict"


class PreconditionFailedError(ProblemError):
    status_code, slug, title = 412, "precondition-failed", "Precondition failed"


class RateLimitedError(ProblemError):
    status_code, slug, title = 429, "rate-limited", "Too many requests"


class ServiceUnavailableError(ProblemError):
    status_code, slug, title = 503, "service-unavailable", "Service unavailable"
