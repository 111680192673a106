"""The models and the migrations agree: autogenerate against the migrated database finds nothing to do."""

from __future__ import annotations

from typing import Any

from advanced_alchemy.base import metadata_registry
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, Table, text
from sqlalchemy.ext.asyncio import AsyncEngine

import app.db.models  # noqa: F401 - registers every table on the shared metadata
from app.config.database import MIGRATIONS_DIR


def _metadata() -> MetaData:
    return metadata_registry.get(None)


def _compare(conn: Any) -> list[Any]:
    context = MigrationContext.configure(
        conn,
        opts={"compare_type": True, "compare_server_default": True, "target_metadata": _metadata()},
    )
    return compare_metadata(context, _metadata())


async def test_models_match_migrations_on_postgresql(db_engine: AsyncEngine):
    async with db_engine.connect() as conn:
        diff = await conn.run_sync(_compare)
    assert diff == [], "models and migrations disagree; generate a migration:\n" + "\n".join(map(str, diff))


async def test_database_is_at_the_single_head(db_engine: AsyncEngine):
    heads = ScriptDirectory(str(MIGRATIONS_DIR)).get_heads()
    assert len(heads) == 1, f"several migration heads (merge them): {heads}"
    async with db_engine.connect() as conn:
        version = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar_one()
    assert version == heads[0]


async def test_every_model_table_exists(db_engine: AsyncEngine):
    async with db_engine.connect() as conn:
        existing = set(
            (await conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))).scalars()
        )
    assert set(_metadata().tables) <= existing


async def test_comparison_detects_a_difference(db_engine: AsyncEngine):
    """Guards the test above against passing vacuously (e.g. an empty metadata)."""
    changed = MetaData()
    for table in _metadata().tables.values():
        table.to_metadata(changed)
    Table("not_migrated_yet", changed, Column("id", Integer, primary_key=True))

    def compare(conn: Any) -> list[Any]:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "target_metadata": changed})
        return compare_metadata(context, changed)

    async with db_engine.connect() as conn:
        diff = await conn.run_sync(compare)
    assert [d[0] for d in diff] == ["add_table"]
    assert _metadata().tables
