"""Alembic environment: one set of migrations for SQLite and PostgreSQL.

It always builds its own short-lived engine (NullPool) from the configured URL instead of reusing the
application's pooled engine: migrations run in their own event loop (a worker thread at app start, or
the CLI), and pooled asyncpg connections must not cross event loops.
"""

import asyncio
from typing import TYPE_CHECKING

from advanced_alchemy.base import metadata_registry
from alembic import context
from alembic.autogenerate import rewriter
from sqlalchemy import pool
from sqlalchemy.ext.asyncio import create_async_engine

import app.db.models  # noqa: F401 - registers every table on the shared metadata
from app.config.database import postgres_connect_args
from app.config.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from advanced_alchemy.alembic.commands import AlembicCommandConfig
    from sqlalchemy.engine import Connection

config: "AlembicCommandConfig" = context.config  # type: ignore[assignment]
writer = rewriter.Rewriter()


def _configure(**kwargs: object) -> None:
    context.configure(
        target_metadata=metadata_registry.get(config.bind_key),
        compare_type=config.compare_type,
        version_table=config.version_table_name,
        version_table_schema=config.version_table_schema,
        version_table_pk=config.version_table_pk,
        user_module_prefix=config.user_module_prefix,
        render_as_batch=config.render_as_batch,
        process_revision_directives=writer,
        **kwargs,  # type: ignore[arg-type]
    )


def run_migrations_offline() -> None:
    _configure(url=config.db_url, literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def do_run_migrations(connection: "Connection") -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


async def run_migrations_online() -> None:
    # Migrations get their own, longer statement bound (DB_MIGRATION_STATEMENT_TIMEOUT), never an unbounded one.
    connect_args: dict[str, object] = {}
    if config.db_url.startswith("postgresql"):
        try:
            settings = load_settings()
        except SettingsError:  # the app refuses such settings itself; here the default bound still applies
            settings = Settings()
        connect_args = postgres_connect_args(settings, statement_timeout=settings.db_migration_statement_timeout)
    engine = create_async_engine(config.db_url, poolclass=pool.NullPool, connect_args=connect_args)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(do_run_migrations)
    finally:
        await engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    asyncio.run(run_migrations_online())
