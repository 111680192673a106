"""Tenant isolation, generated from the route table: every workspace route, called by an outsider, is a 404.

The outsiders are a member of another workspace (session + CSRF) and that workspace's admin API key. Any route
added later is enumerated too; one that forgets the guard fails here (and the app refuses to start without a
declared permission, see test_route_guard_check.py).
"""

from __future__ import annotations

from litestar.testing import AsyncTestClient
from sqlalchemy import select

from app.db.models import ApiKey, Workspace, WorkspaceMember
from app.server.asgi import create_app
from tests.integration.helpers import add_member, api_headers, create_api_key, create_workspace, register
from tests.integration.workspaces.routes import workspace_routes

BASE = "https://testserver.local"


async def test_every_workspace_route_is_404_for_outsiders(client, app, settings, db_session):
    victim = await register(client, display_name="Victim Owner")
    target = await create_workspace(client, victim["csrf"], name="Secret Project Zebra")
    slug = target["slug"]
    victim_key = await create_api_key(client, victim["csrf"], slug, name="victim-key")
    colleague = await register(client, display_name="Colleague")  # logs the client in as the colleague
    client.cookies.clear()
    await _login_as(client, victim)
    await add_member(client, victim["csrf"], slug, colleague["email"], "viewer")
    key_id = (await client.get(f"/api/v1/workspaces/{slug}/api-keys")).json()["items"][0]["id"]
    known = {"user_id": colleague["user"]["id"], "key_id": key_id}
    secrets = [slug, "Zebra", victim["email"], colleague["email"], victim_key[:16], key_id]

    routes = workspace_routes(app)
    assert len(routes) >= 12, routes  # sanity: the enumeration sees this feature's routes at least

    async with AsyncTestClient(app=create_app(settings), base_url=BASE) as outsider:
        stranger = await register(outsider, display_name="Stranger")
        own = await create_workspace(outsider, stranger["csrf"])
        stranger_key = await create_api_key(outsider, stranger["csrf"], own["slug"], scopes=["read", "write", "admin"])
        unknown = await outsider.get("/api/v1/workspaces/no-such-workspace-0000")
        assert unknown.status_code == 404
        reference = {k: unknown.json()[k] for k in ("type", "title", "status", "detail")}

        failures = []
        for route in routes:
            url = route.url(slug, known)
            for label, headers in (
                ("member of another workspace", {"X-CSRF-Token": stranger["csrf"]}),
                ("another workspace's API key", api_headers(stranger_key)),
            ):
                kwargs = {"headers": headers}
                if route.has_body:
                    kwargs["json"] = {}
                if label.endswith("API key"):
                    saved = dict(outsider.cookies)
                    outsider.cookies.clear()
                response = await outsider.request(route.method, url, **kwargs)
                if label.endswith("API key"):
                    for name, value in saved.items():
                        outsider.cookies.set(name, value, domain="testserver.local")
                problem = response.json() if response.text else {}
                # `instance` echoes the request path (which the caller wrote); everything else must hold no data.
                body = str({k: v for k, v in problem.items() if k != "instance"}) if isinstance(problem, dict) else ""
                if (
                    response.status_code != 404
                    or any(secret in body for secret in secrets)
                    or {k: problem.get(k) for k in reference} != reference
                ):
                    failures.append(
                        f"{route.method} {route.path} as {label}: {response.status_code} {response.text[:200]}"
                    )
        assert not failures, "\n".join(failures)

    # Nothing changed in the victim's workspace.
    workspace = (await db_session.execute(select(Workspace).where(Workspace.slug == slug))).scalar_one()
    assert workspace.name == "Secret Project Zebra"
    members = (
        (await db_session.execute(select(WorkspaceMember).where(WorkspaceMember.workspace_id == workspace.id)))
        .scalars()
        .all()
    )
    assert len(members) == 2
    key = (await db_session.execute(select(ApiKey).where(ApiKey.workspace_id == workspace.id))).scalar_one()
    assert key.revoked_at is None


async def test_anonymous_callers_get_401_on_every_workspace_route(client, app):
    owner = await register(client)
    slug = (await create_workspace(client, owner["csrf"]))["slug"]
    client.cookies.clear()
    for route in workspace_routes(app):
        response = await client.request(route.method, route.url(slug), **({"json": {}} if route.has_body else {}))
        assert response.status_code == 401, f"{route.method} {route.path}: {response.status_code}"
        assert slug not in str({k: v for k, v in response.json().items() if k != "instance"})


async def _login_as(client, account) -> None:
    response = await client.post(
        "/api/v1/auth/login", json={"email": account["email"], "password": account["password"]}
    )
    assert response.status_code == 200
    account["csrf"] = response.json()["csrfToken"]
