"""The embedded default (SQLite, no Redis): the same outbox and drains, run as tasks of the API process."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from app.server.asgi import create_app
from tests.conftest import make_settings
from tests.integration.helpers import create_api_key, create_workspace, register
from tests.integration.webhooks.conftest import Hooks
from tests.integration.webhooks.receiver import Receiver


@pytest.fixture
async def app(tmp_path: Path) -> Litestar:
    return create_app(
        make_settings(
            DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/embedded.db",
            AUTO_MIGRATE="true",
            REDIS_URL=None,
            WEBHOOK_ALLOW_PRIVATE_TARGETS="true",
            WEBHOOK_RETRY_BASE="0.2",
            WEBHOOK_POLL_INTERVAL="0.1",
            METRICS="open",
        )
    )


@pytest.fixture
async def client(app: Litestar) -> AsyncIterator[Any]:
    async with AsyncTestClient(app=app, base_url="https://testserver.local") as test_client:
        yield test_client


async def test_sqlite_without_redis_delivers_in_process_with_retries(client: Any, receiver: Receiver) -> None:
    account = await register(client)
    slug = (await create_workspace(client, account["csrf"]))["slug"]
    key = await create_api_key(client, account["csrf"], slug, scopes=["read", "write", "admin"])
    hooks = Hooks(client=client, slug=slug, key=key)
    receiver.script = [500]
    created = await hooks.subscribe(receiver.url(), events=["version.created", "label.moved"])
    await hooks.create_prompt("local")
    version = await hooks.add_version("local", "You are a local assistant. Answer in one short paragraph.")
    await hooks.move_label("local", "production", version)

    received = await receiver.wait_for(3)
    assert [(r.answered, r.json["type"]) for r in received] == [
        (500, "version.created"),
        (200, "version.created"),
        (200, "label.moved"),
    ]
    # The receiver answers before the worker records the outcome: wait (bounded) for the log to catch up.
    deadline = asyncio.get_running_loop().time() + 5
    logged = await hooks.deliveries(created["id"])
    while {item["status"] for item in logged} != {"delivered"} and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.05)
        logged = await hooks.deliveries(created["id"])
    assert sorted(item["status"] for item in logged) == ["delivered", "delivered"]

    # The delivery metrics count what was recorded: one failed attempt (retried), two delivered.
    scraped = (await client.get("/metrics")).text
    samples = {
        line.split(" ")[0]: float(line.split(" ")[1])
        for line in scraped.splitlines()
        if line.startswith("promptsmith_webhook")
    }
    assert samples['promptsmith_webhook_deliveries_total{outcome="delivered"}'] >= 2
    assert samples['promptsmith_webhook_deliveries_total{outcome="failed"}'] >= 1
    assert samples["promptsmith_webhook_delivery_duration_seconds_count"] >= 3
    assert "promptsmith_webhook_queue_depth" in samples
