"""Lean reads: statements compiled once and run by the database driver on a pooled connection, no transaction.

The read-only hot paths (the uncached resolve, the prompt list) skip the ORM session and SQLAlchemy's execution
layer: with asyncpg, a read is the pool's checkout (a `bounded_read()`, so a connection used in the last
`DB_PING_IDLE_AFTER` seconds is not pinged) and one round trip per statement, with no `BEGIN`/`COMMIT`. A
session read costs up to four round trips (ping, `BEGIN`, the query, `COMMIT`) plus the statement's cache key,
which for the list cost more CPU than the query and its rows.

`DriverStatement` is a SQLAlchemy statement compiled for the engine's dialect (SQL text with `$n` placeholders
and the order of its parameters); asyncpg prepares it once per connection (its statement cache). Parameters
skip SQLAlchemy's bind processing, so callers pass what the driver takes (aware datetimes, `uuid.UUID`), and
rows come back as the driver's records, read by position.

One write goes the same way (`driver_write`): a new version whose one statement is its whole transaction
(`app.domain.prompts.services.at_once`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.ext.asyncio.base import _run_to_completion
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import TextClause
from sqlalchemy.util import greenlet_spawn

from app.config.database import bounded_read, mark_suspect
from app.lib.dberrors import DRIVER_UNAVAILABLE
from app.lib.tracing import driver_query_span

T = TypeVar("T")
DriverRun = Callable[[Any, float], Awaitable[T]]
"""`work(driver_connection, timeout)`: the statements of one lean read, on one connection."""

_DEFAULT_TIMEOUT = 5.0


def driver_path(engine: AsyncEngine) -> bool:
    """Whether lean reads of `engine` go to the driver (asyncpg); other engines run them through SQLAlchemy."""
    return engine.dialect.driver == "asyncpg"


class DriverStatement:
    """A statement compiled once for a dialect: its SQL text and the names of its parameters, in order."""

    __slots__ = ("order", "sql")

    def __init__(self, stmt: Select[Any] | TextClause, engine: AsyncEngine) -> None:
        compiled = stmt.compile(dialect=engine.dialect)
        self.sql: str = compiled.string
        self.order: tuple[str, ...] = tuple(compiled.positiontup or ())

    def args(self, params: dict[str, Any]) -> list[Any]:
        return [params[name] for name in self.order]

    async def fetch(self, driver: Any, params: dict[str, Any], timeout: float) -> list[Any]:
        with driver_query_span(self.sql):
            rows: list[Any] = await driver.fetch(self.sql, *self.args(params), timeout=timeout)
        return rows

    async def fetchrow(self, driver: Any, params: dict[str, Any], timeout: float | None) -> Any:
        with driver_query_span(self.sql):
            return await driver.fetchrow(self.sql, *self.args(params), timeout=timeout)


class CompiledStatements:
    """`DriverStatement`s by key, for the one engine of a process (a new dialect, as in tests, starts over)."""

    def __init__(self, maxsize: int = 1024) -> None:
        self.maxsize = maxsize
        self._dialect: int | None = None
        self._compiled: dict[Hashable, DriverStatement] = {}

    def get(self, engine: AsyncEngine, key: Hashable, build: Callable[[], Select[Any] | TextClause]) -> DriverStatement:
        if self._dialect != id(engine.dialect):
            self._compiled.clear()
            self._dialect = id(engine.dialect)
        found = self._compiled.get(key)
        if found is None:
            if len(self._compiled) >= self.maxsize:
                self._compiled.clear()  # the keys are statement shapes, a bounded set: this is a safety net
            found = self._compiled[key] = DriverStatement(build(), engine)
        return found


def _connection_failed(exc: BaseException) -> bool:
    """The connection itself is broken or in doubt (as opposed to an error the server reported for the query)."""
    return isinstance(exc, (*DRIVER_UNAVAILABLE, asyncpg.exceptions.InternalClientError, OSError, TimeoutError))


class _ConnectionBroke(Exception):
    """The pooled connection failed under the query; the read may be tried once more on another one."""


async def driver_read(engine: AsyncEngine, work: DriverRun[T]) -> T:
    """Run `work(driver_connection, timeout)` on a pooled connection of `engine` (asyncpg), outside a transaction.

    The statements get the pool timeout (DB_POOL_TIMEOUT) as their own timeout, so the checkout is a
    `bounded_read()`. A connection that fails under a statement is invalidated (never returned to the pool) and
    the read, which must be idempotent, is tried once more on a pinged connection (not after a timeout: a
    database that hangs is not waited for twice).
    """
    try:
        return await _attempt(engine, work, retry=True)
    except _ConnectionBroke:
        return await _attempt(engine, work, retry=False)


async def _attempt(engine: AsyncEngine, work: DriverRun[T], *, retry: bool) -> T:
    """One attempt. With `retry` (the first: a bounded read, the checkout may skip the ping) a connection that
    broke under the query (not a timeout, not a failed checkout) raises `_ConnectionBroke`; the second attempt's
    checkout always pings, so it gets a live connection even when every pooled one was just killed.

    The connection is the pool's own (`raw_connection`: the checkout, its listeners and the ping run as for any
    checkout), without SQLAlchemy's `Connection` around it, which cost a third of the driver read's CPU.
    """
    pool_timeout = getattr(engine.pool, "timeout", None)
    timeout: float = pool_timeout() if callable(pool_timeout) else _DEFAULT_TIMEOUT
    with bounded_read() if retry else contextlib.nullcontext():  # (read by the pool's checkout listener)
        proxied = await engine.raw_connection()
    try:
        try:
            return await work(proxied.driver_connection, timeout)
        except BaseException:
            mark_suspect(proxied)  # cancelled or failed mid-query: ping it before its next use
            raise
    except Exception as exc:
        if not _connection_failed(exc):
            raise
        await greenlet_spawn(proxied.invalidate, exc)  # closed now, never handed out again
        if retry and not isinstance(exc, TimeoutError):  # a hung database is not waited for twice
            raise _ConnectionBroke from exc
        raise
    finally:
        # Back to the pool even if the request is cancelled meanwhile (as `AsyncConnection.__aexit__` does): a
        # plain check-in does no I/O and finishes here; closing an overflow connection awaits the driver.
        await _run_to_completion(greenlet_spawn(proxied.close))


async def driver_write(engine: AsyncEngine, statement: DriverStatement, params: dict[str, Any]) -> Any:
    """One statement that writes, run by the driver on a pooled connection outside a transaction (autocommit: the
    statement is its own transaction); its first row. Never retried (a write is not idempotent).

    The checkout pings the connection as for any request's (not a bounded read); the statement has the
    connection's own bound (`command_timeout`, DB_STATEMENT_TIMEOUT plus a margin). A connection that fails under it
    is invalidated.
    """
    proxied = await engine.raw_connection()
    try:
        try:
            return await statement.fetchrow(proxied.driver_connection, params, None)
        except BaseException:
            mark_suspect(proxied)
            raise
    except Exception as exc:
        if _connection_failed(exc):
            await greenlet_spawn(proxied.invalidate, exc)
        raise
    finally:
        await _run_to_completion(greenlet_spawn(proxied.close))
