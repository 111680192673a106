"""The role matrix: each role and each key scope against each workspace action, checked against a GOLDEN table
written out by hand (never derived from the permission tables the code uses).

Allowed means the guard lets the call through: no 401/403, no "Workspace not found", and never a 5xx (the
handler may still refuse the dummy body or ids with a 4xx). Refused means 403. Destructive actions (delete,
leave) are checked separately on their own workspaces.
"""

from __future__ import annotations

import pytest

from app.domain.access.permissions import Role
from tests.integration.helpers import add_member, api_headers, create_api_key, create_workspace, register
from tests.integration.workspaces.routes import workspace_routes

COOKIE = "promptsmith_session"
DESTRUCTIVE = {"deleteWorkspace", "leaveWorkspace"}
ROLES = [Role.OWNER, Role.ADMIN, Role.EDITOR, Role.VIEWER]
SCOPES = [["read"], ["write"], ["admin"], ["read", "write"]]

VIEWERS = {"owner", "admin", "editor", "viewer", "key:read", "key:write", "key:admin", "key:read+write"}
EDITORS = {"owner", "admin", "editor", "key:write", "key:admin", "key:read+write"}
ADMINS = {"owner", "admin", "key:admin"}

GOLDEN: dict[str, set[str]] = {
    # the workspace and its settings
    "getWorkspace": VIEWERS,
    "updateWorkspace": ADMINS,
    "getWorkspaceLintRules": VIEWERS,
    "setWorkspaceLintRules": ADMINS,
    "lintPromptInWorkspace": VIEWERS,
    # members, keys, audit
    "listMembers": VIEWERS,
    "addMember": ADMINS,
    "changeMemberRole": ADMINS,
    "removeMember": ADMINS,
    "listApiKeys": ADMINS,
    "createApiKey": ADMINS,
    "revokeApiKey": ADMINS,
    "listAuditEvents": ADMINS,
    # prompts
    "listPrompts": VIEWERS,
    "getPrompt": VIEWERS,
    "createPrompt": EDITORS,
    "updatePrompt": EDITORS,
    "archivePrompt": EDITORS,
    "deletePrompt": EDITORS,
    "exportPrompt": VIEWERS,
    "exportPrompts": VIEWERS,
    "importPrompts": EDITORS,
    "saveGeneration": EDITORS,
    # versions and labels
    "listPromptVersions": VIEWERS,
    "getPromptVersion": VIEWERS,
    "createPromptVersion": EDITORS,
    "diffPromptVersions": VIEWERS,
    "renderPrompt": VIEWERS,
    "listPromptLabels": VIEWERS,
    "listPromptLabelHistory": VIEWERS,
    "setPromptLabel": EDITORS,
    "removePromptLabel": EDITORS,
    "rollbackPromptLabel": EDITORS,
    # delivery
    "resolvePrompt": VIEWERS,
    # webhooks
    "listWebhooks": ADMINS,
    "createWebhook": ADMINS,
    "getWebhook": ADMINS,
    "updateWebhook": ADMINS,
    "deleteWebhook": ADMINS,
    "rotateWebhookSecret": ADMINS,
    "listWebhookDeliveries": ADMINS,
    "listWebhookDeliveryAttempts": ADMINS,
    "redeliverWebhook": ADMINS,
}


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
        }
    return slug, principals


async def test_every_workspace_route_is_in_the_golden_table(app):
    listed = {route.operation_id for route in workspace_routes(app)}
    assert listed - DESTRUCTIVE == set(GOLDEN), "add the new route to GOLDEN, by hand"


async def test_each_role_and_scope_against_each_action(client, app):
    slug, principals = await _setup(client)
    failures = []
    checked = 0
    for route in workspace_routes(app):
        if route.operation_id in DESTRUCTIVE:
            continue
        for name, principal in principals.items():
            _use_session(client, principal)
            response = await client.request(
                route.method, route.url(slug), headers=principal["headers"], **({"json": {}} if route.has_body else {})
            )
            allowed = name in GOLDEN[route.operation_id]
            let_through = (
                response.status_code < 500
                and response.status_code not in {401, 403}
                and "Workspace not found" not in response.text
            )
            if (allowed and not let_through) or (not allowed and response.status_code != 403):
                failures.append(
                    f"{name} {route.method} {route.path} ({route.operation_id}): {response.status_code} "
                    f"{response.text[:160]}"
                )
            checked += 1
    assert checked == len(GOLDEN) * len(principals)
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
