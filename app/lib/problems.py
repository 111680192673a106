"""RFC 9457 problem details for every error the service returns.

One function builds the body (`problem_response`); the exception handler map below routes Litestar's HTTP
exceptions, our domain errors, Advanced Alchemy's repository errors and infrastructure failures to it.
Nothing internal (SQL, table or constraint names, tracebacks) reaches the client.
"""

from __future__ import annotations

import errno
import re
from enum import Enum
from typing import Any

import structlog
from advanced_alchemy import exceptions as aa_exc
from litestar import MediaType, Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import IntegrityError as SAIntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from app.lib.dberrors import DRIVER_UNAVAILABLE, has_unavailable_sqlstate, is_database_unavailable
from app.lib.errors import ProblemError
from app.lib.request_context import get_request_id
from app.lib.text import VISIBLE_NAME_MESSAGE, VISIBLE_NAME_PATTERN

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_PREFIX = "urn:promptsmith:problem:"

logger = structlog.get_logger("promptsmith.errors")

_TITLES: dict[int, tuple[str, str]] = {
    400: ("bad-request", "Bad request"),
    401: ("unauthenticated", "Authentication required"),
    403: ("forbidden", "Forbidden"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    409: ("conflict", "Conflict"),
    412: ("precondition-failed", "Precondition failed"),
    413: ("payload-too-large", "Payload too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
    429: ("rate-limited", "Too many requests"),
    500: ("internal-error", "Internal server error"),
    503: ("service-unavailable", "Service unavailable"),
}
_MSGSPEC_PATH = re.compile(r"\s*-\s*at `\$\.?([^`]*)`$")


def problem_response(
    request: Request[Any, Any, Any],
    *,
    status: int,
    detail: str,
    slug: str | None = None,
    title: str | None = None,
    extra: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response[dict[str, Any]]:
    """Build an `application/problem+json` response carrying the request id."""
    default_slug, default_title = _TITLES.get(status, ("error", "Error"))
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_PREFIX + (slug or default_slug),
        "title": title or default_title,
        "status": status,
        "detail": detail,
        "instance": request.scope.get("path", "/"),
        "requestId": get_request_id(request.scope),
    }
    if extra:
        body.update({k: v for k, v in extra.items() if k not in body})
    return Response(content=body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


_MISSING_FIELD = re.compile(r"Object missing required field `([^`]+)`")


def _field_errors(exc: ValidationException) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = []
    raw = exc.extra if isinstance(exc.extra, list) else []
    for item in raw:
        if not isinstance(item, dict):
            continue
        message = str(item.get("message", "invalid value"))
        field = str(item.get("key", ""))
        raw_source = item.get("source", "body")
        source = str(raw_source.value if isinstance(raw_source, Enum) else raw_source)  # ParamType.PATH -> "path"
        if field and message == repr(field):
            # Litestar re-checks every signature field after a failure and reports a KeyError for path
            # parameters the handler does not take (e.g. `workspace`): not an error of the request.
            continue
        if match := _MSGSPEC_PATH.search(message):
            field = match.group(1) or field
            message = message[: match.start()]
        if source == "body" and field == "data":
            field = ""
        if VISIBLE_NAME_PATTERN in message.replace("\\\\", "\\"):  # msgspec quotes it escaped; say what it means
            message = VISIBLE_NAME_MESSAGE
        if missing := _MISSING_FIELD.match(message):
            # msgspec names a missing field in the message, not in the path: report it as the field.
            field = f"{field}.{missing.group(1)}" if field else missing.group(1)
        errors.append({"field": field, "source": source, "message": message})
    return errors


def _handle_validation(request: Request[Any, Any, Any], exc: ValidationException) -> Response[dict[str, Any]]:
    errors = _field_errors(exc)
    detail = (
        "The request is invalid: "
        + "; ".join(f"{e['field']}: {e['message']}" if e["field"] else e["message"] for e in errors)
        if errors
        else "The request is invalid."
    )
    return problem_response(
        request, status=400, slug="validation-error", title="Validation failed", detail=detail, extra={"errors": errors}
    )


def _handle_http(request: Request[Any, Any, Any], exc: HTTPException) -> Response[dict[str, Any]]:
    status = exc.status_code
    if status >= HTTP_500_INTERNAL_SERVER_ERROR and status != 503:
        return _handle_unexpected(request, exc)
    detail = exc.detail if exc.detail else _TITLES.get(status, ("", "Error"))[1]
    extra = exc.extra if isinstance(exc.extra, dict) else None
    return problem_response(request, status=status, detail=detail, extra=extra, headers=exc.headers)


def _handle_problem(request: Request[Any, Any, Any], exc: ProblemError) -> Response[dict[str, Any]]:
    return problem_response(
        request,
        status=exc.status_code,
        slug=exc.slug,
        title=exc.title,
        detail=exc.detail,
        extra=exc.extra,
        headers=exc.headers,
    )


def _handle_not_found(request: Request[Any, Any, Any], _: aa_exc.NotFoundError) -> Response[dict[str, Any]]:
    return problem_response(request, status=404, detail="The requested resource does not exist.")


def _handle_integrity(request: Request[Any, Any, Any], exc: aa_exc.IntegrityError) -> Response[dict[str, Any]]:
    cause = exc.__cause__
    if isinstance(cause, DBAPIError) and not isinstance(cause, SAIntegrityError):
        # Advanced Alchemy's wrap_sqlalchemy_exception turns *every* StatementError into IntegrityError,
        # so a lost connection or a bad statement arrives here too: that is a 503 or a 500, not a 409.
        return _handle_sqlalchemy(request, cause)
    detail = (
        "A resource with the same unique values already exists."
        if isinstance(exc, aa_exc.DuplicateKeyError)
        else "The change conflicts with the current state of related resources."
    )
    return problem_response(request, status=409, detail=detail)


def _handle_unavailable(request: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    logger.warning("dependency_unavailable", error_type=type(exc).__name__)
    return problem_response(
        request,
        status=503,
        detail="A backing service is temporarily unavailable. Retry shortly.",
        headers={"Retry-After": "1"},
    )


def _handle_os_error(request: Request[Any, Any, Any], exc: OSError) -> Response[dict[str, Any]]:
    """A socket error that escaped a driver unwrapped: a 503 when it is a network failure, else a 500.

    asyncio raises a plain `OSError("Multiple exceptions: ...")` (no errno) when a host name resolves to several
    addresses that all refuse, e.g. `localhost` -> ::1 and 127.0.0.1 with the database down.
    """
    if exc.errno in _NETWORK_ERRNOS or (exc.errno is None and str(exc).startswith("Multiple exceptions")):
        return _handle_unavailable(request, exc)
    return _handle_unexpected(request, exc)


_NETWORK_ERRNOS = frozenset(
    {
        errno.ECONNREFUSED,
        errno.ECONNRESET,
        errno.ECONNABORTED,
        errno.ETIMEDOUT,
        errno.EHOSTUNREACH,
        errno.ENETUNREACH,
        errno.EADDRNOTAVAIL,
        errno.EPIPE,
    }
)


def _is_invalid_input(exc: BaseException) -> bool:
    """SQLSTATE class 22 (data exception): a value the database cannot take, e.g. a NUL byte in a string or
    an integer beyond int4 (asyncpg reports its client-side encoding errors as 22000 too). Input, not a bug."""
    for err in (exc, exc.__cause__):
        orig = getattr(err, "orig", err)
        sqlstate = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
        if isinstance(sqlstate, str) and sqlstate.startswith("22"):
            return True
    return False


def _handle_invalid_input(request: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    logger.info("invalid_input_rejected_by_database", error_type=type(exc).__name__)
    return problem_response(
        request,
        status=400,
        detail="A value in the request cannot be stored or compared (out of range, or a character such as NUL).",
    )


def _handle_repository(request: Request[Any, Any, Any], exc: aa_exc.RepositoryError) -> Response[dict[str, Any]]:
    if is_database_unavailable(exc):
        return _handle_unavailable(request, exc)
    if _is_invalid_input(exc):
        return _handle_invalid_input(request, exc)
    return _handle_unexpected(request, exc)


def _handle_sqlalchemy(request: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    if is_database_unavailable(exc):
        return _handle_unavailable(request, exc)
    if _is_invalid_input(exc):
        return _handle_invalid_input(request, exc)
    return _handle_unexpected(request, exc)


def _handle_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    if has_unavailable_sqlstate(exc) or isinstance(exc, DRIVER_UNAVAILABLE):
        # raised unwrapped by the pool while connecting ("too many connections") or by the lean driver paths
        return _handle_unavailable(request, exc)
    logger.error(
        "unhandled_exception", exc_info=exc, method=request.scope.get("method"), path=request.scope.get("path")
    )
    return problem_response(request, status=500, detail="An unexpected error occurred. It has been logged.")


EXCEPTION_HANDLERS: dict[type[Exception] | int, Any] = {
    ValidationException: _handle_validation,
    HTTPException: _handle_http,
    ProblemError: _handle_problem,
    aa_exc.NotFoundError: _handle_not_found,
    aa_exc.IntegrityError: _handle_integrity,
    aa_exc.RepositoryError: _handle_repository,
    DBAPIError: _handle_sqlalchemy,
    PoolTimeoutError: _handle_unavailable,
    RedisConnectionError: _handle_unavailable,
    RedisTimeoutError: _handle_unavailable,
    ConnectionRefusedError: _handle_unavailable,
    # Raised unwrapped by the pool when connecting (or pre-pinging) times out or the socket fails: without these
    # a database that hangs or drops answers 500 instead of 503.
    TimeoutError: _handle_unavailable,
    ConnectionError: _handle_unavailable,
    OSError: _handle_os_error,
    Exception: _handle_unexpected,
}
"""Most specific class wins (Litestar walks the exception's MRO)."""

__all__ = ["EXCEPTION_HANDLERS", "PROBLEM_MEDIA_TYPE", "MediaType", "problem_response"]
