"""`GET /metrics` (#12 section 3): per-route counters by template, the resolve cache outcomes, the pool and Redis
gauges, generate and lint durations; the guard modes; never rate limited.

The metric objects are process-wide (prometheus-client's default registry), so each test compares a scrape
before and after its own requests instead of absolute values.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from prometheus_client import generate_latest

from tests.integration.faults._procs import RedisServer
from tests.integration.helpers import api_headers, create_api_key, create_workspace, register
from tests.integration.observability.conftest import sample, samples

RESOLVE_ROUTE = "/api/v1/workspaces/{workspace}/prompts/{name}/resolve"
TOKEN = "metrics-token-0123456789abcdef"


async def _scrape(client: Any, **headers: str) -> str:
    response = await client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    text: str = response.text
    return text


async def _prompt_with_key(client: Any, *, scopes: list[str] | None = None) -> tuple[str, str, str]:
    """(slug, key, resolve URL) of a fresh workspace with one prompt labelled production."""
    account = await register(client)
    slug = (await create_workspace(client, account["csrf"]))["slug"]
    key = await create_api_key(client, account["csrf"], slug, scopes=scopes or ["read", "write", "admin"])
    client.cookies.clear()  # API-key requests only: a session cookie always takes the full path
    base = f"/api/v1/workspaces/{slug}/prompts"
    assert (await client.post(base, json={"name": "greeter"}, headers=api_headers(key))).status_code == 201
    created = await client.post(
        f"{base}/greeter/versions", json={"text": "Hello.", "labels": ["production"]}, headers=api_headers(key)
    )
    assert created.status_code == 201, created.text
    return slug, key, f"{base}/greeter/resolve"


async def test_requests_are_counted_by_route_template_including_the_fast_path(make_client: Any) -> None:
    async with make_client(METRICS="open") as client:
        slug, key, resolve_url = await _prompt_with_key(client)
        before = await _scrape(client)
        statuses = [(await client.get(resolve_url, headers=api_headers(key))).headers["x-cache"] for _ in range(3)]
        assert statuses[0] == "miss"
        assert "hit; fast" in statuses[1:]  # the pure-ASGI fast path answered without reaching Litestar
        assert (
            await client.get(f"/api/v1/workspaces/{slug}/prompts/nope/resolve", headers=api_headers(key))
        ).status_code == 404
        assert (await client.get("/no/such/route")).status_code == 404
        after = await _scrape(client)

    def delta(name: str, **labels: Any) -> float:
        return sample(after, name, **labels) - sample(before, name, **labels)

    ok = {"route": RESOLVE_ROUTE, "method": "GET", "status": "200"}
    assert delta("promptsmith_http_requests_total", **ok) == 3
    assert delta("promptsmith_http_request_duration_seconds_count", **ok) == 3
    assert delta("promptsmith_http_requests_total", route=RESOLVE_ROUTE, method="GET", status="404") == 1
    assert delta("promptsmith_http_requests_total", route="<unmatched>", method="GET", status="404") == 1
    fast = statuses.count("hit; fast")
    assert delta("promptsmith_resolve_cache_total", outcome="fast") == fast
    assert delta("promptsmith_resolve_cache_total", outcome="miss") >= 1
    assert (
        delta("promptsmith_resolve_cache_total", outcome="local")
        + delta("promptsmith_resolve_cache_total", outcome="miss")
        == 3 - fast
    )
    # Templates only: neither the workspace slug nor the prompt name ever becomes a label value.
    routes = {labels.get("route", "") for name, labels, _ in samples(after) if name.startswith("promptsmith_http")}
    assert RESOLVE_ROUTE in routes
    assert not any(slug in route or "greeter" in route for route in routes)


async def test_pool_redis_generate_and_lint_are_exposed(make_client: Any) -> None:
    async with make_client(METRICS="open", DB_POOL_SIZE="4", DB_MAX_OVERFLOW="3") as client:
        before = await _scrape(client)
        account = await register(client)
        headers = {"X-CSRF-Token": account["csrf"]}
        lint = await client.post("/api/v1/lint", json={"prompt": "You are a bot. Answer questions."}, headers=headers)
        assert lint.status_code == 200, lint.text
        generated = await client.post("/api/v1/generate", json={"task": "Summarise support tickets"}, headers=headers)
        assert generated.status_code == 200, generated.text
        after = await _scrape(client)
    assert (
        sample(after, "promptsmith_lint_duration_seconds_count")
        - sample(before, "promptsmith_lint_duration_seconds_count")
        >= 1
    )
    engine = {"engine": "deterministic"}
    assert (
        sample(after, "promptsmith_generate_duration_seconds_count", **engine)
        - sample(before, "promptsmith_generate_duration_seconds_count", **engine)
        >= 1
    )
    assert sample(after, "promptsmith_db_pool_limit") == 7
    # Registration used the pool: connections were opened and are back in the pool, none is held between requests.
    assert sample(after, "promptsmith_db_pool_idle") >= 1
    assert sample(after, "promptsmith_db_pool_checked_out") == 0
    assert sample(after, "promptsmith_redis_circuit_open", backend="cache") == 0


async def test_the_redis_circuit_gauge_follows_an_outage(make_client: Any) -> None:
    redis_server = RedisServer()
    redis_server.start()
    try:
        async with make_client(METRICS="open", REDIS_URL=redis_server.url) as client:
            _, key, resolve_url = await _prompt_with_key(client)
            assert sample(await _scrape(client), "promptsmith_redis_circuit_open", backend="cache") == 0
            redis_server.kill()
            # An uncached selector asks the shared (Redis) layer first: the call fails, the breaker opens, the
            # database answers.
            response = await client.get(resolve_url, params={"version": 1}, headers=api_headers(key))
            assert response.status_code == 200, response.text
            during = await _scrape(client)
            redis_server.start()
            deadline = time.monotonic() + 10
            while True:  # after the breaker's cool-down a call goes through and closes it
                await asyncio.sleep(1.1)
                response = await client.get(resolve_url, params={"label": "production"}, headers=api_headers(key))
                after = await _scrape(client)
                if sample(after, "promptsmith_redis_circuit_open", backend="cache") == 0 or time.monotonic() > deadline:
                    break
    finally:
        redis_server.close()
    assert sample(during, "promptsmith_redis_circuit_open", backend="cache") == 1
    assert sample(during, "promptsmith_redis_circuit_trips_total", backend="cache") >= 1
    assert sample(after, "promptsmith_redis_circuit_open", backend="cache") == 0


async def test_metrics_off_is_a_404_and_measures_nothing(make_client: Any) -> None:
    live = {"route": "/health/live", "method": "GET", "status": "200"}
    before = sample(generate_latest().decode(), "promptsmith_http_requests_total", **live)
    async with make_client(METRICS="off") as client:
        response = await client.get("/metrics")
        for _ in range(3):
            assert (await client.get("/health/live")).status_code == 200
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    # The process-wide registry (what a scrape would show) did not count them: no recorder is installed.
    assert sample(generate_latest().decode(), "promptsmith_http_requests_total", **live) == before


@pytest.mark.parametrize("authorization", [None, "Bearer wrong-token-0123456789abcdef", f"Basic {TOKEN}", "Bearer "])
async def test_token_mode_refuses_a_missing_or_wrong_token(make_client: Any, authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    async with make_client(METRICS="token", METRICS_TOKEN=TOKEN) as client:
        response = await client.get("/metrics", headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.headers["www-authenticate"] == "Bearer"
    assert "promptsmith_http_requests" not in response.text


async def test_token_mode_accepts_the_token(make_client: Any) -> None:
    async with make_client(METRICS="token", METRICS_TOKEN=TOKEN) as client:
        text = await _scrape(client, Authorization=f"Bearer {TOKEN}")
    assert "promptsmith_http_requests_total" in text


async def test_metrics_are_never_rate_limited(make_client: Any) -> None:
    async with make_client(METRICS="open", RATE_LIMIT_API_KEY_PER_MINUTE="3") as client:
        _, key, resolve_url = await _prompt_with_key(client)  # two of the key's three requests per minute
        while (await client.get(resolve_url, headers=api_headers(key))).status_code != 429:
            pass  # use up the key's budget
        for _ in range(20):  # a scraper polling fast, even with an exhausted key's header, is always answered
            response = await client.get("/metrics", headers=api_headers(key))
            assert response.status_code == 200
            assert "ratelimit" not in response.headers
        assert (await client.get(resolve_url, headers=api_headers(key))).status_code == 429
