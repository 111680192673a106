"""The runtime hot path: what an SDK needs for one prompt, by label (default `production`) or version.

The response body is serialised once per (prompt, selector) and cached as bytes with its ETag (see
`app.domain.prompts.cache`). A cached answer costs no database query and, on a local hit, no Redis round
trip. When the database is unreachable the last known good answer is served with `X-Cache: stale;
db-unavailable`; when Redis is down, the database answers.

On a miss the HTTP handler loads through `LeanLoader`: one prepared Core statement on a pooled connection in
autocommit mode (no ORM session, no objects, no BEGIN/COMMIT), so an uncached resolve is one query.
"""

from __future__ import annotations

import hashlib
from typing import Any
from uuid import UUID

import msgspec
from sqlalchemy import and_, bindparam, select
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db.models.prompts import Prompt, PromptLabel, PromptVersion
from app.domain.prompts.cache import Answer, ResolveCache, prompt_key, selector
from app.domain.prompts.content import not_found
from app.domain.prompts.services import PromptRegistry
from app.lib.errors import NotFoundError, ServiceUnavailableError

DEFAULT_LABEL = "production"
_encoder = msgspec.json.Encoder()


def is_db_unavailable(exc: BaseException) -> bool:
    if isinstance(exc, (OperationalError, InterfaceError, PoolTimeoutError, OSError, TimeoutError)):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    cause = exc.__cause__ or exc.__context__
    return cause is not None and cause is not exc and isinstance(cause, (OSError, TimeoutError))


def build_answer(row: Any, label: str | None) -> Answer:
    body = _encoder.encode(
        {
            "name": row.name,
            "version": row.version,
            "label": label,
            "kind": row.kind,
            "text": row.text,
            "messages": row.messages,
            "variables": row.variables or [],
            "modelConfig": row.model_config or {},
            "contentHash": row.content_hash,
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
        raise NotFoundError(f"Prompt {name!r} has no {what}.")
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


class LeanLoader:
    """Loads a resolve answer with one Core query on a pooled connection (autocommit: no BEGIN/COMMIT)."""

    __slots__ = ("engine", "workspace_id")

    def __init__(self, engine: AsyncEngine, workspace_id: UUID) -> None:
        self.engine = engine
        self.workspace_id = workspace_id

    async def load(self, name: str, label: str | None, version: int | None) -> Answer:
        params: dict[str, Any] = {"ws": self.workspace_id, "name": name}
        if version is not None:
            stmt, params["version"] = _BY_VERSION, version
        else:
            stmt, params["label"] = _BY_LABEL, label
        async with self.engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            row = (await conn.execute(stmt, params)).one_or_none()
            if row is None:
                if (await conn.execute(_EXISTS, {"ws": self.workspace_id, "name": name})).first() is None:
                    raise not_found(name)
                what = f"version {version}" if version is not None else f"label {label!r}"
                raise NotFoundError(f"Prompt {name!r} has no {what}.")
        return build_answer(row, label if version is None else None)


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
        if not is_db_unavailable(exc):
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


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return etag in {c.strip().removeprefix("W/") for c in if_none_match.split(",")}
