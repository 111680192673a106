"""The role matrix: each role and each key scope against each workspace action, checked against a GOLDEN table
written out by hand (never derived from the permission tables the code uses).

Every call is a valid request for its route (a real prompt, version, label, member, key, webhook or delivery,
made fresh for each call that uses one up), so "allowed" means what a client sees: a status below 400. Refused
means 403. Destructive workspace actions (delete, leave) are checked separately on their own workspaces.
"""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from app.domain.access.permissions import Role
from app.domain.webhooks.queue import LocalDrainQueue
from app.domain.webhooks.relay import relay_once
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
    "createApiKey": {"owner", "admin"},  # an API key never creates a key, whatever its scopes
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


@dataclass
class Call:
    """One request, relative to `/api/v1/workspaces/{slug}`."""

    path: str
    json: Any = None
    params: dict[str, Any] = field(default_factory=dict)


_serial = itertools.count()


@dataclass
class World:
    """The matrix workspace: a prompt `base` (v1 with `production`, v2), a webhook with one delivery, and the
    owner, who makes what a call uses up before the call."""

    client: Any
    slug: str
    owner: dict[str, Any]
    hook: str = ""
    delivery: str = ""

    def fresh(self, stem: str) -> str:
        return f"{stem}-{next(_serial)}"

    async def as_owner(self, method: str, path: str, json: Any = None) -> Any:
        _use_session(self.client, self.owner)
        response = await self.client.request(
            method, f"/api/v1/workspaces/{self.slug}{path}", headers=self.owner["headers"], json=json
        )
        assert response.status_code < 300, f"setup {method} {path}: {response.status_code} {response.text}"
        return response.json() if response.content else None

    async def prompt(self) -> str:
        name = self.fresh("p")
        await self.as_owner("POST", "/prompts", {"name": name})
        await self.as_owner("POST", f"/prompts/{name}/versions", {"text": "You help."})
        return name

    async def label(self, *versions: int) -> str:
        """A fresh label on `base`, moved through `versions` (so it has a history to roll back)."""
        label = self.fresh("lbl")
        for version in versions:
            await self.as_owner("PUT", f"/prompts/base/labels/{label}", {"version": version})
        return label

    async def member(self) -> str:
        self.client.cookies.clear()  # registering logs the new user in
        account = await register(self.client)
        added = await self.as_owner("POST", "/members", {"email": account["email"], "role": "viewer"})
        return str(added["userId"])

    async def key(self) -> str:
        created = await self.as_owner("POST", "/api-keys", {"name": self.fresh("k"), "scopes": ["read"]})
        return str(created["id"])

    async def webhook(self) -> str:
        body = {"url": "https://hooks.example.com/in", "events": ["version.created"]}
        return str((await self.as_owner("POST", "/webhooks", body))["id"])


async def _new_member(w: World) -> Call:
    self_register = w.fresh("m")
    w.client.cookies.clear()
    account = await register(w.client, display_name=self_register)
    return Call("/members", {"email": account["email"], "role": "viewer"})


async def _import(w: World) -> Call:
    document = {
        "format": "promptsmith.export/v1",
        "prompts": [{"name": w.fresh("imp"), "kind": "text", "versions": [{"version": 1, "text": "Imported."}]}],
    }
    return Call("/prompts/_import", document)


def _call(call: Call) -> Callable[[World], Awaitable[Call]]:
    async def make(_: World) -> Call:
        return call

    return make


CALLS: dict[str, Callable[[World], Awaitable[Call]]] = {
    "getWorkspace": _call(Call("")),
    "updateWorkspace": _call(Call("", {"name": "Matrix"})),
    "getWorkspaceLintRules": _call(Call("/lint-rules")),
    "setWorkspaceLintRules": _call(Call("/lint-rules", {"overrides": []})),
    "lintPromptInWorkspace": _call(Call("/lint", {"prompt": "You are a helpful assistant."})),
    "listMembers": _call(Call("/members")),
    "addMember": _new_member,
    "changeMemberRole": lambda w: _then(w.member(), lambda uid: Call(f"/members/{uid}", {"role": "editor"})),
    "removeMember": lambda w: _then(w.member(), lambda uid: Call(f"/members/{uid}")),
    "listApiKeys": _call(Call("/api-keys")),
    "createApiKey": _call(Call("/api-keys", {"name": "matrix", "scopes": ["read"]})),
    "revokeApiKey": lambda w: _then(w.key(), lambda kid: Call(f"/api-keys/{kid}")),
    "listAuditEvents": _call(Call("/audit-events")),
    "listPrompts": _call(Call("/prompts")),
    "getPrompt": _call(Call("/prompts/base")),
    "createPrompt": lambda w: _then(_value(w.fresh("new")), lambda name: Call("/prompts", {"name": name})),
    "updatePrompt": _call(Call("/prompts/base", {"description": "Matrix prompt"})),
    "archivePrompt": lambda w: _then(w.prompt(), lambda name: Call(f"/prompts/{name}/archive")),
    "deletePrompt": lambda w: _then(w.prompt(), lambda name: Call(f"/prompts/{name}")),
    "exportPrompt": _call(Call("/prompts/base/export")),
    "exportPrompts": _call(Call("/prompts/_export")),
    "importPrompts": _import,
    "saveGeneration": lambda w: _then(
        _value(w.fresh("gen")),
        lambda name: Call(
            "/generations", {"brief": {"task": "Answer billing questions politely."}, "promptName": name}
        ),
    ),
    "listPromptVersions": _call(Call("/prompts/base/versions")),
    "getPromptVersion": _call(Call("/prompts/base/versions/1")),
    "createPromptVersion": lambda w: _then(
        _value(w.fresh("v")), lambda text: Call("/prompts/base/versions", {"text": f"You help ({text})."})
    ),
    "diffPromptVersions": _call(Call("/prompts/base/diff", params={"from": 1, "to": 2})),
    "renderPrompt": _call(Call("/prompts/base/render", {})),
    "listPromptLabels": _call(Call("/prompts/base/labels")),
    "listPromptLabelHistory": _call(Call("/prompts/base/labels/production/history")),
    "setPromptLabel": lambda w: _then(
        _value(w.fresh("lbl")), lambda label: Call(f"/prompts/base/labels/{label}", {"version": 1})
    ),
    "removePromptLabel": lambda w: _then(w.label(1), lambda label: Call(f"/prompts/base/labels/{label}")),
    "rollbackPromptLabel": lambda w: _then(w.label(1, 2), lambda label: Call(f"/prompts/base/labels/{label}/rollback")),
    "resolvePrompt": _call(Call("/prompts/base/resolve")),
    "listWebhooks": _call(Call("/webhooks")),
    "createWebhook": _call(Call("/webhooks", {"url": "https://hooks.example.com/new", "events": ["label.moved"]})),
    "getWebhook": lambda w: _value(Call(f"/webhooks/{w.hook}")),
    "updateWebhook": lambda w: _value(Call(f"/webhooks/{w.hook}", {"description": "matrix"})),
    "deleteWebhook": lambda w: _then(w.webhook(), lambda hid: Call(f"/webhooks/{hid}")),
    "rotateWebhookSecret": lambda w: _value(Call(f"/webhooks/{w.hook}/rotate-secret")),
    "listWebhookDeliveries": lambda w: _value(Call(f"/webhooks/{w.hook}/deliveries")),
    "listWebhookDeliveryAttempts": lambda w: _value(Call(f"/webhooks/{w.hook}/deliveries/{w.delivery}/attempts")),
    "redeliverWebhook": lambda w: _value(Call(f"/webhooks/{w.hook}/deliveries/{w.delivery}/redeliver")),
}
"""A valid request for every action of GOLDEN, with what it uses up made fresh by the owner."""


async def _value(value: Any) -> Any:
    return value


async def _then(first: Awaitable[Any], make: Callable[[Any], Call]) -> Call:
    return make(await first)


async def _world(client: Any, slug: str, owner: dict[str, Any], db_engine: AsyncEngine) -> World:
    """`base` (v1 on `production`, v2), and a webhook whose delivery the relay fans out from the outbox."""
    world = World(client, slug, owner)
    await world.as_owner("POST", "/prompts", {"name": "base"})
    await world.as_owner("POST", "/prompts/base/versions", {"text": "You help.", "labels": ["production"]})
    world.hook = await world.webhook()
    await world.as_owner("POST", "/prompts/base/versions", {"text": "You help, briefly."})
    while await relay_once(async_sessionmaker(db_engine, expire_on_commit=False), LocalDrainQueue()):
        pass
    deliveries = await world.as_owner("GET", f"/webhooks/{world.hook}/deliveries")
    assert deliveries["items"], "the relay made no delivery"
    world.delivery = deliveries["items"][0]["id"]
    return world


def test_every_golden_action_has_a_valid_request() -> None:
    assert set(CALLS) == set(GOLDEN)


async def test_each_role_and_scope_against_each_action(client, app, db_engine):
    slug, principals = await _setup(client)
    world = await _world(client, slug, principals["owner"], db_engine)
    failures = []
    checked = 0
    for route in workspace_routes(app):
        if route.operation_id in DESTRUCTIVE:
            continue
        for name, principal in principals.items():
            call = await CALLS[route.operation_id](world)
            _use_session(client, principal)
            response = await client.request(
                route.method,
                f"/api/v1/workspaces/{slug}{call.path}",
                headers=principal["headers"],
                params=call.params,
                **({"json": call.json} if call.json is not None else {}),
            )
            allowed = name in GOLDEN[route.operation_id]
            if (allowed and response.status_code >= 400) or (not allowed and response.status_code != 403):
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
