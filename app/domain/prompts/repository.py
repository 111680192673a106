"""The registry's statements that differ per database dialect: one function per dialect, one entry point each.

PostgreSQL gets single-statement forms (array aggregates, data-modifying CTEs) that keep round trips and lock
hold times short; other dialects (the embedded SQLite default) get portable statements. Services call the entry
points (`numbering_lock`, `current_labels`, `write_version`, `page_columns`, `tags_and_labels`) and never
branch on the dialect themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast
from uuid import UUID

import msgspec
from sqlalchemy import Row, Table, Update, func, insert, literal, null, select, text, union_all, update
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from uuid_utils.compat import uuid7

from app.db.models.prompts import LabelEvent, Prompt, PromptLabel, PromptTag, PromptVersion

_PROMPT_T = cast(Table, Prompt.__table__)
_P = _PROMPT_T.c
_PROMPT = _P
_VERSION_T = cast(Table, PromptVersion.__table__)
_LABEL_T = cast(Table, PromptLabel.__table__)
_L = _LABEL_T.c
_LABEL = _L
_TAG = cast(Table, PromptTag.__table__).c
_EVENT_T = cast(Table, LabelEvent.__table__)


def is_postgres(session: AsyncSession) -> bool:
    """Whether `session` talks to PostgreSQL (the single-statement forms) or another database (portable forms)."""
    return session.bind.dialect.name == "postgresql"


# --- version creation -----------------------------------------------------------------------------------------


def numbering_lock(lock: Update, moved: list[str], *, postgres: bool) -> Update:
    """The numbering `UPDATE ... RETURNING id, kind, version_count`; on PostgreSQL it also returns where the labels
    in `moved` point now (two arrays), which saves a round trip under the lock."""
    return lock.returning(*_current_labels_columns(moved)) if postgres else lock


async def current_labels(
    session: AsyncSession, row: Row[Any], prompt_id: Any, moved: list[str], *, postgres: bool
) -> dict[str, int]:
    """Where the labels in `moved` point now: read from the lock's RETURNING row, or with one query elsewhere."""
    if postgres:
        return dict(zip(row[3] or (), row[4] or (), strict=True))
    rows = await session.execute(select(_L.name, _L.version).where(_L.prompt_id == prompt_id, _L.name.in_(moved)))
    return dict(rows.tuples().all())


async def write_version(
    session: AsyncSession,
    values: dict[str, Any],
    events: list[dict[str, Any]],
    moved: list[str],
    current: dict[str, int],
    *,
    postgres: bool,
) -> None:
    """Insert the version row, point the `moved` labels at it and add their `events`; no commit."""
    if postgres:
        await session.execute(_WRITE_PG, _write_params(values, events, moved))
    else:
        await _write_version_generic(session, values, events, moved, current)


async def _write_version_generic(
    session: AsyncSession,
    values: dict[str, Any],
    events: list[dict[str, Any]],
    moved: list[str],
    current: dict[str, int],
) -> None:
    prompt_id, number, now = values["prompt_id"], values["version"], values["created_at"]
    await session.execute(insert(_VERSION_T).values(values))
    existing = [label for label in moved if label in current]
    if existing:
        await session.execute(
            update(_LABEL_T)
            .where(_L.prompt_id == prompt_id, _L.name.in_(existing))
            .values(version=number, updated_at=now)
        )
    added = [label for label in moved if label not in current]
    if added:
        await session.execute(
            insert(_LABEL_T).values(
                [
                    {
                        "id": uuid7(),
                        "prompt_id": prompt_id,
                        "name": label,
                        "version": number,
                        "created_at": now,
                        "updated_at": now,
                    }
                    for label in added
                ]
            )
        )
    await session.execute(insert(_EVENT_T).values(events))


def _current_labels_columns(names: list[str]) -> list[Any]:
    """For the numbering UPDATE's RETURNING (PostgreSQL): the labels among `names` and their versions now."""
    where = (_L.prompt_id == _P.id, _L.name.in_(names))
    return [
        select(func.array_agg(aggregate_order_by(_L.name, _L.name))).where(*where).scalar_subquery(),
        select(func.array_agg(aggregate_order_by(_L.version, _L.name))).where(*where).scalar_subquery(),
    ]


# PostgreSQL: the version, its labels (upserted) and their events in ONE statement, so the prompt row lock is
# held for the numbering UPDATE, this round trip and the commit. Plain SQL: SQLAlchemy does not cache the
# compiled form of multi-row VALUES or ON CONFLICT constructs, and compiling them cost more than the rest of
# the write. Data-modifying CTEs always run to completion, referenced or not.
_WRITE_PG = text("""
WITH new_version AS (
    INSERT INTO prompt_version (id, prompt_id, version, text, messages, variables, model_config, commit_message,
                                author_type, author_id, author_label, source, content_hash, parent_version, brief,
                                token_counts, lint_summary, created_at, updated_at)
    VALUES (CAST(:id AS uuid), CAST(:prompt_id AS uuid), CAST(:version AS integer), CAST(:text AS text),
            CAST(:messages AS jsonb), CAST(:variables AS jsonb), CAST(:model_config AS jsonb),
            CAST(:commit_message AS text), CAST(:author_type AS varchar), CAST(:author_id AS uuid),
            CAST(:author_label AS varchar), CAST(:source AS varchar), CAST(:content_hash AS varchar),
            CAST(:parent_version AS integer), CAST(:brief AS jsonb), CAST(:token_counts AS jsonb),
            CAST(:lint_summary AS jsonb), CAST(:created_at AS timestamptz), CAST(:now AS timestamptz))
), moved_labels AS (
    INSERT INTO prompt_label (id, prompt_id, name, version, created_at, updated_at)
    SELECT l.id, CAST(:prompt_id AS uuid), l.name, CAST(:version AS integer), CAST(:now AS timestamptz),
           CAST(:now AS timestamptz)
    FROM unnest(CAST(:label_ids AS uuid[]), CAST(:label_names AS varchar[])) AS l(id, name)
    ON CONFLICT ON CONSTRAINT uq_prompt_label_name
    DO UPDATE SET version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
)
INSERT INTO label_event (id, prompt_id, label, action, from_version, to_version, actor_type, actor_id,
                         actor_label, request_id, created_at, updated_at)
SELECT e.id, CAST(:prompt_id AS uuid), e.label, e.action, e.from_version, CAST(:version AS integer),
       CAST(:actor_type AS varchar), CAST(:actor_id AS uuid), CAST(:actor_label AS varchar),
       CAST(:request_id AS varchar), CAST(:now AS timestamptz), CAST(:now AS timestamptz)
FROM unnest(CAST(:event_ids AS uuid[]), CAST(:label_names AS varchar[]), CAST(:actions AS varchar[]),
            CAST(:from_versions AS integer[])) AS e(id, label, action, from_version)
""")
_JSON_COLUMNS = ("messages", "variables", "model_config", "brief", "token_counts", "lint_summary")


def _write_params(values: dict[str, Any], events: list[dict[str, Any]], moved: list[str]) -> dict[str, Any]:
    """Parameters of `_WRITE_PG`: JSON columns encoded here (msgspec), one array element per moved label."""
    params = {
        key: values[key]
        for key in (
            "id",
            "prompt_id",
            "version",
            "text",
            "commit_message",
            "author_type",
            "author_id",
            "author_label",
            "source",
            "content_hash",
            "parent_version",
            "created_at",
        )
    }
    for key in _JSON_COLUMNS:
        value = values[key]
        params[key] = None if value is None else msgspec.json.encode(value).decode()
    params.update(
        now=events[0]["created_at"],
        request_id=events[0]["request_id"],
        actor_type=events[0]["actor_type"],
        actor_id=events[0]["actor_id"],
        actor_label=events[0]["actor_label"],
        label_ids=[uuid7() for _ in moved],
        label_names=moved,
        event_ids=[e["id"] for e in events],
        actions=[e["action"] for e in events],
        from_versions=[e["from_version"] for e in events],
    )
    return params


# --- prompt list ------------------------------------------------------------------------------------------------

_LIST_COLUMNS: list[Any] = [
    _P.id,
    _P.name,
    _P.kind,
    _P.description,
    _P.archived,
    _P.version_count,
    _P.revision,
    _P.created_at,
    _P.updated_at,
]
"""The columns of a listed prompt, by position (`ListedPrompt` rows)."""


def page_columns(*, postgres: bool) -> list[Any]:
    """The SELECT list of a page of prompts: on PostgreSQL also its tags and labels, aggregated inline."""
    return _LIST_COLUMNS + _AGGREGATES if postgres else list(_LIST_COLUMNS)


async def tags_and_labels(
    conn: AsyncSession | AsyncConnection, rows: list[Row[Any]], *, postgres: bool
) -> tuple[dict[UUID, list[str]], dict[UUID, dict[str, int]]]:
    """Tags and labels of a page of prompts: from the rows' aggregates on PostgreSQL, one query elsewhere."""
    if not postgres:
        return await _tags_and_labels_generic(conn, [r[0] for r in rows])
    return aggregated_tags_and_labels(rows)


def aggregated_tags_and_labels(rows: Sequence[Sequence[Any]]) -> tuple[dict[Any, list[str]], dict[Any, dict[str, int]]]:
    """Tags and labels of a page of prompts read from its PostgreSQL rows' aggregates (`page_columns`)."""
    width = len(_LIST_COLUMNS)
    tags = {r[0]: list(r[width] or []) for r in rows}
    labels = {r[0]: dict(zip(r[width + 1] or (), r[width + 2] or (), strict=True)) for r in rows}
    return tags, labels


# PostgreSQL: tags (sorted), label names and their versions (sorted by name), one correlated aggregate each,
# each an index range scan (`uq_prompt_tag`, `uq_prompt_label_name`).
_AGGREGATES = [
    select(func.array_agg(aggregate_order_by(_TAG.tag, _TAG.tag)))
    .where(_TAG.prompt_id == _PROMPT.id)
    .scalar_subquery()
    .label("tags"),
    select(func.array_agg(aggregate_order_by(_LABEL.name, _LABEL.name)))
    .where(_LABEL.prompt_id == _PROMPT.id)
    .scalar_subquery()
    .label("label_names"),
    select(func.array_agg(aggregate_order_by(_LABEL.version, _LABEL.name)))
    .where(_LABEL.prompt_id == _PROMPT.id)
    .scalar_subquery()
    .label("label_versions"),
]


async def _tags_and_labels_generic(
    conn: AsyncSession | AsyncConnection, ids: list[UUID]
) -> tuple[dict[UUID, list[str]], dict[UUID, dict[str, int]]]:
    """Tags and labels of a page of prompts in one query (the portable path; PostgreSQL aggregates inline)."""
    tags: dict[UUID, list[str]] = {}
    labels: dict[UUID, dict[str, int]] = {}
    if not ids:
        return tags, labels
    stmt = union_all(
        select(_TAG.prompt_id, literal("t").label("k"), _TAG.tag.label("n"), null().label("v")).where(
            _TAG.prompt_id.in_(ids)
        ),
        select(_LABEL.prompt_id, literal("l").label("k"), _LABEL.name.label("n"), _LABEL.version.label("v")).where(
            _LABEL.prompt_id.in_(ids)
        ),
    ).order_by("n")
    for prompt_id, kind, name, version in (await conn.execute(stmt)).all():
        if kind == "t":
            tags.setdefault(prompt_id, []).append(name)
        else:
            labels.setdefault(prompt_id, {})[name] = version
    return tags, labels
