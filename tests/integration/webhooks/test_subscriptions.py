"""Subscription endpoints: the secret is shown once, stored encrypted, never read back; workspace isolation;
admin permission; URL checks."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.integration.faults._db import asyncpg_dsn
from tests.integration.helpers import api_headers, create_api_key, create_workspace, register
from tests.integration.webhooks.conftest import Hooks
from tests.integration.webhooks.receiver import Receiver


async def test_secret_is_shown_once_and_stored_encrypted(hooks: Hooks, receiver: Receiver, database_url: str) -> None:
    response = await hooks.client.post(
        hooks.url("/"), json={"url": receiver.url(), "events": ["label.moved"]}, headers=hooks.headers
    )
    assert response.status_code == 201, response.text
    assert response.headers["cache-control"] == "no-store"
    created = response.json()
    secret = created["secret"]
    assert secret.startswith("whsec_")
    assert len(secret) > 40

    for url in (hooks.url("/"), hooks.url(f"/{created['id']}")):
        read = await hooks.client.get(url, headers=hooks.headers)
        assert read.status_code == 200
        assert secret not in read.text
        assert '"secret"' not in read.text

    conn = await asyncpg.connect(asyncpg_dsn(database_url))
    try:
        stored = await conn.fetchval("SELECT secret_encrypted FROM webhook_subscription WHERE id = $1", created["id"])
    finally:
        await conn.close()
    assert secret not in stored
    assert secret[6:] not in stored

    rotated = await hooks.client.post(hooks.url(f"/{created['id']}/rotate-secret"), headers=hooks.headers)
    assert rotated.status_code == 200, rotated.text
    assert rotated.headers["cache-control"] == "no-store"
    assert rotated.json()["secret"] not in (secret, None)


async def test_other_workspaces_cannot_see_or_touch_a_subscription(
    client: Any, hooks: Hooks, receiver: Receiver
) -> None:
    created = await hooks.subscribe(receiver.url())
    client.cookies.clear()
    other = await register(client)
    slug = (await create_workspace(client, other["csrf"]))["slug"]
    key = await create_api_key(client, other["csrf"], slug, scopes=["read", "write", "admin"])
    stranger = Hooks(client=client, slug=slug, key=key)

    listed = await client.get(stranger.url("/"), headers=stranger.headers)
    assert listed.status_code == 200
    assert listed.json()["items"] == []
    for method, suffix in [
        ("GET", ""),
        ("PATCH", ""),
        ("DELETE", ""),
        ("POST", "/rotate-secret"),
        ("GET", "/deliveries"),
    ]:
        response = await client.request(
            method,
            stranger.url(f"/{created['id']}{suffix}"),
            headers=stranger.headers,
            **({"json": {}} if method == "PATCH" else {}),
        )
        assert response.status_code == 404, (method, suffix, response.text)
    # The owner's workspace, with the stranger's key: not found, whatever the webhook.
    foreign = await client.get(hooks.url("/"), headers=api_headers(key))
    assert foreign.status_code == 404
    still = await hooks.client.get(hooks.url(f"/{created['id']}"), headers=hooks.headers)
    assert still.status_code == 200


async def test_only_admins_manage_webhooks(client: Any, hooks: Hooks, receiver: Receiver) -> None:
    client.cookies.clear()
    owner = await register(client)
    slug = (await create_workspace(client, owner["csrf"]))["slug"]
    writer = await create_api_key(client, owner["csrf"], slug, scopes=["read", "write"])
    admin = await create_api_key(client, owner["csrf"], slug, scopes=["admin"])
    body = {"url": receiver.url(), "events": ["label.moved"]}
    url = f"/api/v1/workspaces/{slug}/webhooks/"
    refused = await client.post(url, json=body, headers=api_headers(writer))
    assert refused.status_code == 403
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert (await client.get(url, headers=api_headers(writer))).status_code == 403
    assert (await client.post(url, json=body, headers=api_headers(admin))).status_code == 201


async def test_bad_subscriptions_are_clear_errors(hooks: Hooks) -> None:
    cases = [
        {"url": "ftp://example.com/hook", "events": ["label.moved"]},
        {"url": "https://user:pw@example.com/hook", "events": ["label.moved"]},
        {"url": "https://example.com/hook", "events": ["label.exploded"]},
        {"url": "https://example.com/hook", "events": []},
        {"url": "https://example.com/hook", "events": ["label.moved"], "labels": ["Not A Label"]},
        {"url": "https://example.com/hook", "events": ["label.moved"], "extra": 1},
        {"url": "https://example.com/ho\x01ok", "events": ["label.moved"]},
    ]
    for body in cases:
        response = await hooks.client.post(hooks.url("/"), json=body, headers=hooks.headers)
        assert response.status_code in (400, 422), (body, response.status_code, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
