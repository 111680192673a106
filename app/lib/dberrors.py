"""The one classifier of "the database is unavailable" (503 and, for resolve, the last-known-good answer), and of
"the change conflicts" (409) for a failed COMMIT (`app.lib.transactions`).

Unavailable means the failure is the database's or the connection's, not the request's: the pool timed out, the
connection broke or was refused, the server is shutting down, starting up or out of resources.
"""

from __future__ import annotations

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

UNAVAILABLE_SQLSTATES = ("08", "53", "57014", "57P01", "57P02", "57P03")
"""SQLSTATEs meaning "the database cannot take this now": connection exceptions (08), insufficient resources (53:
too many connections, out of memory, disk full), a statement cancelled at DB_STATEMENT_TIMEOUT (57014), shutting
down or starting up (57P01-57P03)."""

DRIVER_UNAVAILABLE = (
    asyncpg.exceptions.InterfaceError,  # connection closed or does not exist
    asyncpg.exceptions.PostgresConnectionError,  # SQLSTATE class 08
    asyncpg.exceptions.OperatorInterventionError,  # 57: admin/crash shutdown, cannot connect now
    asyncpg.exceptions.InsufficientResourcesError,  # 53: too many connections, out of memory
    # "cannot switch to state 12; another operation is in progress": a connection left mid-protocol by a killed
    # peer, met before the statement ran (its type introspection); the lean paths already invalidate it
    asyncpg.exceptions.InternalClientError,
)
"""asyncpg's own errors for those conditions, raised unwrapped on the lean paths that use the driver directly."""

_UNAVAILABLE_TYPES = (OperationalError, InterfaceError, PoolTimeoutError, OSError, TimeoutError, *DRIVER_UNAVAILABLE)


CONFLICT_SQLSTATES = ("23", "40")
"""SQLSTATEs meaning "this change conflicts with the data or with a concurrent transaction", which the server rolled
back: integrity constraint violations (23, e.g. a deferred unique or foreign key checked at COMMIT) and transaction
rollbacks (40: serialization failure, deadlock). Retrying may succeed; nothing was stored."""


def _has_sqlstate(exc: BaseException, prefixes: tuple[str, ...]) -> bool:
    for candidate in (exc, getattr(exc, "orig", None), exc.__cause__):
        code = getattr(candidate, "sqlstate", None) or getattr(candidate, "pgcode", None)
        if isinstance(code, str) and code.startswith(prefixes):
            return True
    return False


def has_unavailable_sqlstate(exc: BaseException) -> bool:
    """True for a driver error (raw, e.g. asyncpg's TooManyConnectionsError at connect, or wrapped) in those classes."""
    return _has_sqlstate(exc, UNAVAILABLE_SQLSTATES)


def is_conflict(exc: BaseException) -> bool:
    """Whether `exc` (a driver error, raw or wrapped) is a conflict the server rolled back (`CONFLICT_SQLSTATES`)."""
    return _has_sqlstate(exc, CONFLICT_SQLSTATES)


def is_database_unavailable(exc: BaseException, _depth: int = 0) -> bool:
    """Whether `exc` (or what it wraps, a few levels down) means the database cannot be reached or used now."""
    if isinstance(exc, _UNAVAILABLE_TYPES) or has_unavailable_sqlstate(exc):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    # Repository errors wrap the driver's error (RepositoryError from OperationalError from OSError...).
    cause = exc.__cause__ or exc.__context__
    return cause is not None and cause is not exc and _depth < 4 and is_database_unavailable(cause, _depth + 1)
