"""A safe request whose guard had to read the database (the access caches were cold or had expired) must not hold
a pooled connection while its handler waits for another one (the lean reads of resolve, the prompt list and the
version list check their own connection out). Before, with more such requests in flight than the pool holds,
each held one connection and waited for a second until the pool timeout, and all of them answered 503 together
(seen under wrk: 32 x 503 after 5 s, whenever the access caches expired). A fresh server process (cold caches)
with a pool of 2 and 8 concurrent first requests reproduce it."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from app.config.settings import Settings
from tests.integration.faults._procs import kill_group
from tests.integration.helpers import api_headers, create_api_key, create_workspace, register
from tests.integration.instances import start_instance

SMALL_POOL = {"DB_POOL_SIZE": "2", "DB_MAX_OVERFLOW": "0", "DB_POOL_TIMEOUT": "3"}


async def _cold_burst(settings: Settings, path: str, key: str, **extra: str) -> list[int]:
    proc, url = start_instance(settings, **SMALL_POOL, **extra)
    try:
        async with httpx.AsyncClient(base_url=url, timeout=30, headers=api_headers(key)) as http:
            responses = await asyncio.gather(*(http.get(path) for _ in range(8)))
    finally:
        kill_group(proc)
    return [r.status_code for r in responses]


async def test_cold_guards_and_lean_reads_do_not_exhaust_a_small_pool(settings: Settings, client: Any) -> None:
    account = await register(client)
    slug = (await create_workspace(client, account["csrf"]))["slug"]
    key = await create_api_key(client, account["csrf"], slug, scopes=["read", "write", "admin"])
    client.cookies.clear()
    base = f"/api/v1/workspaces/{slug}/prompts"
    assert (await client.post(base, json={"name": "pool"}, headers=api_headers(key))).status_code == 201
    created = await client.post(
        f"{base}/pool/versions", json={"text": "hi", "labels": ["production"]}, headers=api_headers(key)
    )
    assert created.status_code == 201, created.text
    resolve = f"{base}/pool/resolve?label=production"
    assert await _cold_burst(settings, resolve, key, RESOLVE_CACHE_ENABLED="false") == [200] * 8
    assert await _cold_burst(settings, base, key, LIST_CACHE_TTL="0") == [200] * 8
    assert await _cold_burst(settings, f"{base}/pool/versions", key) == [200] * 8
