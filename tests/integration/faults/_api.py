"""Client-side helpers for the fault tests: an account, a workspace, an admin API key, prompts and versions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from tests.integration.helpers import api_headers, create_api_key, create_workspace, register


@dataclass
class Tenant:
    email: str
    password: str
    slug: str
    key: str

    @property
    def headers(self) -> dict[str, str]:
        return api_headers(self.key)

    def prompts(self, suffix: str = "") -> str:
        return f"/api/v1/workspaces/{self.slug}/prompts{suffix}"


async def setup_tenant(client: httpx.AsyncClient) -> Tenant:
    """Register (the client keeps the session cookie), create a workspace and an admin API key."""
    account = await register(client)
    workspace = await create_workspace(client, account["csrf"])
    key = await create_api_key(client, account["csrf"], workspace["slug"], scopes=["read", "write", "admin"])
    return Tenant(email=account["email"], password=account["password"], slug=workspace["slug"], key=key)


async def create_prompt(
    client: httpx.AsyncClient, tenant: Tenant, name: str, text: str, labels: list[str] | None = None
) -> dict[str, Any]:
    response = await client.post(tenant.prompts("/"), json={"name": name, "kind": "text"}, headers=tenant.headers)
    assert response.status_code == 201, response.text
    return await add_version(client, tenant, name, text, labels)


async def add_version(
    client: httpx.AsyncClient, tenant: Tenant, name: str, text: str, labels: list[str] | None = None
) -> dict[str, Any]:
    response = await client.post(
        tenant.prompts(f"/{name}/versions"), json={"text": text, "labels": labels or []}, headers=tenant.headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def resolve(client: httpx.AsyncClient, tenant: Tenant, name: str, label: str = "production") -> httpx.Response:
    return await client.get(tenant.prompts(f"/{name}/resolve"), params={"label": label}, headers=tenant.headers)


def unique_text(tag: str = "") -> str:
    return f"You are a test assistant {tag} {uuid.uuid4().hex}. Answer briefly."
