"""With WEBHOOK_ALLOW_PRIVATE_TARGETS off (the default), webhooks never reach loopback or internal addresses:
literal addresses are refused when subscribing, names that resolve to them when delivering."""

from __future__ import annotations

import asyncio

import pytest
from litestar import Litestar

from app.server.asgi import create_app
from tests.integration.webhooks.conftest import Hooks, webhook_settings
from tests.integration.webhooks.receiver import Receiver


@pytest.fixture
async def app(database_url: str) -> Litestar:
    return create_app(webhook_settings(WEBHOOK_ALLOW_PRIVATE_TARGETS="false"))


async def test_internal_addresses_are_refused_when_subscribing(hooks: Hooks, receiver: Receiver) -> None:
    for url in [
        receiver.url(),
        f"http://[::ffff:127.0.0.1]:{receiver.port}/hook",
        f"http://[::1]:{receiver.port}/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.8/hook",
        "http://192.168.1.1/hook",
        "http://0.0.0.0/hook",
    ]:
        response = await hooks.client.post(
            hooks.url("/"), json={"url": url, "events": ["label.moved"]}, headers=hooks.headers
        )
        assert response.status_code == 400, (url, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
        assert "not allowed" in response.json()["detail"]


async def test_a_name_resolving_to_loopback_is_refused_when_delivering(hooks: Hooks, receiver: Receiver) -> None:
    created = await hooks.subscribe(receiver.url(host="localhost"), events=["version.created"])
    await hooks.create_prompt("probe")
    await hooks.add_version("probe", "You are a probe. Reply with one word.")
    for _ in range(100):
        items = await hooks.deliveries(created["id"])
        if items and items[0]["status"] != "pending":
            break
        await asyncio.sleep(0.1)
    [delivery] = items
    assert delivery["status"] == "failed"
    assert "loopback" in delivery["lastError"]
    assert delivery["attempts"] == 1, "a refused target is not retried"
    assert receiver.received == []
