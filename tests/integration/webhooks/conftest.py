"""Fixtures for webhook tests: an app whose deliveries run in process (saq on the test Redis, in a queue of its
own), allowed to reach the tests' local receiver, with fast retries; a receiver; and API helpers."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from litestar import Litestar

from app.config.settings import Settings
from app.server.asgi import create_app
from tests.conftest import TEST_REDIS_NAMESPACE, make_settings
from tests.integration.helpers import api_headers
from tests.integration.webhooks.receiver import Receiver


def webhook_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "WEBHOOK_WORKER": "in-process",
        "WEBHOOK_ALLOW_PRIVATE_TARGETS": "true",
        "WEBHOOK_RETRY_BASE": "0.2",
        "WEBHOOK_RETRY_MAX": "1",
        "WEBHOOK_POLL_INTERVAL": "0.1",
        "WEBHOOK_TIMEOUT": "5",
        "WEBHOOK_DISABLE_AFTER": "4",
        "REDIS_NAMESPACE": f"{TEST_REDIS_NAMESPACE}-wh-{uuid.uuid4().hex[:8]}",
    }
    values.update(overrides)
    return make_settings(**values)


@pytest.fixture
async def app(database_url: str) -> Litestar:
    return create_app(webhook_settings())


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    r = Receiver()
    await r.start()
    yield r
    await r.stop()


@dataclass
class Hooks:
    """The webhook and prompt endpoints of one workspace, as its admin key."""

    client: Any
    slug: str
    key: str

    @property
    def headers(self) -> dict[str, str]:
        return api_headers(self.key)

    def url(self, suffix: str = "") -> str:
        return f"/api/v1/workspaces/{self.slug}/webhooks{suffix}"

    def prompts(self, suffix: str = "") -> str:
        return f"/api/v1/workspaces/{self.slug}/prompts{suffix}"

    async def subscribe(self, url: str, events: list[str] | None = None, **extra: Any) -> dict[str, Any]:
        body = {"url": url, "events": events or ["version.created", "label.moved", "label.removed", "prompt.deleted"]}
        response = await self.client.post(self.url("/"), json={**body, **extra}, headers=self.headers)
        assert response.status_code == 201, response.text
        created: dict[str, Any] = response.json()
        return created

    async def create_prompt(self, name: str) -> None:
        response = await self.client.post(self.prompts("/"), json={"name": name, "kind": "text"}, headers=self.headers)
        assert response.status_code == 201, response.text

    async def add_version(self, name: str, text: str, labels: list[str] | None = None) -> int:
        response = await self.client.post(
            self.prompts(f"/{name}/versions"), json={"text": text, "labels": labels or []}, headers=self.headers
        )
        assert response.status_code == 201, response.text
        return int(response.json()["version"])

    async def move_label(self, name: str, label: str, version: int) -> None:
        response = await self.client.put(
            self.prompts(f"/{name}/labels/{label}"), json={"version": version}, headers=self.headers
        )
        assert response.status_code == 200, response.text

    async def deliveries(self, webhook_id: str) -> list[dict[str, Any]]:
        response = await self.client.get(self.url(f"/{webhook_id}/deliveries"), headers=self.headers)
        assert response.status_code == 200, response.text
        items: list[dict[str, Any]] = response.json()["items"]
        return items


@pytest.fixture
async def hooks(client: Any, workspace_key: tuple[str, str]) -> Hooks:
    slug, key = workspace_key
    return Hooks(client=client, slug=slug, key=key)
