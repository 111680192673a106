"""Workspaces and members through the API: create, list, get, rename, delete (no orphans), roles rules."""

from __future__ import annotations

from sqlalchemy import func, select

from app.db.models import ApiKey, AuditEvent, Workspace, WorkspaceMember
from app.db.models import __all__ as model_names
from tests.integration.helpers import add_member, api_headers, create_api_key, create_workspace, register

COOKIE = "promptsmith_session"


def _as(client, account, session_id) -> dict[str, str]:
    client.cookies.clear()
    client.cookies.set(COOKIE, session_id, domain="testserver.local")
    return {"X-CSRF-Token": account["csrf"]}


async def test_create_list_get_rename(client):
    account = await register(client)
    csrf = {"X-CSRF-Token": account["csrf"]}
    made = await client.post(
        "/api/v1/workspaces", json={"name": "Docs Team", "slug": f"docs-{account['user']['id'][-8:]}"}, headers=csrf
    )
    assert made.status_code == 201, made.text
    slug = made.json()["slug"]
    assert made.json()["role"] == "owner"
    assert made.json()["protectedLabels"] == ["production"]
    taken = await client.post("/api/v1/workspaces", json={"name": "Again", "slug": slug}, headers=csrf)
    assert taken.status_code == 409
    listing = (await client.get("/api/v1/workspaces?limit=1")).json()
    assert listing["total"] == 2
    assert len(listing["items"]) == 1
    assert listing["limit"] == 1
    assert (await client.get("/api/v1/workspaces?limit=101")).status_code == 400
    renamed = await client.patch(
        f"/api/v1/workspaces/{slug}", json={"name": "Docs", "protectedLabels": ["prod", "eu"]}, headers=csrf
    )
    assert renamed.status_code == 200
    assert renamed.json()["name"] == "Docs"
    assert renamed.json()["protectedLabels"] == ["eu", "prod"]
    immutable = await client.patch(f"/api/v1/workspaces/{slug}", json={"slug": "new-slug"}, headers=csrf)
    assert immutable.status_code == 400
    assert (await client.get(f"/api/v1/workspaces/{slug}")).json()["slug"] == slug


async def test_personal_workspace_exists_and_cannot_be_deleted(client):
    account = await register(client)
    personal = account["personalWorkspace"]
    got = await client.get(f"/api/v1/workspaces/{personal}")
    assert got.status_code == 200
    assert got.json()["isPersonal"] is True
    assert (
        await client.delete(f"/api/v1/workspaces/{personal}", headers={"X-CSRF-Token": account["csrf"]})
    ).status_code == 409


async def test_delete_leaves_no_orphaned_rows(client, db_session):
    owner = await register(client)
    owner_session = client.cookies.get(COOKIE)
    client.cookies.clear()
    other = await register(client)
    headers = _as(client, owner, owner_session)
    slug = (await create_workspace(client, owner["csrf"]))["slug"]
    await add_member(client, owner["csrf"], slug, other["email"], "editor")
    key = await create_api_key(client, owner["csrf"], slug)
    workspace_id = (await db_session.execute(select(Workspace.id).where(Workspace.slug == slug))).scalar_one()
    assert (await client.get(f"/api/v1/workspaces/{slug}", headers=api_headers(key))).status_code == 200
    deleted = await client.delete(f"/api/v1/workspaces/{slug}", headers=headers)
    assert deleted.status_code == 204
    for model in (WorkspaceMember, ApiKey, AuditEvent):
        count = (
            await db_session.execute(select(func.count()).select_from(model).where(model.workspace_id == workspace_id))
        ).scalar_one()
        assert count == 0, model.__name__
    # Every other table that refers to a workspace is empty for it too (prompts, versions, labels...).
    import app.db.models as models

    for name in model_names:
        model = getattr(models, name)
        if "workspace_id" in model.__table__.columns:
            count = (
                await db_session.execute(
                    select(func.count()).select_from(model).where(model.__table__.c.workspace_id == workspace_id)
                )
            ).scalar_one()
            assert count == 0, name
    assert (await client.get(f"/api/v1/workspaces/{slug}", headers=api_headers(key))).status_code == 401
    assert (await client.get(f"/api/v1/workspaces/{slug}")).status_code == 404


async def test_member_rules(client):
    owner = await register(client)
    owner_session = client.cookies.get(COOKIE)
    client.cookies.clear()
    admin = await register(client)
    admin_session = client.cookies.get(COOKIE)
    client.cookies.clear()
    user = await register(client)
    headers = _as(client, owner, owner_session)
    slug = (await create_workspace(client, owner["csrf"]))["slug"]
    base = f"/api/v1/workspaces/{slug}/members"
    await add_member(client, owner["csrf"], slug, admin["email"].upper(), "admin")  # email case-insensitive
    dup = await client.post(base, json={"email": admin["email"], "role": "viewer"}, headers=headers)
    assert dup.status_code == 409
    nobody = await client.post(base, json={"email": "nobody-xyz@example.com", "role": "viewer"}, headers=headers)
    assert nobody.status_code == 404
    bad_role = await client.post(base, json={"email": user["email"], "role": "god"}, headers=headers)
    assert bad_role.status_code == 400
    owner_id = owner["user"]["id"]
    demote = await client.patch(f"{base}/{owner_id}", json={"role": "admin"}, headers=headers)
    assert demote.status_code == 409  # the last owner
    # An admin manages members but not owners.
    admin_headers = _as(client, admin, admin_session)
    assert (
        await client.post(base, json={"email": user["email"], "role": "owner"}, headers=admin_headers)
    ).status_code == 403
    added = await client.post(base, json={"email": user["email"], "role": "viewer"}, headers=admin_headers)
    assert added.status_code == 201
    assert (await client.patch(f"{base}/{owner_id}", json={"role": "viewer"}, headers=admin_headers)).status_code == 403
    assert (await client.delete(f"{base}/{owner_id}", headers=admin_headers)).status_code == 403
    changed = await client.patch(f"{base}/{user['user']['id']}", json={"role": "editor"}, headers=admin_headers)
    assert changed.status_code == 200
    assert changed.json()["role"] == "editor"
    # The owner promotes the admin to owner; then the first owner may step down.
    headers = _as(client, owner, owner_session)
    assert (
        await client.patch(f"{base}/{admin['user']['id']}", json={"role": "owner"}, headers=headers)
    ).status_code == 200
    assert (await client.patch(f"{base}/{owner_id}", json={"role": "viewer"}, headers=headers)).status_code == 200
    removed = await client.delete(f"{base}/{user['user']['id']}", headers=_as(client, admin, admin_session))
    assert removed.status_code == 204
    members = (await client.get(base)).json()
    assert members["total"] == 2
    assert {m["role"] for m in members["items"]} == {"owner", "viewer"}
