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

import hashlib
from collections.abc import Sequence
from typing import Any
from uuid import UUID

import msgspec
from sqlalchemy import and_, bindparam, select
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db.models.prompts import Prompt, PromptLabel, PromptVersion
from app.domain.delivery.cache import Answer, ResolveCache, prompt_key, selector
from app.domain.prompts.pure.content import no_selector, not_found
from app.domain.prompts.services.prompts import PromptRegistry
from app.lib.dberrors import is_database_unavailable
from app.lib.errors import ServiceUnavailableError
from app.lib.leanread import CompiledStatements, driver_path, driver_read

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


_STATEMENTS = CompiledStatements()
_BUILDERS = {"label": lambda: _BY_LABEL, "version": lambda: _BY_VERSION, "exists": lambda: _EXISTS}


class LeanLoader:
    """Loads a resolve answer with one query on a pooled connection, run by the driver outside a transaction.

    The pool (checkout, limits, the ping of `app.config.database`) is SQLAlchemy's; only the query skips
    SQLAlchemy's execution layer, which cost as much CPU as the rest of an uncached resolve. See
    `app.lib.leanread.driver_read`: a bounded read, retried once on another connection when the one it got broke.
    """

    __slots__ = ("engine", "failed", "workspace_id")

    def __init__(self, engine: AsyncEngine, workspace_id: UUID, failed: Exception | None = None) -> None:
        self.engine = engine
        self.workspace_id = workspace_id
        self.failed = failed
        """The error of this very load, already tried by the fast path (`fastpath.LOAD_FAILED_KEY`): raised
        instead of a second query, so a hung database is not waited for twice."""

    async def load(self, name: str, label: str | None, version: int | None) -> Answer:
        if self.failed is not None:
            failed, self.failed = self.failed, None
            raise failed
        params: dict[str, Any] = {"ws": self.workspace_id, "name": name}
        if version is not None:
            params["version"] = version
        else:
            params["label"] = label
        if driver_path(self.engine):
            kind = "version" if version is not None else "label"
            stmt = _STATEMENTS.get(self.engine, kind, _BUILDERS[kind])
            exists = _STATEMENTS.get(self.engine, "exists", _BUILDERS["exists"])

            async def work(driver: Any, timeout: float) -> tuple[Sequence[Any] | None, bool]:
                row = await stmt.fetchrow(driver, params, timeout)
                if row is not None:
                    return row, True
                return None, await exists.fetchrow(driver, params, timeout) is not None

            row, found = await driver_read(self.engine, work)
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
