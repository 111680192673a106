"""Shared fixtures: a dedicated PostgreSQL database and Redis namespace, migrated once per session.

Defaults: `TEST_DATABASE_URL=postgresql+asyncpg://postgres@localhost:5432/test` (used only as the admin
connection: the tests create and drop their own database `promptsmith_test_<pid>`) and
`TEST_REDIS_URL=redis://localhost:6379/0` (keys live under a random namespace that is deleted afterwards).
"""

from __future__ import annotations

import asyncio
import os
import threading
import uuid
import weakref
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import pytest
from advanced_alchemy.alembic.commands import AlembicCommands
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import Pool

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


_RUNNING_APPS: dict[int, tuple[asyncio.AbstractEventLoop, str]] = {}
"""id(app) -> (event loop, thread name) of the lifespan of every app currently started in this process."""
_POOL_LOOPS: weakref.WeakKeyDictionary[Pool, tuple[asyncio.AbstractEventLoop, str]] = weakref.WeakKeyDictionary()
"""Connection pool -> (event loop, thread name) of its first checkout from a running loop."""


def _loop_and_thread() -> tuple[asyncio.AbstractEventLoop, str] | None:
    try:
        return asyncio.get_running_loop(), threading.current_thread().name
    except RuntimeError:
        return None


def _wrong_loop(what: str, owner: tuple[asyncio.AbstractEventLoop, str]) -> RuntimeError:
    return RuntimeError(
        f"{what} belongs to the event loop of thread {owner[1]!r} but is used from thread "
        f"{threading.current_thread().name!r}: an app started by a test client runs in the client's thread; drive it "
        "through that client, or build a separate app for the test's own loop (see tests/conftest.py)"
    )


@pytest.fixture(scope="session", autouse=True)
def _apps_stay_on_the_loop_that_started_them() -> Iterator[None]:
    """Fail a test that uses an app or a connection pool from another event loop than the one it belongs to.

    An app's engine pool, Redis pool and background tasks belong to the loop (and thread) of its lifespan, and
    an `AsyncTestClient` runs that loop in its own portal thread. Driving the same app from the test's loop
    (`httpx.ASGITransport(app=app)` on the app of the `client` fixture, or queries on its engine)
    uses one asyncpg connection from two threads at once: xdist workers died of segfaults that way (the portal
    thread in `_read_ready__data_received`, the test's thread in asyncpg `fetchval`), and xdist then hung.
    Both checks raise before any connection is touched.
    """
    original_lifespan = Litestar.lifespan
    original_call = Litestar.__call__
    original_connect = Pool.connect

    @asynccontextmanager
    async def lifespan(self: Litestar) -> AsyncIterator[None]:
        _RUNNING_APPS[id(self)] = (asyncio.get_running_loop(), threading.current_thread().name)
        try:
            async with original_lifespan(self):
                yield
        finally:
            _RUNNING_APPS.pop(id(self), None)

    async def call(self: Litestar, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "lifespan":
            owner = _RUNNING_APPS.get(id(self))
            if owner is not None and owner[0] is not asyncio.get_running_loop():
                raise _wrong_loop("this app", owner)
        await original_call(self, scope, receive, send)

    def connect(self: Pool) -> Any:
        current = _loop_and_thread()
        if current is not None:
            owner = _POOL_LOOPS.setdefault(self, current)
            if owner[0] is not current[0]:
                raise _wrong_loop("this engine's connection pool", owner)
        return original_connect(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Litestar, "lifespan", lifespan)
        patch.setattr(Litestar, "__call__", call)
        patch.setattr(Pool, "connect", connect)
        yield


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
