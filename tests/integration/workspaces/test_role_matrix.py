"""The role matrix, generated from the route table: each role and each key scope against each workspace action.

Allowed means the guard lets the call through (whatever the handler then says about the dummy body or ids);
not allowed means 403. Destructive actions (delete, leave) are checked separately on their own workspaces.
"""

from __future__ import annotations

import pytest

from app.domain.access.permissions import ROLE_PERMISSIONS, Permission, Role, permissions_for_scopes
from tests.integration.helpers import add_member, api_headers, create_api_key, create_workspace, register
from tests.integration.workspaces.routes import workspace_routes

COOKIE = "promptsmith_session"
DESTRUCTIVE = {"deleteWorkspace", "leaveWorkspace"}
ROLES = [Role.OWNER, Role.ADMIN, Role.EDITOR, Role.VIEWER]
SCOPES = [["read"], ["write"], ["admin"], ["read", "write"]]


def _use_session(client, principal) -> None:
    client.cookies.clear()
    if principal.get("session"):
        client.cookies.set(COOKIE, principal["session"], domain="testserver.local")


async def _setup(client):
    """A workspace with one user per role and one key per scope set; returns (slug, principals)."""
    principals: dict[str, dict] = {}
    for role in ROLES:
        client.cookies.clear()  # registering with a cookie would end that earlier session
        account = await register(client, display_name=role.value)
        principals[role.value] = {
            "account": account,
            "session": client.cookies.get(COOKIE),
            "headers": {"X-CSRF-Token": account["csrf"]},
            "granted": ROLE_PERMISSIONS[role],
        }
    owner = principals["owner"]
    _use_session(client, owner)
    slug = (await create_workspace(client, owner["account"]["csrf"]))["slug"]
    for role in ROLES[1:]:
        await add_member(client, owner["account"]["csrf"], slug, principals[role.value]["account"]["email"], role.value)
    for scopes in SCOPES:
        key = await create_api_key(client, owner["account"]["csrf"], slug, scopes=scopes, name="+".join(scopes))
        principals["key:" + "+".join(scopes)] = {
            "session": None,
            "headers": api_headers(key),
            "granted": permissions_for_scopes(scopes),
        }
    return slug, principals


async def test_each_role_and_scope_against_each_action(client, app):
    slug, principals = await _setup(client)
    failures = []
    checked = 0
    for route in workspace_routes(app):
        if route.operation_id in DESTRUCTIVE:
            continue
        assert isinstance(route.permission, Permission)
        for name, principal in principals.items():
            _use_session(client, principal)
            response = await client.request(
                route.method, route.url(slug), headers=principal["headers"], **({"json": {}} if route.has_body else {})
            )
            allowed = route.permission in principal["granted"]
            ok = response.status_code not in {401, 403, 404} or (
                allowed and response.status_code == 404 and "Workspace not found" not in response.text
            )
            if (allowed and not ok) or (not allowed and response.status_code != 403):
                failures.append(
                    f"{name} {route.method} {route.path} ({route.permission}): {response.status_code} "
                    f"{response.text[:160]}"
                )
            checked += 1
    assert checked >= 12 * len(principals)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ROLES)
async def test_only_owners_delete_a_workspace(client, role):
    slug, principals = await _setup(client)
    principal = principals[role.value]
    _use_session(client, principal)
    response = await client.delete(f"/api/v1/workspaces/{slug}", headers=principal["headers"])
    assert response.status_code == (204 if role is Role.OWNER else 403), response.text
    for name, key_principal in principals.items():
        if name.startswith("key:"):
            _use_session(client, key_principal)
            status = (await client.delete(f"/api/v1/workspaces/{slug}", headers=key_principal["headers"])).status_code
            assert status == (401 if role is Role.OWNER else 403)  # after deletion the key no longer exists


async def test_members_can_leave_but_keys_cannot(client):
    slug, principals = await _setup(client)
    _use_session(client, principals["key:admin"])
    assert (
        await client.delete(f"/api/v1/workspaces/{slug}/membership", headers=principals["key:admin"]["headers"])
    ).status_code == 403
    viewer = principals["viewer"]
    _use_session(client, viewer)
    assert (await client.delete(f"/api/v1/workspaces/{slug}/membership", headers=viewer["headers"])).status_code == 204
    assert (await client.get(f"/api/v1/workspaces/{slug}")).status_code == 404
    owner = principals["owner"]
    _use_session(client, owner)
    last = await client.delete(f"/api/v1/workspaces/{slug}/membership", headers=owner["headers"])
    assert last.status_code == 409
