"""Resolve across app instances and under failures, over real TCP.

- Two uvicorn processes on different ports share PostgreSQL and Redis: a label move or a new version made
  through one is served by the other within one second.
- Redis down: resolve answers from the database (no 5xx).
- Database down while the cache holds the answer: served, marked `X-Cache: stale; db-unavailable`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.config.settings import Settings
from app.lib.events import EventBus
from app.lib.services import services_of
from app.server.asgi import create_app
from tests.conftest import TEST_REDIS_NAMESPACE, make_settings
from tests.integration.faults._procs import (
    PostgresCluster,
    RedisServer,
)
from tests.integration.faults._server import serve_in_loop
from tests.integration.helpers import api_headers, create_api_key, create_workspace, register

pytestmark = pytest.mark.slow
ONE = {"text": "one", "labels": ["production"]}


async def _wait_for_version(client: httpx.AsyncClient, url: str, expected: int, **params: Any) -> float:
    started = time.monotonic()
    while True:
        r = await client.get(url, params=params)
        assert r.status_code == 200, r.text
        if r.json()["version"] == expected:
            return time.monotonic() - started
        if time.monotonic() - started > 3:
            raise AssertionError(f"still version {r.json()['version']} after 3 s (X-Cache {r.headers['x-cache']})")
        await asyncio.sleep(0.01)


async def test_second_instance_serves_new_answer_within_one_second(two_instances: tuple[str, str], client: Any) -> None:
    a_url, b_url = two_instances
    account = await register(client)  # accounts through the in-process app: same database
    ws = await create_workspace(client, account["csrf"])
    key = await create_api_key(client, account["csrf"], ws["slug"])
    headers = api_headers(key)
    base = f"/api/v1/workspaces/{ws['slug']}/prompts"
    async with (
        httpx.AsyncClient(base_url=a_url, headers=headers, timeout=10) as a,
        httpx.AsyncClient(base_url=b_url, headers=headers, timeout=10) as b,
    ):
        assert (await a.post(base, json={"name": "multi/instance"})).status_code == 201
        for i in range(3):
            assert (await a.post(f"{base}/multi%2Finstance/versions", json={"text": f"v{i + 1}"})).status_code == 201
        assert (await a.put(f"{base}/multi%2Finstance/labels/production", json={"version": 2})).status_code == 200
        resolve = f"{base}/multi%2Finstance/resolve"
        first = await b.get(resolve)
        assert first.json()["version"] == 2
        # Served from B's memory: by the resolve fast path ("hit; fast"), or the handler's own cache ("hit").
        # The label move's invalidation may still reach B after its first read (the bus is asynchronous) and
        # empty the entry once, so the answer must become a hit within a bound, not on the very next read.
        cached = await b.get(resolve)
        deadline = time.monotonic() + 2
        while cached.headers["x-cache"] not in {"hit", "hit; fast"} and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
            cached = await b.get(resolve)
        assert cached.headers["x-cache"] in {"hit", "hit; fast"}
        not_modified = await b.get(resolve, headers={"If-None-Match": cached.headers["etag"]})
        assert not_modified.status_code == 304

        assert (await a.put(f"{base}/multi%2Finstance/labels/production", json={"version": 3})).status_code == 200
        assert await _wait_for_version(b, resolve, 3) < 1.0

        assert (await b.get(resolve, params={"label": "latest"})).json()["version"] == 3
        assert (await a.post(f"{base}/multi%2Finstance/versions", json={"text": "v4"})).status_code == 201
        assert await _wait_for_version(b, resolve, 4, label="latest") < 1.0

        assert (await a.post(f"{base}/multi%2Finstance/labels/production/rollback")).status_code == 200
        assert await _wait_for_version(b, resolve, 2) < 1.0


async def test_redis_down_resolve_answers_from_the_database(settings: Settings) -> None:
    server = RedisServer()
    server.start()
    try:
        app = create_app(
            make_settings(
                redis_url=server.url,
                redis_namespace=f"{TEST_REDIS_NAMESPACE}-rd",
                rate_limit_api_key_per_minute=0,
                session_cookie_secure="false",
            )
        )
        async with serve_in_loop(app) as http:
            account = await register(http)
            ws = await create_workspace(http, account["csrf"])
            key = await create_api_key(http, account["csrf"], ws["slug"])
            http.headers.update(api_headers(key))
            base = f"/api/v1/workspaces/{ws['slug']}/prompts"
            assert (await http.post(base, json={"name": "rd"})).status_code == 201
            assert (await http.post(f"{base}/rd/versions", json=ONE)).status_code == 201
            assert (await http.get(f"{base}/rd/resolve")).json()["version"] == 1
            server.kill()
            await asyncio.sleep(1.1)  # past the in-process TTL
            for _ in range(5):
                r = await http.get(f"{base}/rd/resolve")
                assert r.status_code == 200, r.text
                assert r.json()["version"] == 1
            move = await http.post(f"{base}/rd/versions", json={"text": "two", "labels": ["production"]})
            assert move.status_code == 201, move.text
            r = await http.get(f"{base}/rd/resolve")
            assert r.status_code == 200
            assert r.json()["version"] == 2
    finally:
        server.close()


@pytest.fixture
async def own_database() -> AsyncIterator[PostgresCluster]:
    cluster = PostgresCluster()
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.close()


def _settings_on(database: PostgresCluster, namespace: str) -> Settings:
    """Settings for an app on the test's own cluster, failing fast once that cluster is stopped."""
    return make_settings(
        database_url=database.url,
        auto_migrate="true",
        db_pool_timeout="1",
        db_connect_retries="0",
        redis_namespace=f"{TEST_REDIS_NAMESPACE}-{namespace}",
        rate_limit_api_key_per_minute=0,
        session_cookie_secure="false",
    )


async def _prompt_resolved_once(http: httpx.AsyncClient) -> tuple[str, dict[str, Any], httpx.Response]:
    """A workspace with prompt `dbd` (version 1 on production), resolved once from the database.

    The client is left authenticated with an API key. Returns the prompts base URL, the workspace and the
    first resolve response.
    """
    account = await register(http)
    ws = await create_workspace(http, account["csrf"])
    key = await create_api_key(http, account["csrf"], ws["slug"])
    http.headers.update(api_headers(key))
    base = f"/api/v1/workspaces/{ws['slug']}/prompts"
    assert (await http.post(base, json={"name": "dbd"})).status_code == 201
    assert (await http.post(f"{base}/dbd/versions", json=ONE)).status_code == 201
    warm = await http.get(f"{base}/dbd/resolve")
    assert warm.status_code == 200
    assert warm.headers["x-cache"] == "miss"
    return base, ws, warm


async def test_database_down_serves_the_last_known_good_answer(own_database: PostgresCluster) -> None:
    app = create_app(_settings_on(own_database, "dbd"))
    async with serve_in_loop(app, timeout=60) as http:
        base, _, _ = await _prompt_resolved_once(http)
        own_database.stop("immediate")
        await asyncio.sleep(1.1)  # past the in-process TTL
        r = await http.get(f"{base}/dbd/resolve")
        # The guard authorises from its caches (API key, workspace): no database needed for a cached answer.
        assert r.status_code == 200, r.text
        assert r.json()["version"] == 1


async def test_resolve_layer_serves_last_known_good_when_the_database_is_down(
    own_database: PostgresCluster,
) -> None:
    """The resolve layer itself, on a real database that goes away (no mocks): stale answer, then 503."""
    from uuid import UUID, uuid4

    from sqlalchemy.ext.asyncio import AsyncSession

    from app.db.models import Workspace
    from app.domain.access.context import Actor, Caller, WorkspaceContext
    from app.domain.delivery.cache import get_resolve_cache
    from app.domain.delivery.resolve import resolve
    from app.domain.prompts.services.prompts import PromptRegistry
    from app.lib.errors import ServiceUnavailableError

    app = create_app(_settings_on(own_database, "lkg"))
    async with serve_in_loop(app, timeout=60) as http:
        _, ws, warm = await _prompt_resolved_once(http)
        own_database.stop("immediate")
        workspace = Workspace(id=UUID(ws["id"]), slug=ws["slug"], name="w", protected_labels=[])
        ctx = WorkspaceContext(
            workspace=workspace,
            caller=Caller(actor=Actor(type="user", id=uuid4(), label="t")),
            role=None,
            permissions=frozenset(),
            request_id="t",
        )
        cache = get_resolve_cache(app.state)
        async with AsyncSession(services_of(app).get(AsyncEngine)) as session:
            registry = PromptRegistry(session, ctx, services_of(app).get(EventBus))
            # Drop the live copies (local and Redis), as a write's invalidation would.
            await cache.invalidate(f"{workspace.id.hex}:dbd", repeat=False)
            answer, source = await resolve(registry, cache, "dbd", None, None)
            assert source == "stale; db-unavailable"
            assert answer.etag == warm.headers["etag"]
            assert answer.body == warm.content
            with pytest.raises(ServiceUnavailableError):
                await resolve(registry, cache, "dbd", None, 1)
