"""Shared fixtures: a dedicated PostgreSQL database and Redis namespace, migrated once per session.

Defaults: `TEST_DATABASE_URL=postgresql+asyncpg://postgres@localhost:5432/test` (used only as the admin
connection: the tests create and drop their own database `promptsmith_test_<pid>`) and
`TEST_REDIS_URL=redis://localhost:6379/0` (keys live under a random namespace that is deleted afterwards).
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import asyncpg
import pytest
from advanced_alchemy.alembic.commands import AlembicCommands
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from app.config.database import create_alchemy_config
from app.config.settings import Settings, load_settings
from app.server.asgi import create_app

ADMIN_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+asyncpg://postgres@localhost:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://localhost:6379/0")
TEST_SECRET = "test-secret-key-that-is-long-enough-0123456789"


def _worker_database_url() -> str:
    # One database per test process (xdist workers included), so parallel runs never drop each other's.
    name = f"promptsmith_test_{os.getpid()}"
    return make_url(ADMIN_DATABASE_URL).set(database=name).render_as_string(hide_password=False)


def _asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def make_settings(**overrides: Any) -> Settings:
    """Settings for an app under test; keyword overrides use the environment variable names."""
    env = {
        "ENVIRONMENT": "test",
        "SECRET_KEY": TEST_SECRET,
        "DATABASE_URL": _worker_database_url(),
        "REDIS_URL": REDIS_URL,
        "REDIS_NAMESPACE": TEST_REDIS_NAMESPACE,
        "AUTO_MIGRATE": "false",
        "DB_CONNECT_RETRIES": "2",
        "DB_CONNECT_RETRY_DELAY": "0.1",
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "WARNING",
    }
    env.update({k.upper(): str(v) for k, v in overrides.items() if v is not None})
    for key in [k.upper() for k, v in overrides.items() if v is None]:
        env.pop(key, None)
    return load_settings(env, env_file=None)


TEST_REDIS_NAMESPACE = f"promptsmith-test-{uuid.uuid4().hex[:8]}"


async def _recreate_database(url: str) -> None:
    name = make_url(url).database
    admin = await asyncpg.connect(_asyncpg_dsn(ADMIN_DATABASE_URL))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()


async def _drop_database(url: str) -> None:
    name = make_url(url).database
    admin = await asyncpg.connect(_asyncpg_dsn(ADMIN_DATABASE_URL))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test session (one per xdist worker)."""
    url = _worker_database_url()
    asyncio.run(_recreate_database(url))
    settings = make_settings()
    AlembicCommands(sqlalchemy_config=create_alchemy_config(settings)).upgrade("head")
    yield url
    asyncio.run(_drop_database(url))


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    return make_settings()


@pytest.fixture
async def app(settings: Settings) -> Litestar:
    return create_app(settings)


@pytest.fixture
async def client(app: Litestar) -> AsyncIterator[AsyncTestClient[Litestar]]:
    """A client on https:// so that Secure cookies are sent back, as a browser would."""
    async with AsyncTestClient(app=app, base_url="https://testserver.local") as test_client:
        yield test_client


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    client = Redis.from_url(REDIS_URL)
    yield client
    await client.aclose()


@pytest.fixture(scope="session")
async def _redis_namespace_cleanup() -> AsyncIterator[None]:
    yield
    client = Redis.from_url(REDIS_URL)
    async for key in client.scan_iter(match=f"{TEST_REDIS_NAMESPACE}*", count=1000):
        await client.unlink(key)
    await client.aclose()


@pytest.fixture(autouse=True)
def _cleanup_redis_at_end(_redis_namespace_cleanup: None) -> None:
    """Pulls the session-scoped Redis cleanup into every test session."""


@pytest.fixture(scope="session")
async def db_engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
async def db_session(db_engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    """A session for direct assertions on what the app stored (never used to fake app behaviour)."""
    async with async_sessionmaker(db_engine, expire_on_commit=False)() as session:
        yield session
