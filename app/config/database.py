"""The SQLAlchemy engine and Advanced Alchemy configuration, with pool settings from Settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from advanced_alchemy.extensions.litestar import (
    AlembicAsyncConfig,
    AsyncSessionConfig,
    SQLAlchemyAsyncConfig,
)
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry

from app.config.settings import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def create_engine(settings: Settings) -> AsyncEngine:
    """Engine with a bounded pool: checkout timeout, pre-ping and recycle all come from settings."""
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            url,
            echo=settings.db_echo,
            pool_pre_ping=settings.db_pre_ping,
            connect_args={"timeout": settings.db_pool_timeout},
        )

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _: ConnectionPoolEntry) -> None:
            # Foreign keys are off by default in SQLite; cascades depend on them. WAL lets readers run beside a writer.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()

        return engine
    return create_async_engine(
        url,
        echo=settings.db_echo,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout,
        pool_pre_ping=settings.db_pre_ping,
        pool_recycle=settings.db_pool_recycle,
        connect_args={
            "timeout": settings.db_pool_timeout,
            "command_timeout": 30,
            "server_settings": {"application_name": "promptsmith"},
        },
    )


def create_alchemy_config(settings: Settings, engine: AsyncEngine | None = None) -> SQLAlchemyAsyncConfig:
    """Advanced Alchemy config. The default exception handler is off: `app.lib.problems` owns error format."""
    return SQLAlchemyAsyncConfig(
        engine_instance=engine or create_engine(settings),
        session_config=AsyncSessionConfig(expire_on_commit=False),
        before_send_handler="autocommit",
        set_default_exception_handler=False,
        alembic_config=AlembicAsyncConfig(
            script_location=str(MIGRATIONS_DIR),
            version_table_name="alembic_version",
            compare_type=True,
            render_as_batch=True,
        ),
    )
