"""The whole product on the embedded default (SQLite file, memory stores, migrations at start).

The README promises that a newcomer with no servers gets a working service; this walks the main flow on
that configuration, so a PostgreSQL-only code path (a raw asyncpg call, a dialect-specific query) fails here.
"""

from __future__ import annotations

from pathlib import Path

from litestar.testing import AsyncTestClient

from app.config.settings import load_settings
from app.server.asgi import create_app
from tests.integration.helpers import api_headers, create_api_key, register

TASK = "Answer billing questions for Acme using the help-center article"


async def test_main_flow_on_sqlite_and_memory_stores(tmp_path: Path) -> None:
    settings = load_settings(
        {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/promptsmith.db", "LOG_LEVEL": "WARNING"}, env_file=None
    )
    assert settings.redis_url is None
    assert settings.should_auto_migrate
    async with AsyncTestClient(app=create_app(settings), base_url="https://testserver.local") as client:
        account = await register(client)
        slug = account["personalWorkspace"]
        key = await create_api_key(client, account["csrf"], slug, scopes=["read", "write", "admin"])
        headers = api_headers(key)
        base = f"/api/v1/workspaces/{slug}/prompts"

        generated = await client.post("/api/v1/generate", json={"task": TASK, "target": "claude"}, headers=headers)
        assert generated.status_code == 200, generated.text
        assert generated.json()["lint"]["errors"] == 0
        saved = await client.post(
            f"/api/v1/workspaces/{slug}/generations",
            json={"brief": {"task": TASK}, "promptName": "support/billing"},
            headers=headers,
        )
        assert saved.status_code == 201, saved.text
        second = await client.post(
            f"{base}/support%2Fbilling/versions",
            json={"text": "You are Acme's billing assistant. Reply in JSON."},
            headers=headers,
        )
        assert second.status_code == 201, second.text
        moved = await client.put(f"{base}/support%2Fbilling/labels/production", json={"version": 1}, headers=headers)
        assert moved.status_code == 200, moved.text

        resolved = await client.get(
            f"{base}/support%2Fbilling/resolve", params={"label": "production"}, headers=headers
        )
        assert resolved.status_code == 200, resolved.text
        assert resolved.json()["version"] == 1
        again = await client.get(
            f"{base}/support%2Fbilling/resolve",
            params={"label": "production"},
            headers={**headers, "If-None-Match": resolved.headers["etag"]},
        )
        assert again.status_code == 304
        missing = await client.get(f"{base}/support%2Fbilling/resolve", params={"label": "staging"}, headers=headers)
        assert missing.status_code == 404, missing.text
        by_version = await client.get(f"{base}/support%2Fbilling/resolve", params={"version": 2}, headers=headers)
        assert by_version.status_code == 200, by_version.text
        assert by_version.json()["version"] == 2

        listed = await client.get(base, params={"prefix": "support/"}, headers=headers)
        assert listed.status_code == 200, listed.text
        assert [item["name"] for item in listed.json()["items"]] == ["support/billing"]
        diff = await client.get(f"{base}/support%2Fbilling/diff", params={"from": 1, "to": 2}, headers=headers)
        assert diff.status_code == 200, diff.text
