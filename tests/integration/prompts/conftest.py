"""Fixtures for the prompt registry tests: an API client bound to a fresh workspace."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pytest

from tests.integration.helpers import api_headers


def seg(name: str) -> str:
    """A prompt name as one URL path segment: URL-encoded, `/` written `%2F` (see the OpenAPI description)."""
    return quote(name, safe="")


@dataclass
class Api:
    client: Any
    slug: str
    key: str | None = None
    csrf: str | None = None
    """Without a key, requests use the client's session cookie and this CSRF token."""

    @property
    def headers(self) -> dict[str, str]:
        return api_headers(self.key) if self.key else {"X-CSRF-Token": self.csrf or ""}

    def url(self, name: str | None = None, suffix: str = "") -> str:
        base = f"/api/v1/workspaces/{self.slug}/prompts"
        return base + (f"/{seg(name)}" if name is not None else "") + suffix

    async def get(self, url: str, **kw: Any) -> Any:
        return await self.client.get(url, headers={**self.headers, **kw.pop("headers", {})}, **kw)

    async def post(self, url: str, **kw: Any) -> Any:
        return await self.client.post(url, headers={**self.headers, **kw.pop("headers", {})}, **kw)

    async def put(self, url: str, **kw: Any) -> Any:
        return await self.client.put(url, headers={**self.headers, **kw.pop("headers", {})}, **kw)

    async def patch(self, url: str, **kw: Any) -> Any:
        return await self.client.patch(url, headers={**self.headers, **kw.pop("headers", {})}, **kw)

    async def delete(self, url: str, **kw: Any) -> Any:
        return await self.client.delete(url, headers={**self.headers, **kw.pop("headers", {})}, **kw)

    async def create_prompt(self, name: str, kind: str = "text", **extra: Any) -> dict[str, Any]:
        r = await self.post(self.url(), json={"name": name, "kind": kind, **extra})
        assert r.status_code == 201, r.text
        body: dict[str, Any] = r.json()
        return body

    async def add_version(self, name: str, text: str, **extra: Any) -> dict[str, Any]:
        r = await self.post(self.url(name, "/versions"), json={"text": text, **extra})
        assert r.status_code == 201, r.text
        body: dict[str, Any] = r.json()
        return body

    async def set_label(self, name: str, label: str, version: int) -> dict[str, Any]:
        r = await self.put(self.url(name, f"/labels/{label}"), json={"version": version})
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body


@pytest.fixture
async def api(client: Any, workspace_key: tuple[str, str]) -> Api:
    slug, key = workspace_key
    return Api(client=client, slug=slug, key=key)
