"""A new version written by one statement in autocommit, when that statement is the whole transaction.

On PostgreSQL a version without labels in the body is one statement (`repository.create_version_pg`); run in
autocommit it needs no BEGIN and no COMMIT round trip and holds the prompt's row lock for the statement only. With
asyncpg it goes to the driver itself (`app.lib.leanread.driver_write`: the pool's checkout with its ping, then the
statement, compiled once, without SQLAlchemy's execution layer, which cost more CPU than the BEGIN and COMMIT). In
that form (`at_once=True`) the statement numbers the prompt only when nothing changed it since the statement's
snapshot and the kind and parent version match, so it writes everything or nothing. When it writes nothing, the
caller runs the usual locking path in a transaction, which says why (400, 409) or, after another writer, succeeds;
and the prompt counts as contended for a while, renewed by every write that finds it changed after waiting: its
writers queue on the row lock, where an at-once try would wait, find the prompt changed and wait again on the
locking path.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.domain.prompts import repository
from app.domain.prompts.pure.content import not_found
from app.lib.leanread import CompiledStatements, driver_path, driver_write

_STATEMENTS = CompiledStatements(maxsize=2)

CONTENDED_FOR = 5.0
"""Seconds a prompt whose at-once write missed takes the locking path (in this process)."""
_CONTENDED_MAX = 4096
_contended: dict[tuple[Any, str], float] = {}
"""(workspace id, prompt name) -> when an at-once write on it last missed."""


def contended(workspace_id: Any, name: str) -> bool:
    """Whether an at-once write on this prompt missed less than `CONTENDED_FOR` seconds ago."""
    missed = _contended.get((workspace_id, name))
    return missed is not None and time.monotonic() - missed < CONTENDED_FOR


async def write_at_once(session: AsyncSession, params: dict[str, Any], workspace_id: Any, name: str) -> Any:
    """The at-once statement (`session` has no transaction yet), on the driver outside a transaction or, with another
    driver, on the session's connection in autocommit: the statement's row when it wrote the version, 404 when the
    prompt does not exist, None when it wrote nothing.

    On None the session's (empty) transaction is closed, so that the locking path gets a connection in the default
    isolation, and the prompt counts as contended.
    """
    engine = session.bind
    if isinstance(engine, AsyncEngine) and driver_path(engine):
        row = await driver_write(engine, _STATEMENTS.get(engine, "at_once", repository.create_version_at_once), params)
    else:
        await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        row = await repository.create_version_pg(session, params, at_once=True)
    if row is None:
        await session.rollback()
        raise not_found(name)
    if row[2] is not None:
        return row
    mark_contended(workspace_id, name)
    await session.rollback()
    return None


def mark_contended(workspace_id: Any, name: str) -> None:
    """Another writer changed the prompt while this one waited for it: its next writes take the locking path."""
    if len(_contended) >= _CONTENDED_MAX:
        _contended.clear()
    _contended[(workspace_id, name)] = time.monotonic()
