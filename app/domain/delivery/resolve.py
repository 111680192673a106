"""The runtime hot path: what an SDK needs for one prompt, by label (default `production`) or version.

The response body is serialised once per (prompt, selector) and cached as bytes with its ETag (see
`app.domain.delivery.cache`). A cached answer costs no database query and, on a local hit, no Redis round
trip. When the database is unreachable the last known good answer is served with `X-Cache: stale;
db-unavailable`; when Redis is down, the database answers.

On a miss the HTTP handler loads through `LeanLoader`: one prepared statement run by the driver (asyncpg) on a
connection of the engine's pool, outside any transaction (no ORM session, no objects, no BEGIN/COMMIT), so an
uncached resolve is one database round trip.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Sequence
from typing import Any
from uuid import UUID

import asyncpg  # type: ignore[import-untyped]
import msgspec
from sqlalchemy import and_, bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql import Select

from app.config.database import bounded_read, mark_suspect
from app.db.models.prompts import Prompt, PromptLabel, PromptVersion
from app.domain.delivery.cache import Answer, ResolveCache, prompt_key, selector
from app.domain.prompts.pure.content import no_selector, not_found
from app.domain.prompts.services.prompts import PromptRegistry
from app.lib.dberrors import DRIVER_UNAVAILABLE, is_database_unavailable
from app.lib.errors import ServiceUnavailableError
from app.lib.tracing import driver_query_span

DEFAULT_LABEL = "production"
_encoder = msgspec.json.Encoder()


def build_answer(row: Sequence[Any], label: str | None) -> Answer:
    """The answer of one row of `_COLUMNS` (an SQLAlchemy `Row` or an asyncpg `Record`, by position)."""
    name, kind, version, text, messages, variables, model_config, content_hash = row
    body = _encoder.encode(
        {
            "name": name,
            "version": version,
            "label": label,
            "kind": kind,
            "text": text,
            "messages": messages,
            "variables": variables or [],
            "modelConfig": model_config or {},
            "contentHash": content_hash,
        }
    )
    return Answer(body=body, etag='"' + hashlib.sha256(body).hexdigest()[:24] + '"')


async def load(registry: PromptRegistry, name: str, label: str | None, version: int | None) -> Answer:
    """One query: the prompt, scoped to the workspace, joined to the selected version."""
    stmt = (
        registry.scoped_columns(
            Prompt.name,
            Prompt.kind,
            PromptVersion.version,
            PromptVersion.text,
            PromptVersion.messages,
            PromptVersion.variables,
            PromptVersion.model_config,
            PromptVersion.content_hash,
        )
        .join(PromptVersion, PromptVersion.prompt_id == Prompt.id)
        .where(Prompt.name == name)
    )
    if version is not None:
        stmt = stmt.where(PromptVersion.version == version)
    else:
        stmt = stmt.join(
            PromptLabel,
            and_(
                PromptLabel.prompt_id == Prompt.id,
                PromptLabel.name == label,
                PromptLabel.version == PromptVersion.version,
            ),
        )
    row = (await registry.session.execute(stmt)).one_or_none()
    if row is None:
        await registry.get(name, relations=False)  # 404 for a missing prompt
        what = f"version {version}" if version is not None else f"label {label!r}"
        raise no_selector(name, what)
    return build_answer(row, label if version is None else None)


_COLUMNS = (
    Prompt.name,
    Prompt.kind,
    PromptVersion.version,
    PromptVersion.text,
    PromptVersion.messages,
    PromptVersion.variables,
    PromptVersion.model_config,
    PromptVersion.content_hash,
)
_IN_WORKSPACE = and_(Prompt.workspace_id == bindparam("ws"), Prompt.name == bindparam("name"))
# Built once: SQLAlchemy's compiled cache and asyncpg's statement cache then make each execution cheap.
_BY_LABEL = (
    select(*_COLUMNS)
    .select_from(Prompt)
    .join(PromptVersion, PromptVersion.prompt_id == Prompt.id)
    .join(
        PromptLabel,
        and_(
            PromptLabel.prompt_id == Prompt.id,
            PromptLabel.name == bindparam("label"),
            PromptLabel.version == PromptVersion.version,
        ),
    )
    .where(_IN_WORKSPACE)
)
_BY_VERSION = (
    select(*_COLUMNS)
    .select_from(Prompt)
    .join(PromptVersion, PromptVersion.prompt_id == Prompt.id)
    .where(_IN_WORKSPACE, PromptVersion.version == bindparam("version"))
)
_EXISTS = select(Prompt.id).where(_IN_WORKSPACE)


class _Driver:
    """A statement compiled once for the engine's dialect, run by the driver: SQL text with `$n` placeholders
    and the order of its parameters. asyncpg prepares it once per connection (its statement cache)."""

    __slots__ = ("order", "sql")

    def __init__(self, stmt: Select[Any], engine: AsyncEngine) -> None:
        compiled = stmt.compile(dialect=engine.dialect)
        self.sql = compiled.string
        self.order = tuple(compiled.positiontup or ())

    def args(self, params: dict[str, Any]) -> list[Any]:
        return [params[name] for name in self.order]


_DEFAULT_TIMEOUT = 5.0
_STATEMENTS: dict[int, tuple[_Driver, _Driver, _Driver]] = {}


def _statements(engine: AsyncEngine) -> tuple[_Driver, _Driver, _Driver]:
    compiled = _STATEMENTS.get(id(engine.dialect))
    if compiled is None:
        compiled = (_Driver(_BY_LABEL, engine), _Driver(_BY_VERSION, engine), _Driver(_EXISTS, engine))
        _STATEMENTS.clear()  # one engine per process (tests build more: keep only the latest)
        _STATEMENTS[id(engine.dialect)] = compiled
    return compiled


def _connection_failed(exc: BaseException) -> bool:
    """The connection itself is broken or in doubt (as opposed to an error the server reported for the query)."""
    return isinstance(exc, (*DRIVER_UNAVAILABLE, asyncpg.exceptions.InternalClientError, OSError, TimeoutError))


class _ConnectionBroke(Exception):
    """The pooled connection failed under the query; the read may be tried once more on another one."""


class LeanLoader:
    """Loads a resolve answer with one query on a pooled connection, run by the driver outside a transaction.

    The pool (checkout, limits, the ping of `app.config.database`) is SQLAlchemy's; only the query skips
    SQLAlchemy's execution layer, which cost as much CPU as the rest of an uncached resolve. The query has its
    own timeout (the pool timeout, DB_POOL_TIMEOUT), so the checkout is a `bounded_read()`: a connection used
    within DB_PING_IDLE_AFTER seconds is not pinged first. A connection that fails under the query is
    invalidated (never returned to the pool) and the read, which is idempotent, is tried once more on a pinged
    connection (not after a timeout: a database that hangs is not waited for twice).
    """

    __slots__ = ("engine", "workspace_id")

    def __init__(self, engine: AsyncEngine, workspace_id: UUID) -> None:
        self.engine = engine
        self.workspace_id = workspace_id

    async def load(self, name: str, label: str | None, version: int | None) -> Answer:
        params: dict[str, Any] = {"ws": self.workspace_id, "name": name}
        if version is not None:
            params["version"] = version
        else:
            params["label"] = label
        if self.engine.dialect.driver == "asyncpg":
            by_label, by_version, exists = _statements(self.engine)
            stmt = by_version if version is not None else by_label
            try:
                row, found = await self._attempt(stmt, exists, params, retry=True)
            except _ConnectionBroke:
                row, found = await self._attempt(stmt, exists, params, retry=False)
        else:  # the embedded SQLite mode: through SQLAlchemy, in autocommit
            row, found = await self._sqlalchemy(params, by_version=version is not None)
        if row is None:
            if not found:
                raise not_found(name)
            what = f"version {version}" if version is not None else f"label {label!r}"
            raise no_selector(name, what)
        return build_answer(row, label if version is None else None)

    async def _sqlalchemy(self, params: dict[str, Any], *, by_version: bool) -> tuple[Sequence[Any] | None, bool]:
        async with self.engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            row = (await conn.execute(_BY_VERSION if by_version else _BY_LABEL, params)).one_or_none()
            if row is not None:
                return row, True
            params = {"ws": params["ws"], "name": params["name"]}
            return None, (await conn.execute(_EXISTS, params)).first() is not None

    async def _attempt(
        self, stmt: _Driver, exists: _Driver, params: dict[str, Any], *, retry: bool
    ) -> tuple[Sequence[Any] | None, bool]:
        """(the row or None, whether the prompt exists) on one pooled connection. With `retry` (the first
        attempt: a bounded read, the checkout may skip the ping) a connection that broke under the query (not a
        timeout, not a failed checkout) raises `_ConnectionBroke`; the second attempt's checkout always pings,
        so it gets a live connection even when every pooled one was just killed."""
        pool_timeout = getattr(self.engine.pool, "timeout", None)
        timeout: float = pool_timeout() if callable(pool_timeout) else _DEFAULT_TIMEOUT
        with bounded_read() if retry else contextlib.nullcontext():  # (read by the pool's checkout listener)
            async with self.engine.connect() as conn:
                try:
                    return await self._fetch(conn, stmt, exists, params, timeout)
                except Exception as exc:
                    if not _connection_failed(exc):
                        raise
                    await conn.invalidate(exc)  # closed now, never handed out again
                    if retry and not isinstance(exc, TimeoutError):  # a hung database is not waited for twice
                        raise _ConnectionBroke from exc
                    raise

    @staticmethod
    async def _fetch(
        conn: AsyncConnection, stmt: _Driver, exists: _Driver, params: dict[str, Any], timeout: float
    ) -> tuple[Sequence[Any] | None, bool]:
        sync = conn.sync_connection
        if sync is None:  # pragma: no cover - `connect()` has checked a connection out
            raise RuntimeError("connection not started")
        proxied = sync.connection  # the pool's connection: no greenlet hop, unlike `get_raw_connection()`
        driver: Any = proxied.driver_connection
        try:
            with driver_query_span(stmt.sql):
                row = await driver.fetchrow(stmt.sql, *stmt.args(params), timeout=timeout)
            if row is not None:
                return row, True
            with driver_query_span(exists.sql):
                return None, await driver.fetchrow(exists.sql, *exists.args(params), timeout=timeout) is not None
        except BaseException:
            mark_suspect(proxied)  # cancelled or failed mid-query: ping it before its next use
            raise


async def resolve(
    registry: PromptRegistry | LeanLoader, cache: ResolveCache, name: str, label: str | None, version: int | None
) -> tuple[Answer, str]:
    """The answer and where it came from: `hit`, `hit-shared`, `miss` or `stale; db-unavailable`."""
    if version is None:
        label = label or DEFAULT_LABEL
    key = prompt_key(registry.workspace_id, name)
    field = selector(label, version)
    answer = cache.get_local(key, field)
    if answer is not None:
        return answer, "hit"
    answer = await cache.get_shared(key, field)
    if answer is not None:
        return answer, "hit-shared"
    token = cache.local.token()
    try:
        if isinstance(registry, LeanLoader):
            answer = await registry.load(name, label, version)
        else:
            answer = await load(registry, name, label, version)
    except Exception as exc:
        if not is_database_unavailable(exc):
            raise
        stale = await cache.get_stale(key, field)
        if stale is None:
            raise ServiceUnavailableError(
                "The database is unavailable and no cached answer exists for this prompt.",
                headers={"Retry-After": "1"},
            ) from exc
        return stale, "stale; db-unavailable"
    await cache.store(key, field, answer, token=token)
    return answer, "miss"
