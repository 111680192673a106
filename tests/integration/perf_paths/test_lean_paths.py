"""The cheap paths of the second perf pass: the pool's idle ping, the driver-run resolve query, snapshots in the
authorization context and the account guard taken off routes where it does nothing.

* Idle ping (`app.config.database.install_idle_ping`): a bounded read (the uncached resolve) skips the ping of
  a connection used less than DB_PING_IDLE_AFTER seconds ago; an idle one, a suspect one and every request
  session checkout are pinged; a connection the server terminated is replaced, pinged or not, and the next
  request succeeds.
* `LeanLoader` answers byte for byte what the ORM-session loader answers (same body, same ETag).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import asyncpg  # type: ignore[import-untyped]
import pytest
from litestar import Litestar
from litestar.routes import HTTPRoute
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.config.database import bounded_read, create_engine, mark_suspect
from app.domain.access.apikeys import KeySnapshot
from app.domain.access.caches import WorkspaceSnapshot
from app.domain.access.context import Actor, Caller, WorkspaceContext
from app.domain.access.guards import authenticated, workspace_permission
from app.domain.access.runtime import AccessRuntime
from app.domain.delivery.resolve import LeanLoader, load
from app.domain.prompts.services.prompts import PromptRegistry
from app.lib.events import EventBus
from app.lib.services import services_of
from app.server.asgi import create_app
from tests.conftest import make_settings
from tests.integration.helpers import api_headers, create_api_key, create_workspace, register

BASE_URL = "https://testserver.local"
IDLE_AFTER = 0.3


def _dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def _terminate_app_connections(database_url: str) -> int:
    """Kill the server processes of the app's connections on this test database (not the killer's own)."""
    conn = await asyncpg.connect(_dsn(database_url))
    try:
        rows = await conn.fetch(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = 'promptsmith' AND datname = $1 AND pid <> pg_backend_pid()",
            make_url(database_url).database,
        )
    finally:
        await conn.close()
    return len(rows)


class PingCounter:
    """Counts the pool's `SELECT 1` pings through asyncpg's query logger on every pooled connection."""

    def __init__(self) -> None:
        self.pings = 0
        self._watched: set[int] = set()

    def watch(self, driver: Any) -> None:
        if id(driver) not in self._watched:
            self._watched.add(id(driver))
            driver.add_query_logger(self._log)

    def _log(self, record: Any) -> None:
        if record.query == "SELECT 1":
            self.pings += 1


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(make_settings(DB_POOL_SIZE=1, DB_MAX_OVERFLOW=0, DB_PING_IDLE_AFTER=IDLE_AFTER))
    try:
        yield engine
    finally:
        await engine.dispose()


async def _use(engine: AsyncEngine, counter: PingCounter, *, bounded: bool) -> int:
    """Check a connection out (a bounded read or a session-like checkout), run a query, check it in."""
    if bounded:
        with bounded_read():
            async with engine.connect() as conn:
                driver: Any = (await conn.get_raw_connection()).driver_connection
                counter.watch(driver)
                return int(await driver.fetchval("SELECT 2", timeout=5))
    async with engine.connect() as conn:
        counter.watch((await conn.get_raw_connection()).driver_connection)
        return int((await conn.execute(text("SELECT 2"))).scalar_one())


async def test_bounded_reads_skip_the_ping_of_a_recently_used_connection(engine: AsyncEngine) -> None:
    counter = PingCounter()
    assert await _use(engine, counter, bounded=True) == 2  # a new connection: never pinged
    before = counter.pings
    for _ in range(3):
        await _use(engine, counter, bounded=True)
    assert counter.pings == before  # used a moment ago: no round trip before the query

    await asyncio.sleep(IDLE_AFTER + 0.1)
    await _use(engine, counter, bounded=True)
    assert counter.pings == before + 1  # idle longer than DB_PING_IDLE_AFTER: pinged once
    await _use(engine, counter, bounded=True)
    assert counter.pings == before + 1


async def test_request_session_checkouts_are_always_pinged(engine: AsyncEngine) -> None:
    counter = PingCounter()
    await _use(engine, counter, bounded=False)
    before = counter.pings
    await _use(engine, counter, bounded=False)
    await _use(engine, counter, bounded=False)
    # Their statements have only the 30 s command timeout: the ping is what bounds a request to a hung database.
    assert counter.pings == before + 2


async def test_a_connection_whose_last_use_failed_is_pinged(engine: AsyncEngine) -> None:
    counter = PingCounter()
    await _use(engine, counter, bounded=True)
    before = counter.pings
    with bounded_read():
        async with engine.connect() as conn:  # recently used: not pinged
            mark_suspect(conn.sync_connection.connection)  # type: ignore[union-attr]  # e.g. a cancelled query
    assert counter.pings == before
    await _use(engine, counter, bounded=True)
    assert counter.pings == before + 1


@pytest.mark.parametrize("idle", [IDLE_AFTER + 0.2, 0.0], ids=["idle-longer-than-threshold", "used-just-now"])
async def test_a_terminated_connection_is_replaced_transparently(
    engine: AsyncEngine, database_url: str, idle: float
) -> None:
    counter = PingCounter()
    await _use(engine, counter, bounded=True)
    await asyncio.sleep(idle)
    assert await _terminate_app_connections(database_url) >= 1
    await asyncio.sleep(0.05)  # the FATAL message and EOF reach the (idle) connection
    assert await _use(engine, counter, bounded=True) == 2
    assert await _use(engine, counter, bounded=False) == 2


@pytest.fixture
async def uncached_app(database_url: str) -> Litestar:
    return create_app(
        make_settings(
            REDIS_NAMESPACE=f"promptsmith-test-{uuid.uuid4().hex[:8]}",
            RESOLVE_CACHE_ENABLED="false",
            DB_POOL_SIZE=2,
            DB_MAX_OVERFLOW=0,
            DB_PING_IDLE_AFTER=IDLE_AFTER,
            RATE_LIMIT_API_KEY_PER_MINUTE=0,
        )
    )


async def _prompt(client: Any) -> tuple[str, dict[str, str]]:
    account = await register(client)
    ws = await create_workspace(client, account["csrf"])
    key = await create_api_key(client, account["csrf"], ws["slug"], scopes=["read", "write", "admin"])
    client.cookies.clear()
    headers = api_headers(key)
    base = f"/api/v1/workspaces/{ws['slug']}/prompts"
    assert (await client.post(base, json={"name": "lean"}, headers=headers)).status_code == 201
    created = await client.post(
        f"{base}/lean/versions",
        json={"text": "Hello {{who}}", "labels": ["production"], "modelConfig": {"temperature": 0.2}},
        headers=headers,
    )
    assert created.status_code == 201, created.text
    return f"{base}/lean/resolve", headers


@pytest.mark.parametrize("idle", [IDLE_AFTER + 0.2, 0.0], ids=["idle-longer-than-threshold", "used-just-now"])
async def test_uncached_resolve_after_pg_terminate_backend_succeeds(
    uncached_app: Litestar, database_url: str, idle: float
) -> None:
    async with AsyncTestClient(app=uncached_app, base_url=BASE_URL) as client:
        url, headers = await _prompt(client)
        for _round in range(3):
            first = await client.get(url, headers=headers)
            assert first.status_code == 200, first.text
            assert first.headers["x-cache"] == "miss"
            await asyncio.sleep(idle)
            assert await _terminate_app_connections(database_url) >= 1
            for _ in range(3):
                r = await client.get(url, headers=headers)
                assert r.status_code == 200, r.text
                assert r.headers["x-cache"] == "miss"  # a fresh answer from the database, not a stale copy
                assert r.content == first.content
            answers = await asyncio.gather(*(client.get(url, headers=headers) for _ in range(6)))
            assert [a.status_code for a in answers] == [200] * 6


async def test_missing_prompt_and_label_are_404_on_the_lean_path(uncached_app: Litestar) -> None:
    async with AsyncTestClient(app=uncached_app, base_url=BASE_URL) as client:
        url, headers = await _prompt(client)
        assert (await client.get(url.replace("/lean/", "/nope/"), headers=headers)).status_code == 404
        missing_label = await client.get(url + "?label=staging", headers=headers)
        assert missing_label.status_code == 404
        assert "staging" in missing_label.json()["detail"]
        assert (await client.get(url + "?version=1", headers=headers)).status_code == 200
        assert (await client.get(url + "?version=2", headers=headers)).status_code == 404


async def test_lean_loader_answers_exactly_what_the_session_loader_answers(
    uncached_app: Litestar, engine: AsyncEngine
) -> None:
    async with AsyncTestClient(app=uncached_app, base_url=BASE_URL) as client:
        url, headers = await _prompt(client)
        served = await client.get(url, headers=headers)
        assert served.status_code == 200
        snapshot = services_of(uncached_app).get(AccessRuntime).caches.workspaces.get(url.split("/")[4])
    assert isinstance(snapshot, WorkspaceSnapshot)
    ctx = WorkspaceContext(
        workspace=snapshot,
        caller=Caller(actor=Actor(type="user", id=uuid.uuid4(), label="t")),
        role=None,
        permissions=frozenset(),
        request_id="t",
    )
    # The app's engine belongs to the test client's event loop: compare on this loop's own engine.
    selectors = (("production", None), (None, 1))
    async with AsyncSession(engine) as session:
        registry = PromptRegistry(session, ctx, services_of(uncached_app).get(EventBus))
        via_session = [await load(registry, "lean", label, version) for label, version in selectors]
    via_driver = [await LeanLoader(engine, snapshot.id).load("lean", label, version) for label, version in selectors]
    assert via_driver == via_session
    assert served.headers["etag"] == (await LeanLoader(engine, snapshot.id).load("lean", "production", None)).etag


async def test_context_carries_snapshots_and_builds_the_orm_row_only_on_demand() -> None:
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    snapshot = WorkspaceSnapshot(
        id=uuid.uuid4(),
        slug="w",
        name="W",
        is_personal=False,
        protected_labels=("production",),
        lint_overrides=({"rule": "x", "severity": "off"},),
        created_at=now,
        updated_at=now,
    )
    key = KeySnapshot(
        id=uuid.uuid4(),
        workspace_id=snapshot.id,
        name="k",
        prefix="psk_abc",
        secret_hash="h",
        scopes=("read",),
        expires_at=None,
        revoked_at=None,
        last_used_at=None,
        created_by_id=None,
        created_at=now,
    )
    caller = Caller(actor=Actor(type="api_key", id=key.id, label="k (psk_abc)"), api_key=key)
    ctx = WorkspaceContext(snapshot, caller, None, frozenset(), "rid")
    assert ctx.workspace_id == snapshot.id
    assert ctx.workspace_slug == "w"
    assert ctx._row is None  # nothing built yet
    row = ctx.workspace
    assert (row.id, row.slug, row.protected_labels, row.lint_overrides) == (
        snapshot.id,
        "w",
        ["production"],
        [{"rule": "x", "severity": "off"}],
    )
    assert ctx.workspace is row  # built once
    row.protected_labels.append("x")
    assert snapshot.protected_labels == ("production",)  # the shared snapshot is never changed through it
    assert caller.api_key is key
    assert caller.is_api_key


async def test_guards_only_where_they_act(app: Litestar, client: Any) -> None:
    def guards(path: str, method: str = "GET") -> list[Any]:
        for route in app.routes:
            if isinstance(route, HTTPRoute) and route.path == path:
                for handler in route.route_handlers:
                    if method in handler.http_methods:
                        return list(handler.resolve_guards())
        raise AssertionError(f"no route {method} {path}")

    assert (await client.get("/health/live")).status_code == 200
    assert guards("/health/live") == []  # the probes and login carry no guard at all
    assert guards("/api/v1/auth/login", "POST") == []
    assert guards("/api/v1/auth/me") == [authenticated]  # the authenticated router
    # The API's workspace routes (the console's pages under /ui add their own session-form guard).
    workspace_routes = [r.path for r in app.routes if r.path.startswith("/api/v1/workspaces/{workspace")]
    assert workspace_routes
    assert all(
        guards(path, m) == [workspace_permission] for path in workspace_routes for m in ("GET",) if _has(app, path, m)
    )
    # Still enforced: no credentials on a guarded route is a 401 problem, before any parameter is parsed.
    me = await client.get("/api/v1/auth/me")
    assert me.status_code == 401
    assert me.headers["content-type"].startswith("application/problem+json")
    resolve = await client.get("/api/v1/workspaces/nope/prompts/x/resolve?version=not-a-number")
    assert resolve.status_code == 401


def _has(app: Litestar, path: str, method: str) -> bool:
    return any(
        method in handler.http_methods
        for route in app.routes
        if isinstance(route, HTTPRoute) and route.path == path
        for handler in route.route_handlers
    )
