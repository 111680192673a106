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
from sqlalchemy.exc import DisconnectionError
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
    engine = create_async_engine(
        url,
        echo=settings.db_echo,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout,
        pool_pre_ping=False,  # replaced by the bounded ping below
        pool_recycle=settings.db_pool_recycle,
        connect_args={
            "timeout": settings.db_pool_timeout,
            "command_timeout": 30,
            "server_settings": {"application_name": "promptsmith"},
        },
    )
    if settings.db_pre_ping:
        _install_bounded_pre_ping(engine, timeout=min(settings.db_pool_timeout, PRE_PING_TIMEOUT))
    return engine


PRE_PING_TIMEOUT = 1.0
"""Upper bound (seconds) of the liveness check of a pooled connection; a healthy one answers in well under 1 ms."""


def _install_bounded_pre_ping(engine: AsyncEngine, timeout: float) -> None:
    """Check a pooled connection before each checkout, within `timeout`.

    SQLAlchemy's own pre-ping on asyncpg (BEGIN; ; ROLLBACK: three round trips) has no timeout of its own, so a
    pooled connection to a database that hangs (network partition, frozen server) held the request for asyncpg's
    command_timeout (30 s). This ping is one `SELECT 1` bounded by `timeout`; when it fails or times out the pool
    drops the connection and opens a new one, which is bounded by the connect timeout (DB_POOL_TIMEOUT). Brand-new
    connections are not pinged, as with SQLAlchemy's pre-ping.
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _mark_fresh(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info["promptsmith_fresh"] = True

    @event.listens_for(engine.sync_engine, "checkout")
    def _ping(dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: Any) -> None:
        if record.info.pop("promptsmith_fresh", False):
            return
        driver = dbapi_connection.driver_connection
        try:
            dbapi_connection.await_(driver.fetchval("SELECT 1", timeout=timeout))
        except Exception as exc:  # any failure: let the pool replace the connection
            # Close the socket now: the pool's own close would first wait up to 2 s for a graceful goodbye.
            driver.terminate()
            raise DisconnectionError(f"pre-ping failed ({type(exc).__name__})") from exc


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
