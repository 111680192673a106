"""The request boundary commits, before the response starts: a 2xx or 3xx is only sent for a stored change.

Services flush; the request's session (Advanced Alchemy's, kept in the ASGI scope) is committed by
`CommitBeforeResponse` when the handler's response is about to start with a 2xx or 3xx status, before its first
byte leaves. A COMMIT that fails (a deferred constraint, a serialization failure, the connection lost) becomes the
response instead, through the route's own exception handlers: problem+json on the API, the error page on the
console. 409 for a conflict the server rolled back, 503 when the database is unavailable (then the outcome may be
unknown: the connection can break after the server committed), 500 otherwise. The before-send hook of
`app.lib.alchemy` then closes the session, which rolls back what is left (error responses).

Why not Advanced Alchemy's autocommit before-send handler: it commits while the status line is being sent, logs
a failed COMMIT at debug level and sends the success anyway (advanced_alchemy 1.12).

Cost: a request without a session, or whose session never began a transaction, commits nothing; one that did
sends the one COMMIT it sent before, only earlier (no extra round trip).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import structlog
from litestar.enums import ScopeType
from litestar.middleware import DefineMiddleware
from litestar.utils.scope.state import ScopeState

from app.lib.dberrors import is_conflict, is_database_unavailable
from app.lib.errors import ConflictError, ProblemError, ServiceUnavailableError

if TYPE_CHECKING:
    from litestar.types import ASGIApp, Message, Receive, Scope, Send
    from sqlalchemy.ext.asyncio import AsyncSession

logger = structlog.get_logger("promptsmith.transactions")

COMMIT_STATUSES = range(200, 400)
"""Responses that commit: 2xx, and 3xx because the console's forms answer with 303 redirects."""


class CommitFailedError(ProblemError):
    """A COMMIT failed for a reason that is neither a conflict nor the database being unavailable."""

    status_code, slug, title = 500, "internal-error", "Internal server error"


def commit_failure(exc: BaseException) -> ProblemError:
    """The error response for a failed COMMIT of the request's transaction (never a success)."""
    if is_conflict(exc):  # checked first: the server answered with its reason, so nothing was stored
        logger.warning("commit_conflict", error_type=type(exc).__name__, sqlstate=_sqlstate(exc))
        return ConflictError("The change conflicts with the current data or a concurrent change and was not saved.")
    if is_database_unavailable(exc):
        logger.warning("commit_unavailable", error_type=type(exc).__name__, sqlstate=_sqlstate(exc))
        return ServiceUnavailableError(
            "The database did not confirm the change, so it may not have been saved. Check, then retry shortly.",
            headers={"Retry-After": "1"},
        )
    logger.error("commit_failed", exc_info=exc)
    return CommitFailedError("The change could not be confirmed as saved. The error has been logged.")


def _sqlstate(exc: BaseException) -> str | None:
    code = getattr(getattr(exc, "orig", None), "sqlstate", None) or getattr(exc, "sqlstate", None)
    return code if isinstance(code, str) else None


class CommitBeforeResponse:
    """Route middleware (the outermost, so it sees the response start last before it leaves Litestar): commits the
    request's session before a 2xx/3xx response starts, and answers with the failure when the COMMIT fails."""

    def __init__(self, app: ASGIApp, session_scope_key: str) -> None:
        self.app = app
        self.session_scope_key = session_scope_key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        key = self.session_scope_key
        failures: list[ProblemError] = []

        async def commit_then_send(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in COMMIT_STATUSES:
                session: AsyncSession | None = cast("dict[str, Any]", scope).get(key)
                if session is not None and session.in_transaction():
                    try:
                        await session.commit()
                    except Exception as exc:
                        failures.append(commit_failure(exc))
                        raise failures[0] from exc
            await send(message)

        try:
            await self.app(scope, receive, commit_then_send)
        except Exception:
            if not failures:
                raise
            # Nothing was sent: the start message stopped here. Litestar's route-level exception layer (inside this
            # one) saw it pass and marked the response started, so it re-raised; clear that mark and let the
            # app-level layer answer with the route's handlers (problem+json, or the console's page). The
            # before-send handler then closes the session, which rolls back.
            ScopeState.from_scope(scope).response_started = False
            raise failures[0] from failures[0].__cause__


def commit_before_response(session_scope_key: str) -> DefineMiddleware:
    """`CommitBeforeResponse` for the app's middleware list, reading the session where `RequestSessionConfig`
    records it in the scope."""
    return DefineMiddleware(CommitBeforeResponse, session_scope_key=session_scope_key)
