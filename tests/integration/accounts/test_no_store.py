"""Responses that carry a secret (a session's CSRF token, a full API key, the caller's identity) say
`Cache-Control: no-store`, so no browser, proxy or CDN keeps a copy (#14 item 6)."""

from __future__ import annotations

from typing import Any

from tests.integration.helpers import DEFAULT_PASSWORD, create_workspace, register, unique_email


def _no_store(response: Any) -> bool:
    return "no-store" in response.headers.get("cache-control", "")


async def test_secret_bearing_responses_are_not_stored(client: Any) -> None:
    email = unique_email("nostore")
    registered = await client.post(
        "/api/v1/auth/register", json={"email": email, "password": DEFAULT_PASSWORD, "displayName": "N"}
    )
    assert registered.status_code == 201
    logged_in = await client.post("/api/v1/auth/login", json={"email": email, "password": DEFAULT_PASSWORD})
    assert logged_in.status_code == 200
    csrf = logged_in.json()["csrfToken"]
    me = await client.get("/api/v1/auth/me")
    token = await client.get("/api/v1/auth/csrf")
    workspace = await create_workspace(client, csrf)
    key = await client.post(
        f"/api/v1/workspaces/{workspace['slug']}/api-keys",
        json={"name": "ci", "scopes": ["read"]},
        headers={"X-CSRF-Token": csrf},
    )
    assert key.status_code == 201
    stored = {
        name: response.headers.get("cache-control")
        for name, response in {
            "register": registered,
            "login": logged_in,
            "me": me,
            "csrf": token,
            "createApiKey": key,
        }.items()
        if not _no_store(response)
    }
    assert stored == {}


async def test_me_with_an_api_key_is_not_stored(client: Any) -> None:
    account = await register(client)
    workspace = await create_workspace(client, account["csrf"])
    created = await client.post(
        f"/api/v1/workspaces/{workspace['slug']}/api-keys",
        json={"name": "ci", "scopes": ["read"]},
        headers={"X-CSRF-Token": account["csrf"]},
    )
    client.cookies.clear()
    me = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {created.json()['key']}"})
    assert me.status_code == 200
    assert _no_store(me)


async def test_ordinary_reads_keep_their_caching(client: Any) -> None:
    """no-store is opt-in per route: a prompt list is not marked (it is revalidated with ETags instead)."""
    account = await register(client)
    workspace = await create_workspace(client, account["csrf"])
    listed = await client.get(f"/api/v1/workspaces/{workspace['slug']}/prompts")
    assert listed.status_code == 200
    assert not _no_store(listed)
