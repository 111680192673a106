"""The resolve fast path with the resolve cache off (`RESOLVE_CACHE_ENABLED=false`): it skips Litestar for a
credential the full path authorized, but loads every answer from the database (one query, `LeanLoader`), so a
change is served on the very next request; what it cannot answer (a missing prompt or label) gets the full
path's problem response. `X-Cache` is `miss` on both paths, as before.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from app.domain.delivery.fastpath import get_fastpath_cache
from app.server.asgi import create_app
from tests.conftest import make_settings
from tests.integration.helpers import rate_limit_remaining
from tests.integration.perf_paths.test_fastpath import BASE_URL, Setup, _setup

VARYING = {"x-request-id", "ratelimit"}


@pytest.fixture
def uncached(database_url: str) -> Litestar:
    return create_app(
        make_settings(REDIS_NAMESPACE=f"promptsmith-test-{uuid.uuid4().hex[:8]}", RESOLVE_CACHE_ENABLED="false")
    )


@pytest.fixture
async def setup(uncached: Litestar) -> AsyncIterator[Setup]:
    async with AsyncTestClient(app=uncached, base_url=BASE_URL) as client:
        yield await _setup(client)


def _entries(app: Litestar) -> int:
    return len(get_fastpath_cache(app.state))


async def test_the_full_path_authorizes_then_the_fast_path_serves_the_same_response(
    uncached: Litestar, setup: Setup
) -> None:
    assert _entries(uncached) == 0
    full = await setup.as_key("GET", setup.resolve_url())
    assert full.status_code == 200, full.text
    assert _entries(uncached) == 1  # remembered with the cache off too
    fast = await setup.as_key("GET", setup.resolve_url())
    assert (full.headers["x-cache"], fast.headers["x-cache"]) == ("miss", "miss")
    assert fast.content == full.content
    assert {k: v for k, v in fast.headers.items() if k not in VARYING} == {
        k: v for k, v in full.headers.items() if k not in VARYING
    }
    assert rate_limit_remaining(fast.headers) < rate_limit_remaining(full.headers)
    not_modified = await setup.as_key("GET", setup.resolve_url(), headers={"If-None-Match": fast.headers["etag"]})
    assert (not_modified.status_code, not_modified.content) == (304, b"")
    assert not_modified.headers["etag"] == fast.headers["etag"]


async def test_every_change_is_served_on_the_next_request(setup: Setup) -> None:
    url = setup.resolve_url()
    first = await setup.as_key("GET", url)
    assert (await setup.as_key("GET", url)).json()["version"] == 1
    added = await setup.as_key("POST", f"{setup.base}/fast%2Fpath/versions", json={"text": "two"})
    assert added.status_code == 201
    assert (await setup.as_key("GET", url)).json()["version"] == 1  # production still points at 1
    moved = await setup.as_key("PUT", f"{setup.base}/fast%2Fpath/labels/production", json={"version": 2})
    assert moved.status_code == 200, moved.text
    now = await setup.as_key("GET", url, headers={"If-None-Match": first.headers["etag"]})
    assert now.status_code == 200  # the old ETag no longer matches
    assert (now.json()["version"], now.json()["text"]) == (2, "two")
    assert (await setup.as_key("GET", url + "?version=1")).json()["text"] == "one"
    assert (await setup.as_key("GET", url + "?version=1")).json()["text"] == "one"


async def test_what_the_fast_path_cannot_answer_gets_the_full_path_problem(setup: Setup) -> None:
    url = setup.resolve_url()
    staging = url + "?label=staging"
    set_staging = await setup.as_key("PUT", f"{setup.base}/fast%2Fpath/labels/staging", json={"version": 1})
    assert set_staging.status_code == 200
    for _ in range(2):
        assert (await setup.as_key("GET", staging)).status_code == 200
        assert (await setup.as_key("GET", url)).status_code == 200
    removed = await setup.as_key("DELETE", f"{setup.base}/fast%2Fpath/labels/staging")
    assert removed.status_code == 204
    no_label = await setup.as_key("GET", staging)
    assert no_label.status_code == 404, no_label.text
    assert no_label.headers["content-type"].startswith("application/problem+json")
    assert "staging" in no_label.json()["detail"]
    assert (await setup.as_key("DELETE", f"{setup.base}/fast%2Fpath")).status_code == 204
    gone = await setup.as_key("GET", url)
    assert gone.status_code == 404, gone.text
    never = await setup.as_key("GET", setup.resolve_url("never/existed"))
    assert gone.json()["title"] == never.json()["title"]
    assert gone.json()["detail"] == never.json()["detail"].replace("never/existed", "fast/path")


async def test_a_revoked_key_gets_401_on_the_next_request(setup: Setup) -> None:
    for _ in range(2):
        assert (await setup.as_key("GET", setup.resolve_url())).status_code == 200
    keys = (await setup.as_user("GET", f"/api/v1/workspaces/{setup.slug}/api-keys")).json()["items"]
    revoked = await setup.as_user("DELETE", f"/api/v1/workspaces/{setup.slug}/api-keys/{keys[0]['id']}")
    assert revoked.status_code == 204
    r = await setup.as_key("GET", setup.resolve_url())
    assert r.status_code == 401, r.text
