"""The audit log: which events are recorded, who may read them, filters and pagination."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.db.models import AuditEvent
from tests.integration.helpers import (
    add_member,
    api_headers,
    create_api_key,
    create_workspace,
    login,
    register,
    unique_email,
)

COOKIE = "promptsmith_session"


async def test_security_events_are_recorded_with_actor_target_and_request_id(client, db_session):
    owner = await register(client)
    owner_session = client.cookies.get(COOKIE)
    client.cookies.clear()
    member = await register(client)
    client.cookies.clear()
    client.cookies.set(COOKIE, owner_session, domain="testserver.local")
    slug = (await create_workspace(client, owner["csrf"]))["slug"]
    await add_member(client, owner["csrf"], slug, member["email"], "viewer")
    csrf = {"X-CSRF-Token": owner["csrf"]}
    base = f"/api/v1/workspaces/{slug}"
    await client.patch(f"{base}/members/{member['user']['id']}", json={"role": "editor"}, headers=csrf)
    await client.delete(f"{base}/members/{member['user']['id']}", headers=csrf)
    key = await create_api_key(client, owner["csrf"], slug, name="ci")
    key_id = (await client.get(f"{base}/api-keys")).json()["items"][0]["id"]
    revoke = await client.delete(f"{base}/api-keys/{key_id}", headers={**csrf, "X-Request-ID": "req-revoke-1"})
    assert revoke.status_code == 204

    page = (await client.get(f"{base}/audit-events")).json()
    actions = [e["action"] for e in page["items"]]
    assert actions == ["api_key.revoked", "api_key.created", "member.removed", "member.role_changed", "member.added"]
    revoked = page["items"][0]
    assert revoked["actor"] == {"type": "user", "id": owner["user"]["id"], "label": owner["email"]}
    assert revoked["target"]["type"] == "api_key"
    assert revoked["target"]["id"] == key_id
    assert key[:16] in revoked["target"]["label"]
    assert revoked["requestId"] == "req-revoke-1"
    assert page["items"][3]["details"] == {"from": "viewer", "to": "editor"}

    only = (await client.get(f"{base}/audit-events", params={"action": "member.added"})).json()
    assert only["total"] == 1
    assert only["items"][0]["target"]["label"] == member["email"]
    paged = (await client.get(f"{base}/audit-events", params={"limit": 2, "offset": 1})).json()
    assert paged["total"] == 5
    assert [e["action"] for e in paged["items"]] == actions[1:3]
    future = (datetime.now(UTC) + timedelta(minutes=5)).isoformat()
    assert (await client.get(f"{base}/audit-events", params={"since": future})).json()["total"] == 0
    assert (await client.get(f"{base}/audit-events", params={"until": future})).json()["total"] == 5
    assert (await client.get(f"{base}/audit-events", params={"limit": 500})).status_code == 400


async def test_login_events_go_to_the_personal_workspace(client, db_session):
    account = await register(client)
    client.cookies.clear()
    bad = await client.post("/api/v1/auth/login", json={"email": account["email"], "password": "wrong password"})
    assert bad.status_code == 401
    await login(client, account["email"])
    events = (await client.get(f"/api/v1/workspaces/{account['personalWorkspace']}/audit-events")).json()["items"]
    assert [e["action"] for e in events][:2] == ["login.succeeded", "login.failed"]
    ghost = unique_email("ghost")
    await client.post("/api/v1/auth/login", json={"email": ghost, "password": "whatever-123"})
    row = (await db_session.execute(select(AuditEvent).where(AuditEvent.target_label == ghost))).scalar_one()
    assert row.workspace_id is None
    assert row.action == "login.failed"
    assert row.actor_type == "anonymous"


async def test_audit_log_needs_admin(client, workspace_key):
    slug, admin_key = workspace_key
    owner_csrf = (await client.get("/api/v1/auth/csrf")).json()["csrfToken"]
    editor_key = await create_api_key(client, owner_csrf, slug, scopes=["write"])
    assert (
        await client.get(f"/api/v1/workspaces/{slug}/audit-events", headers=api_headers(admin_key))
    ).status_code == 200
    assert (
        await client.get(f"/api/v1/workspaces/{slug}/audit-events", headers=api_headers(editor_key))
    ).status_code == 403


async def test_time_filters_take_rfc3339_date_times_only(client):
    account = await register(client)
    url = f"/api/v1/workspaces/{account['personalWorkspace']}/audit-events"
    # A number is not a date-time (Litestar would read it as a Unix timestamp), nor is a date-time without offset.
    for bad in ("0.5", "1700000000", "2026-01-31T09:00:00", "2026-01-31", "yesterday"):
        response = await client.get(url, params={"until": bad})
        assert response.status_code == 400, bad
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["errors"][0]["field"] == "until"
    future = (datetime.now(UTC) + timedelta(minutes=5)).isoformat()
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat().replace("+00:00", "Z")
    found = await client.get(url, params={"since": past, "until": future})
    assert found.status_code == 200
    assert found.json()["total"] >= 1
    assert (await client.get(url, params={"until": past})).json()["total"] == 0
