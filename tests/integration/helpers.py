"""Helpers that drive the accounts API the way a client would. Every feature's tests may use them.

All functions take an `AsyncTestClient` and assert the expected status, so a failure points at the setup step.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from tests.factories import RegisterRequestFactory, WorkspaceCreateFactory, payload

DEFAULT_PASSWORD = "correct horse battery"


def api_headers(key: str) -> dict[str, str]:
    """Headers that authenticate as the API key `key`."""
    return {"Authorization": f"Bearer {key}"}


def rate_limit_remaining(headers: Mapping[str, str]) -> int:
    """The `r` (requests left) of a response's `RateLimit` field (`"api-key";r=5;t=42`)."""
    _, _, params = headers["ratelimit"].partition(";")
    return int(dict(param.split("=", 1) for param in params.split(";"))["r"])


def unique_email(tag: str = "user") -> str:
    return f"{tag}-{uuid.uuid4().hex[:12]}@example.com"


async def register(
    client: Any, *, email: str | None = None, password: str = DEFAULT_PASSWORD, display_name: str | None = None
) -> dict[str, Any]:
    """Register (which also logs `client` in). Returns user, csrf, email, password and personalWorkspace."""
    email = email or unique_email()
    overrides = {"display_name": display_name} if display_name else {}
    request = RegisterRequestFactory.build(email=email, password=password, **overrides)
    response = await client.post("/api/v1/auth/register", json=payload(request))
    assert response.status_code == 201, response.text
    body = response.json()
    return {
        "user": body["user"],
        "csrf": body["csrfToken"],
        "email": email,
        "password": password,
        "personalWorkspace": body["personalWorkspace"],
    }


async def login(client: Any, email: str, password: str = DEFAULT_PASSWORD) -> str:
    """Log `client` in; returns the CSRF token."""
    response = await client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    return str(response.json()["csrfToken"])


async def create_workspace(client: Any, csrf: str, name: str | None = None) -> dict[str, Any]:
    """Create a workspace as the logged-in user; returns its JSON (with `slug`)."""
    response = await client.post(
        "/api/v1/workspaces",
        json=payload(WorkspaceCreateFactory.build(**({"name": name} if name else {}))),
        headers={"X-CSRF-Token": csrf},
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def add_member(client: Any, csrf: str, slug: str, email: str, role: str) -> dict[str, Any]:
    """Add an existing user to the workspace with `role` (owner, admin, editor, viewer)."""
    response = await client.post(
        f"/api/v1/workspaces/{slug}/members", json={"email": email, "role": role}, headers={"X-CSRF-Token": csrf}
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def create_api_key(
    client: Any,
    csrf: str,
    slug: str,
    scopes: list[str] | None = None,
    name: str = "test",
    expires_at: datetime | str | None = None,
) -> str:
    """Create an API key in `slug` as the logged-in user; returns the full key (shown once)."""
    payload: dict[str, Any] = {"name": name, "scopes": scopes or ["read", "write", "admin"]}
    if expires_at is not None:
        payload["expiresAt"] = expires_at.isoformat() if isinstance(expires_at, datetime) else expires_at
    response = await client.post(f"/api/v1/workspaces/{slug}/api-keys", json=payload, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 201, response.text
    return str(response.json()["key"])
