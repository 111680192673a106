"""The prompt list: one page of a workspace's prompts, filtered, sorted, keyset-paginated.

One statement per page, built once per *shape* of the request (which filters are on, how many tags, the sort,
the order, whether a cursor is given) with every value a bound parameter, so a request neither builds nor
hashes a statement: building the SELECT and computing its cache key cost more CPU than running it. On
PostgreSQL a page's tags and labels are aggregated in the same statement (`repository.page_columns`); other
databases fetch them with one batched query per page.

Two ways to run it, the same statement and the same items:

* `list_lean(engine, …)`, the HTTP list: no ORM session and no transaction; with asyncpg the driver runs the
  statement on a pooled connection (`app.lib.leanread`), one round trip (two with `count`), elsewhere SQLAlchemy
  runs it on an autocommit connection;
* `list_in_session(session, …)`, for callers inside a unit of work (MCP, console): on their session.

Every statement is scoped to the workspace (`prompt.workspace_id = :ws`), a parameter that is always bound.
"""

from __future__ import annotations

import base64
import binascii
import functools
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast
from uuid import UUID

import msgspec
from sqlalchemy import Select, Table, bindparam, exists, func, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from app.db.models.prompts import Prompt, PromptLabel, PromptTag
from app.domain.prompts import repository
from app.domain.prompts.pure.content import error
from app.domain.prompts.schemas import PromptOut, PromptPage, SortField, SortOrder
from app.lib.errors import ValidationFailedError
from app.lib.leanread import CompiledStatements, driver_path, driver_read

_PROMPT_T = cast(Table, Prompt.__table__)
_P = _PROMPT_T.c
_TAG = cast(Table, PromptTag.__table__).c
_LABEL = cast(Table, PromptLabel.__table__).c
_SORT_COLUMN = {"name": _P.name, "updatedAt": _P.updated_at, "createdAt": _P.created_at}
_SORT_INDEX = {"name": 1, "createdAt": 7, "updatedAt": 8}
"""Position of the sort column in a page row (`repository.page_columns`)."""


@dataclass(frozen=True, slots=True)
class ListQuery:
    """What a client asked for: the filters, the order and the page (validated by the HTTP layer's parameters)."""

    prefix: str | None = None
    tags: tuple[str, ...] = ()
    label: str | None = None
    q: str | None = None
    updated_after: datetime | None = None
    updated_before: datetime | None = None
    archived: bool | None = False
    sort: SortField = "updatedAt"
    order: SortOrder = "desc"
    limit: int = 50
    cursor: str | None = None
    count: bool = False


_Shape = tuple[bool, int, bool, bool, bool, bool, bool, str, str, bool]


def _shape(query: ListQuery) -> _Shape:
    """Which parts of the statement a query needs; queries of one shape share one statement."""
    return (
        bool(query.prefix),
        len(query.tags),
        bool(query.label),
        bool(query.q),
        query.updated_after is not None,
        query.updated_before is not None,
        query.archived is not None,
        query.sort,
        query.order,
        query.cursor is not None and query.cursor != "",
    )


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(msgspec.json.encode(values)).decode().rstrip("=")


def _invalid_cursor(message: str) -> ValidationFailedError:
    return ValidationFailedError("Invalid cursor.", extra={"errors": [error("cursor", message, "query")]})


def decode_cursor(cursor: str, sort: SortField) -> tuple[datetime | str, UUID]:
    """The sort value and id a `nextCursor` carries, or a 400."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = msgspec.json.decode(raw)
    except (binascii.Error, msgspec.DecodeError, ValueError):
        values = None
    if not isinstance(values, list) or len(values) != 2:
        raise _invalid_cursor("not a cursor from this API")
    value, last_id = values
    try:
        key: datetime | str = datetime.fromisoformat(value) if sort != "name" else str(value)
        last = UUID(str(last_id))
    except (TypeError, ValueError):
        raise _invalid_cursor("not a cursor for this sort") from None
    if isinstance(key, datetime):
        if key.tzinfo is None:  # every cursor this API hands out has an offset
            raise _invalid_cursor("not a cursor for this sort")
        key = _utc(key)
    return key, last


def _conditions(shape: _Shape) -> list[Any]:
    """The WHERE clause of a shape, every value a bound parameter (named as in `_params`)."""
    has_prefix, tags, has_label, has_q, after, before, by_archived, *_ = shape
    conditions: list[Any] = [_P.workspace_id == bindparam("ws")]
    if has_prefix:
        conditions.append(_P.name.like(bindparam("prefix"), escape="\\"))
    for i in range(tags):
        conditions.append(exists().where(_TAG.prompt_id == _P.id, _TAG.tag == bindparam(f"tag{i}")))
    if has_label:
        conditions.append(exists().where(_LABEL.prompt_id == _P.id, _LABEL.name == bindparam("label")))
    if has_q:
        pattern: Any = bindparam("q")
        conditions.append(or_(_P.name.ilike(pattern, escape="\\"), _P.description.ilike(pattern, escape="\\")))
    if after:
        conditions.append(_P.updated_at > bindparam("after", type_=_P.updated_at.type))
    if before:
        conditions.append(_P.updated_at < bindparam("before", type_=_P.updated_at.type))
    if by_archived:
        # Equality (not IS): lets PostgreSQL use `ix_prompt_workspace_updated` (workspace, archived, updated, id).
        conditions.append(_P.archived == bindparam("archived"))
    return conditions


@functools.lru_cache(maxsize=512)
def _page_statement(shape: _Shape, postgres: bool) -> Select[Any]:
    """SELECT of one page (limit + 1 rows, to know whether a next page exists) for a shape."""
    sort, order, has_cursor = shape[7], shape[8], shape[9]
    column: Any = _SORT_COLUMN[sort]
    conditions = _conditions(shape)
    descending = order == "desc"
    if has_cursor:
        # A row comparison: an index range condition on PostgreSQL, so page N costs what page 1 costs.
        keyset = tuple_(column, _P.id)
        bound = tuple_(bindparam("cursor_key", type_=column.type), bindparam("cursor_id", type_=_P.id.type))
        conditions.append(keyset < bound if descending else keyset > bound)
    ordering = [column.desc(), _P.id.desc()] if descending else [column.asc(), _P.id.asc()]
    return (
        select(*repository.page_columns(postgres=postgres))
        .where(*conditions)
        .order_by(*ordering)
        .limit(bindparam("limit"))
    )


@functools.lru_cache(maxsize=512)
def _count_statement(shape: _Shape) -> Select[Any]:
    """COUNT of every match of a shape (the cursor does not narrow it)."""
    return select(func.count()).select_from(_PROMPT_T).where(*_conditions(shape))


def _params(query: ListQuery, workspace_id: UUID) -> dict[str, Any]:
    """The bound values of `query`'s statement, as the driver takes them (aware UTC datetimes, UUIDs)."""
    params: dict[str, Any] = {"ws": workspace_id, "limit": query.limit + 1}
    if query.prefix:
        params["prefix"] = _like_escape(query.prefix) + "%"
    for i, tag in enumerate(query.tags):
        params[f"tag{i}"] = tag
    if query.label:
        params["label"] = query.label
    if query.q:
        params["q"] = "%" + _like_escape(query.q) + "%"
    if query.updated_after is not None:
        params["after"] = _utc(query.updated_after)
    if query.updated_before is not None:
        params["before"] = _utc(query.updated_before)
    if query.archived is not None:
        params["archived"] = query.archived
    if query.cursor:
        params["cursor_key"], params["cursor_id"] = decode_cursor(query.cursor, query.sort)
    return params


def _page(
    query: ListQuery, rows: list[Any], tags: dict[Any, list[str]], labels: dict[Any, dict[str, int]], total: int | None
) -> PromptPage:
    """The response of a page of rows (`repository.page_columns`, by position)."""
    next_cursor = None
    if len(rows) > query.limit:
        rows = rows[: query.limit]
        last = rows[-1]
        value: Any = last[_SORT_INDEX[query.sort]]
        next_cursor = encode_cursor([value.isoformat() if isinstance(value, datetime) else value, str(last[0])])
    items = [
        PromptOut(
            id=r[0],
            name=r[1],
            kind=r[2],
            description=r[3],
            tags=tags.get(r[0], []),
            archived=r[4],
            latest_version=r[5] or None,
            labels=labels.get(r[0], {}),
            revision=r[6],
            created_at=r[7],
            updated_at=r[8],
        )
        for r in rows
    ]
    return PromptPage(items=items, total=total, limit=query.limit, next_cursor=next_cursor)


_DRIVER_STATEMENTS = CompiledStatements()


async def list_lean(engine: AsyncEngine, workspace_id: UUID, query: ListQuery) -> PromptPage:
    """A page of `workspace_id`'s prompts without an ORM session or a transaction (the HTTP list)."""
    params = _params(query, workspace_id)
    shape = _shape(query)
    if not driver_path(engine):
        async with engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            return await _list_sqlalchemy(conn, shape, params, query)
    page = _DRIVER_STATEMENTS.get(engine, ("page", shape), lambda: _page_statement(shape, True))
    count = _DRIVER_STATEMENTS.get(engine, ("count", shape), lambda: _count_statement(shape)) if query.count else None

    async def work(driver: Any, timeout: float) -> tuple[list[Any], int | None]:
        total = None
        if count is not None:
            total = (await count.fetchrow(driver, params, timeout))[0]
        return await page.fetch(driver, params, timeout), total

    rows, total = await driver_read(engine, work)
    tags, labels = repository.aggregated_tags_and_labels(rows)
    return _page(query, rows, tags, labels, total)


async def list_in_session(session: AsyncSession, workspace_id: UUID, query: ListQuery) -> PromptPage:
    """A page of `workspace_id`'s prompts on `session` (inside the caller's unit of work)."""
    return await _list_sqlalchemy(session, _shape(query), _params(query, workspace_id), query)


async def _list_sqlalchemy(
    conn: AsyncSession | AsyncConnection, shape: _Shape, params: dict[str, Any], query: ListQuery
) -> PromptPage:
    dialect = conn.dialect if isinstance(conn, AsyncConnection) else conn.bind.dialect
    postgres = dialect.name == "postgresql"
    total = None
    if query.count:
        total = (await conn.execute(_count_statement(shape), params)).scalar_one()
    rows = list((await conn.execute(_page_statement(shape, postgres), params)).all())
    tags, labels = await repository.tags_and_labels(conn, rows[: query.limit], postgres=postgres)
    return _page(query, rows, tags, labels, total)
