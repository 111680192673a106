"""`/schema/openapi.json` and the docs page answer from the committed document, through the real app."""

from __future__ import annotations

import json

import pytest
from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.spec import OpenAPI
from litestar.testing import AsyncTestClient

from app.server.asgi import create_app
from app.server.docs import OPENAPI_DOCUMENT, OPENAPI_JSON_PATH


async def test_openapi_json_is_the_committed_document(settings) -> None:
    async with AsyncTestClient(app=create_app(settings), base_url="https://testserver.local") as client:
        response = await client.get("/schema/openapi.json")
        page = await client.get("/schema")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.oai.openapi+json"
    assert response.json() == json.loads(OPENAPI_DOCUMENT.read_bytes())
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert f'data-url="/schema{OPENAPI_JSON_PATH}"' in page.text
    assert "<title>Promptsmith API</title>" in page.text


async def test_the_worker_never_builds_the_openapi_tree(settings, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[bool] = []
    original = OpenAPIConfig.to_openapi_schema

    def spy(config: OpenAPIConfig) -> OpenAPI:  # building the tree starts with this public method
        built.append(True)
        return original(config)

    monkeypatch.setattr(OpenAPIConfig, "to_openapi_schema", spy)
    async with AsyncTestClient(app=create_app(settings), base_url="https://testserver.local") as client:
        assert (await client.get("/schema/openapi.json")).status_code == 200
        assert (await client.get("/schema")).status_code == 200
        assert (await client.get("/schema/scalar")).status_code == 200
        assert (await client.get("/schema/nothing")).status_code == 404
    assert not built
