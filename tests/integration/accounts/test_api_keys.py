"""API keys: storage, authentication, revocation (also across instances), expiry, last-used bookkeeping."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from litestar.testing import AsyncTestClient
from sqlalchemy import select

from app.db.models import ApiKey
from app.domain.access.runtime import AccessRuntime
from app.lib.invalidation import InvalidationBus
from app.lib.services import services_of
from app.server.asgi import create_app
from tests.integration.helpers import add_member, api_headers, create_api_key, create_workspace, login, register


async def test_stored_row_holds_no_plaintext_and_listing_hides_secrets(client, db_session, workspace_key):
    slug, key = workspace_key
    prefix, secret = key[:16], key[17:]
    assert key.startswith("psk_")
    assert len(secret) >= 40
    row = (await db_session.execute(select(ApiKey).where(ApiKey.prefix == prefix))).scalar_one()
    stored = " ".join(
        str(value)
        for value in (await db_session.execute(select(ApiKey.__table__).where(ApiKey.prefix == prefix))).one()
    )
    assert secret not in stored
    assert key not in stored
    assert row.secret_hash != secret
    assert len(row.secret_hash) == 64
    listing = await client.get(f"/api/v1/workspaces/{slug}/api-keys", headers=api_headers(key))
    assert listing.status_code == 200
    item = listing.json()["items"][0]
    assert set(item) == {"id", "name", "prefix", "scopes", "createdAt", "lastUsedAt", "expiresAt", "revokedAt"}
    assert secret not in listing.text
    assert row.secret_hash not in listing.text


async def test_key_works_with_bearer_and_x_api_key_and_needs_no_csrf(client, workspace_key):
    slug, key = workspace_key
    client.cookies.clear()
    assert (await client.get(f"/api/v1/workspaces/{slug}", headers={"X-API-Key": key})).status_code == 200
    patched = await client.patch(
        f"/api/v1/workspaces/{slug}", json={"name": "Renamed by key"}, headers=api_headers(key)
    )
    assert patched.status_code == 200
    assert patched.json()["name"] == "Renamed by key"


async def test_wrong_and_malformed_keys_get_401(client, workspace_key):
    slug, key = workspace_key
    client.cookies.clear()
    wrong_secret = key[:-4] + ("aaaa" if not key.endswith("aaaa") else "bbbb")
    for bad in [wrong_secret, "psk_000000000000_" + "x" * 43, "not-a-key", key + "x"]:
        response = await client.get(f"/api/v1/workspaces/{slug}", headers=api_headers(bad))
        assert response.status_code == 401, bad
    basic = await client.get(f"/api/v1/workspaces/{slug}", headers={"Authorization": "Basic Zm9vOmJhcg=="})
    assert basic.status_code == 401


async def test_revoked_key_gets_401_on_the_next_request(client, workspace_key):
    slug, key = workspace_key
    assert (await client.get(f"/api/v1/workspaces/{slug}", headers=api_headers(key))).status_code == 200  # cached
    keys = (await client.get(f"/api/v1/workspaces/{slug}/api-keys", headers=api_headers(key))).json()["items"]
    revoked = await client.delete(f"/api/v1/workspaces/{slug}/api-keys/{keys[0]['id']}", headers=api_headers(key))
    assert revoked.status_code == 204
    assert (await client.get(f"/api/v1/workspaces/{slug}", headers=api_headers(key))).status_code == 401


async def test_revocation_reaches_another_instance_that_cached_the_key(settings):
    one, two = create_app(settings), create_app(settings)
    async with (
        AsyncTestClient(app=one, base_url="https://testserver.local") as first,
        AsyncTestClient(app=two, base_url="https://testserver.local") as second,
    ):
        # The bus (its asyncio.Event) lives in B's client thread: wait there, not in this test's event loop.
        with second.portal() as portal:
            assert portal.call(services_of(two).get(InvalidationBus).wait_connected)
        account = await register(first)
        slug = (await create_workspace(first, account["csrf"]))["slug"]
        key = await create_api_key(first, account["csrf"], slug, scopes=["read"])
        assert (await second.get(f"/api/v1/workspaces/{slug}", headers=api_headers(key))).status_code == 200
        assert services_of(two).get(AccessRuntime).keys.cache.get(key[:16]) is not None  # B holds it in its cache
        key_id = (await first.get(f"/api/v1/workspaces/{slug}/api-keys")).json()["items"][0]["id"]
        revoke = await first.delete(
            f"/api/v1/workspaces/{slug}/api-keys/{key_id}", headers={"X-CSRF-Token": account["csrf"]}
        )
        assert revoke.status_code == 204
        for _ in range(50):  # pub/sub delivery is asynchronous; it takes milliseconds
            if services_of(two).get(AccessRuntime).keys.cache.get(key[:16]) is None:
                break
            await asyncio.sleep(0.01)
        assert (await second.get(f"/api/v1/workspaces/{slug}", headers=api_headers(key))).status_code == 401


async def test_expired_key_gets_401(client):
    account = await register(client)
    slug = (await create_workspace(client, account["csrf"]))["slug"]
    soon = datetime.now(UTC) + timedelta(seconds=1.5)
    key = await create_api_key(client, account["csrf"], slug, scopes=["read"], expires_at=soon)
    assert (await client.get(f"/api/v1/workspaces/{slug}", headers=api_headers(key))).status_code == 200
    await asyncio.sleep(max(0.0, (soon - datetime.now(UTC)).total_seconds()) + 0.2)
    assert (await client.get(f"/api/v1/workspaces/{slug}", headers=api_headers(key))).status_code == 401
    past = await client.post(
        f"/api/v1/workspaces/{slug}/api-keys",
        headers={"X-CSRF-Token": account["csrf"]},
        json={"name": "old", "scopes": ["read"], "expiresAt": "2000-01-01T00:00:00Z"},
    )
    assert past.status_code == 400


async def test_last_used_is_written_at_most_once_a_minute(client, app, db_session, workspace_key):
    slug, key = workspace_key
    prefix = key[:16]
    for _ in range(5):
        assert (await client.get(f"/api/v1/workspaces/{slug}", headers=api_headers(key))).status_code == 200
    await services_of(app).get(AccessRuntime).keys.drain()
    row = (await db_session.execute(select(ApiKey).where(ApiKey.prefix == prefix))).scalar_one()
    first_use, updated = row.last_used_at, row.updated_at
    assert first_use is not None
    for _ in range(5):
        await client.get(f"/api/v1/workspaces/{slug}", headers=api_headers(key))
    await services_of(app).get(AccessRuntime).keys.drain()
    await db_session.refresh(row)
    assert row.last_used_at == first_use
    assert row.updated_at == updated


async def test_keys_cannot_mint_keys_and_scope_is_validated(client, workspace_key):
    slug, key = workspace_key
    csrf = (await client.get("/api/v1/auth/csrf")).json()["csrfToken"]
    as_owner = {"X-CSRF-Token": csrf}
    bogus = await client.post(
        f"/api/v1/workspaces/{slug}/api-keys", headers=as_owner, json={"name": "x", "scopes": ["superuser"]}
    )
    assert bogus.status_code == 400
    # Even an admin-scoped key cannot create keys: a leaked or expiring key must not outlive its revocation.
    minted = await client.post(
        f"/api/v1/workspaces/{slug}/api-keys", headers=api_headers(key), json={"name": "persist", "scopes": ["read"]}
    )
    assert minted.status_code == 403, minted.text
    read_key = (
        await client.post(
            f"/api/v1/workspaces/{slug}/api-keys", headers=as_owner, json={"name": "r", "scopes": ["read"]}
        )
    ).json()["key"]
    # A read-only key may not manage keys at all.
    denied = await client.post(
        f"/api/v1/workspaces/{slug}/api-keys",
        headers=api_headers(read_key),
        json={"name": "escalate", "scopes": ["admin"]},
    )
    assert denied.status_code == 403


async def test_keys_of_a_removed_member_are_revoked(client, workspace_key):
    slug, _ = workspace_key
    owner_csrf = (await client.get("/api/v1/auth/csrf")).json()["csrfToken"]
    owner_email = (await client.get("/api/v1/auth/me")).json()["user"]["email"]
    client.cookies.clear()
    admin = await register(client)
    client.cookies.clear()
    owner_csrf = await login(client, owner_email)
    await add_member(client, owner_csrf, slug, admin["email"], "admin")
    client.cookies.clear()
    admin_csrf = await login(client, admin["email"])
    admin_key = await create_api_key(client, admin_csrf, slug, scopes=["read", "write", "admin"])
    assert (await client.get(f"/api/v1/workspaces/{slug}", headers=api_headers(admin_key))).status_code == 200
    client.cookies.clear()
    owner_csrf = await login(client, owner_email)
    admin_id = admin["user"]["id"]
    removed = await client.delete(f"/api/v1/workspaces/{slug}/members/{admin_id}", headers={"X-CSRF-Token": owner_csrf})
    assert removed.status_code == 204, removed.text
    client.cookies.clear()
    assert (await client.get(f"/api/v1/workspaces/{slug}", headers=api_headers(admin_key))).status_code == 401


async def test_personal_workspaces_take_no_members(client):
    other = await register(client)
    client.cookies.clear()
    owner = await register(client)
    added = await client.post(
        f"/api/v1/workspaces/{owner['personalWorkspace']}/members",
        json={"email": other["email"], "role": "owner"},
        headers={"X-CSRF-Token": owner["csrf"]},
    )
    assert added.status_code == 409, added.text
