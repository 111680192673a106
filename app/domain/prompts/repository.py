"""The registry's statements that differ per database dialect: one function per dialect, one entry point each.

PostgreSQL gets single-statement forms (array aggregates, data-modifying CTEs) that keep round trips and lock
hold times short; other dialects (the embedded SQLite default) get portable statements. Services call the entry
points (`create_version_pg` / `write_labels_pg` or `current_labels` / `write_version`, `page_columns`,
`tags_and_labels`) and otherwise do not branch on the dialect.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast
from uuid import UUID

import msgspec
from sqlalchemy import Row, Table, func, insert, literal, null, select, text, union_all, update
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql.elements import TextClause
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


async def current_labels(session: AsyncSession, prompt_id: Any, moved: list[str]) -> dict[str, int]:
    """Where the labels in `moved` point now (portable path; run after the numbering lock is held)."""
    rows = await session.execute(select(_L.name, _L.version).where(_L.prompt_id == prompt_id, _L.name.in_(moved)))
    return dict(rows.tuples().all())


async def write_version(
    session: AsyncSession,
    values: dict[str, Any],
    events: list[dict[str, Any]],
    moved: list[str],
    current: dict[str, int],
) -> None:
    """Insert the version row, point the `moved` labels at it and add their `events`; no commit (portable path)."""
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


async def create_version_pg(session: AsyncSession, params: dict[str, Any], *, at_once: bool = False) -> Row[Any] | None:
    """PostgreSQL: number, store and label a version in ONE statement (`_CREATE_PG`); no commit.

    Returns `(prompt id, kind, number, stored, fresh, at, label names, label versions)`, or None when the
    prompt does not exist. `stored` is false when the kind or the parent version did not match (nothing was
    written but the numbering, which the caller rolls back). `fresh` is false when another writer changed the
    prompt between this statement's snapshot and its lock: the labels were then not written, and
    `write_labels_pg` must do it in a new statement, which sees that writer's labels.

    With `at_once` (`_CREATE_PG_AT_ONCE`, for a connection in autocommit: the statement is the transaction) the
    numbering itself only happens when the prompt is still as the snapshot saw it and the kind and parent version
    match, so the statement writes everything or nothing: `number` is None when it wrote nothing (the caller then
    takes the locking path, which says why or succeeds).
    """
    return (await session.execute(_CREATE_PG_AT_ONCE if at_once else _CREATE_PG, params)).one_or_none()


def create_version_at_once() -> TextClause:
    """`_CREATE_PG_AT_ONCE` itself, for a caller that compiles it for the driver (`leanread.CompiledStatements`),
    with the parameters of `create_params`."""
    return _CREATE_PG_AT_ONCE


async def write_labels_pg(session: AsyncSession, params: dict[str, Any]) -> dict[str, int]:
    """PostgreSQL: point the moved labels at the new version and record their events, reading where they point now
    in the same statement (under the prompt row lock already held); returns that reading."""
    row = (await session.execute(_LABELS_PG, params)).one()
    return dict(zip(row[0] or (), row[1] or (), strict=True))


def create_params(
    values: dict[str, Any],
    *,
    workspace_id: Any,
    name: str,
    kind: str,
    parent_version: int | None,
    fixed_parent: bool,
    moved: list[str],
    event_ids: list[Any],
    actor: dict[str, Any],
    outbox: dict[str, Any] | None,
) -> dict[str, Any]:
    """Parameters of `_CREATE_PG` (and of `_LABELS_PG`, a subset): JSON columns encoded here with msgspec.

    `parent_version` is the one the client based its version on (checked under the lock); with `fixed_parent`
    the stored parent is `values["parent_version"]` (an import's mapping), else the version before.
    """
    params = {key: values.get(key) for key in _VERSION_KEYS}
    for key in _JSON_COLUMNS:
        value = values.get(key)
        params[key] = None if value is None else msgspec.json.encode(value).decode()
    params.update(
        workspace_id=workspace_id,
        name=name,
        kind=kind,
        parent_version=parent_version,
        fixed_parent=fixed_parent,
        stored_parent=values.get("parent_version"),
        label_ids=[uuid7() for _ in moved],
        label_names=moved,
        event_ids=event_ids,
        **actor,
    )
    outbox = outbox or {}
    params.update(
        outbox_event_id=outbox.get("event_id"),
        outbox_event_type=outbox.get("event_type"),
        outbox_labels=msgspec.json.encode(outbox.get("labels", [])).decode(),
        outbox_payload=msgspec.json.encode(outbox.get("payload", {})).decode(),
    )
    return params


_VERSION_KEYS = (
    "id",
    "text",
    "commit_message",
    "author_type",
    "author_id",
    "author_label",
    "source",
    "content_hash",
    "created_at",
)
"""Version columns passed as they are; `created_at` is None unless an import sets it (then the lock's time)."""
_JSON_COLUMNS = ("messages", "variables", "model_config", "brief", "token_counts", "lint_summary")

# PostgreSQL, one round trip for the whole write, the prompt row lock held from this statement to the commit:
# * `seen` reads the prompt in the statement's snapshot, `numbered` takes the row lock and the next number (a
#   writer that committed meanwhile is seen by the UPDATE, never by the snapshot's other reads);
# * `ok` is the numbered row when its kind and parent version match (else nothing is written: the caller reads
#   why from the returned row and rolls back), `fresh` when nobody changed the prompt since the snapshot: every
#   label write takes this lock and bumps `revision`, so the snapshot's labels are then the current ones;
# * the version, the labels (upserted) and their events (`set` for a new label, `move` otherwise), and the
#   webhook outbox row of a `version.created` event (its payload's version filled in here).
# Data-modifying CTEs always run to completion, referenced or not. Plain SQL: SQLAlchemy does not cache the
# compiled form of multi-row VALUES or ON CONFLICT constructs, and compiling them cost more than the write.
# `_CREATE_PG_AT_ONCE` is the same statement with the checks moved into the numbering's WHERE (re-checked on the
# row's newest version after a lock wait), and the snapshot's row returned even when nothing was numbered.
_CREATE_PG_SQL = """
WITH seen AS (
    SELECT id, kind, revision FROM prompt
    WHERE workspace_id = CAST(:workspace_id AS uuid) AND name = CAST(:name AS varchar)
), numbered AS (
    UPDATE prompt SET version_count = version_count + 1, revision = revision + 1, updated_at = clock_timestamp()
    WHERE workspace_id = CAST(:workspace_id AS uuid) AND name = CAST(:name AS varchar)/*AT_ONCE*/
    RETURNING id, kind, version_count AS number, revision, updated_at AS at
), ok AS (
    SELECT n.id, n.number, n.at, coalesce(s.revision = n.revision - 1, false) AS fresh
    FROM numbered n LEFT JOIN seen s ON s.id = n.id
    WHERE n.kind = CAST(:kind AS varchar)
      AND (CAST(:parent_version AS integer) IS NULL OR CAST(:parent_version AS integer) = n.number - 1)
), current_labels AS (
    SELECT l.name, l.version FROM prompt_label l JOIN ok ON l.prompt_id = ok.id
    WHERE ok.fresh AND l.name = ANY(CAST(:label_names AS varchar[]))
), new_version AS (
    INSERT INTO prompt_version (id, prompt_id, version, text, messages, variables, model_config, commit_message,
                                author_type, author_id, author_label, source, content_hash, parent_version, brief,
                                token_counts, lint_summary, created_at, updated_at)
    SELECT CAST(:id AS uuid), ok.id, ok.number, CAST(:text AS text), CAST(:messages AS jsonb),
           CAST(:variables AS jsonb), CAST(:model_config AS jsonb), CAST(:commit_message AS text),
           CAST(:author_type AS varchar), CAST(:author_id AS uuid), CAST(:author_label AS varchar),
           CAST(:source AS varchar), CAST(:content_hash AS varchar),
           CASE WHEN CAST(:fixed_parent AS boolean) THEN CAST(:stored_parent AS integer)
                ELSE nullif(ok.number - 1, 0) END,
           CAST(:brief AS jsonb), CAST(:token_counts AS jsonb), CAST(:lint_summary AS jsonb),
           coalesce(CAST(:created_at AS timestamptz), ok.at), ok.at
    FROM ok
), moved_labels AS (
    INSERT INTO prompt_label (id, prompt_id, name, version, created_at, updated_at)
    SELECT l.id, ok.id, l.name, ok.number, ok.at, ok.at
    FROM ok, unnest(CAST(:label_ids AS uuid[]), CAST(:label_names AS varchar[])) AS l(id, name)
    WHERE ok.fresh
    ON CONFLICT ON CONSTRAINT uq_prompt_label_name
    DO UPDATE SET version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
), label_events AS (
    INSERT INTO label_event (id, prompt_id, label, action, from_version, to_version, actor_type, actor_id,
                             actor_label, request_id, created_at, updated_at)
    SELECT e.id, ok.id, e.label, CASE WHEN c.name IS NULL THEN 'set' ELSE 'move' END, c.version, ok.number,
           CAST(:actor_type AS varchar), CAST(:actor_id AS uuid), CAST(:actor_label AS varchar),
           CAST(:request_id AS varchar), ok.at, ok.at
    FROM ok CROSS JOIN unnest(CAST(:event_ids AS uuid[]), CAST(:label_names AS varchar[])) AS e(id, label)
    LEFT JOIN current_labels c ON c.name = e.label
    WHERE ok.fresh
), outbox AS (
    INSERT INTO webhook_outbox (event_id, workspace_id, event_type, prompt, label, labels, payload, created_at)
    SELECT CAST(:outbox_event_id AS uuid), CAST(:workspace_id AS uuid), CAST(:outbox_event_type AS varchar),
           CAST(:name AS varchar), NULL, CAST(:outbox_labels AS jsonb),
           jsonb_set(CAST(:outbox_payload AS jsonb), '{version}', to_jsonb(ok.number)), ok.at
    FROM ok WHERE CAST(:outbox_event_id AS uuid) IS NOT NULL
)
SELECT n.id, n.kind, n.number, ok.id IS NOT NULL, coalesce(ok.fresh, false), n.at,
       (SELECT array_agg(name ORDER BY name) FROM current_labels),
       (SELECT array_agg(version ORDER BY name) FROM current_labels)
FROM numbered n LEFT JOIN ok ON true
"""
_CREATE_PG = text(_CREATE_PG_SQL.replace("/*AT_ONCE*/", ""))
_CREATE_PG_AT_ONCE = text(
    _CREATE_PG_SQL.replace(
        "/*AT_ONCE*/",
        """
      AND revision = (SELECT revision FROM seen) AND kind = CAST(:kind AS varchar)
      AND (CAST(:parent_version AS integer) IS NULL OR version_count = CAST(:parent_version AS integer))""",
    )
    .replace(
        "FROM numbered n LEFT JOIN ok ON true",
        "FROM seen s LEFT JOIN numbered n ON true LEFT JOIN ok ON true",
    )
    .replace("SELECT n.id, n.kind, n.number,", "SELECT s.id, s.kind, n.number,")
)

# PostgreSQL, after `_CREATE_PG` found the prompt changed since its snapshot: the same label writes, in a new
# statement whose snapshot (taken under the lock) has the last writer's labels.
_LABELS_PG = text("""
WITH current_labels AS (
    SELECT name, version FROM prompt_label
    WHERE prompt_id = CAST(:prompt_id AS uuid) AND name = ANY(CAST(:label_names AS varchar[]))
), moved_labels AS (
    INSERT INTO prompt_label (id, prompt_id, name, version, created_at, updated_at)
    SELECT l.id, CAST(:prompt_id AS uuid), l.name, CAST(:number AS integer), CAST(:at AS timestamptz),
           CAST(:at AS timestamptz)
    FROM unnest(CAST(:label_ids AS uuid[]), CAST(:label_names AS varchar[])) AS l(id, name)
    ON CONFLICT ON CONSTRAINT uq_prompt_label_name
    DO UPDATE SET version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
), label_events AS (
    INSERT INTO label_event (id, prompt_id, label, action, from_version, to_version, actor_type, actor_id,
                             actor_label, request_id, created_at, updated_at)
    SELECT e.id, CAST(:prompt_id AS uuid), e.label, CASE WHEN c.name IS NULL THEN 'set' ELSE 'move' END,
           c.version, CAST(:number AS integer), CAST(:actor_type AS varchar), CAST(:actor_id AS uuid),
           CAST(:actor_label AS varchar), CAST(:request_id AS varchar), CAST(:at AS timestamptz),
           CAST(:at AS timestamptz)
    FROM unnest(CAST(:event_ids AS uuid[]), CAST(:label_names AS varchar[])) AS e(id, label)
    LEFT JOIN current_labels c ON c.name = e.label
)
SELECT (SELECT array_agg(name ORDER BY name) FROM current_labels),
       (SELECT array_agg(version ORDER BY name) FROM current_labels)
""")


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
