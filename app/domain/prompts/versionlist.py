"""A page of a prompt's versions in one statement, run by the driver outside a transaction (the HTTP list).

The ORM path (`VersionService.list`) took five round trips: BEGIN, the prompt, the page, the labels, COMMIT. On
this stack each round trip to PostgreSQL costs more CPU than the Python around it (a `send()` on loopback was
0.3-0.6 ms of CPU under load, `bench/results/perf15-profile.md`), so the page is one statement: the prompt row
(its `version_count` is the total: versions are numbered 1..version_count under the prompt's row lock and never
deleted one by one), joined laterally to the page of versions, each with its labels aggregated. Run through
`leanread.driver_read` like the prompt list and the resolve: a pooled connection, the pool's timeout, one retry
on another connection if the one it got broke.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import Integer, Select, bindparam, func, select, true
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db.models.prompts import Prompt, PromptLabel, PromptVersion
from app.domain.prompts.pure.content import not_found
from app.domain.prompts.schemas import Author, VersionPage, VersionSummary
from app.lib.leanread import CompiledStatements, driver_read

VERSION_SUMMARY_COLUMNS = (
    PromptVersion.version,
    PromptVersion.commit_message,
    PromptVersion.author_type,
    PromptVersion.author_id,
    PromptVersion.author_label,
    PromptVersion.source,
    PromptVersion.content_hash,
    PromptVersion.created_at,
)
"""The columns of a version summary (the version list's rows), in `VersionSummary` order."""


def _statement() -> Select[Any]:
    page = (
        select(*VERSION_SUMMARY_COLUMNS)
        .where(PromptVersion.prompt_id == Prompt.id)
        .order_by(PromptVersion.version.desc())
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
        .lateral("page")
    )
    labels = (
        select(func.array_agg(aggregate_order_by(PromptLabel.name, PromptLabel.name)))
        .where(PromptLabel.prompt_id == Prompt.id, PromptLabel.version == page.c.version)
        .scalar_subquery()
    )
    return (
        select(Prompt.version_count, *page.c, labels)
        .select_from(Prompt)
        .outerjoin(page, true())
        .where(Prompt.workspace_id == bindparam("ws"), Prompt.name == bindparam("name"))
        .order_by(page.c.version.desc())
    )


_STATEMENTS = CompiledStatements(maxsize=4)


async def list_versions_lean(
    engine: AsyncEngine, workspace_id: UUID, name: str, limit: int, offset: int
) -> VersionPage:
    """`VersionService.list` in one statement (PostgreSQL through asyncpg only: see `leanread.driver_path`)."""
    stmt = _STATEMENTS.get(engine, "page", _statement)
    params = {"ws": workspace_id, "name": name, "limit": limit, "offset": offset}

    async def work(driver: Any, timeout: float) -> list[Any]:
        return await stmt.fetch(driver, params, timeout)

    rows = await driver_read(engine, work)
    if not rows:
        raise not_found(name)
    items = [
        VersionSummary(
            version=r[1],
            commit_message=r[2],
            author=Author(type=r[3], id=r[4], label=r[5]),
            source=r[6],
            content_hash=r[7],
            labels=list(r[9] or ()),
            created_at=r[8],
        )
        for r in rows
        if r[1] is not None  # the prompt exists, the page is past its last version
    ]
    return VersionPage(items=items, total=rows[0][0], limit=limit, offset=offset)
