"""Request bodies are held to the JSON types the OpenAPI document declares: no lax coercion (#14 item 8)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.prompts.conftest import Api


@pytest.mark.parametrize(
    ("variable", "field"),
    [
        ({"name": "user", "type": "string", "trusted": 0}, "trusted"),
        ({"name": "user", "type": "string", "trusted": "true"}, "trusted"),
        ({"name": 7, "type": "string"}, "name"),
    ],
)
async def test_loosely_typed_body_fields_are_400(api: Api, variable: dict[str, Any], field: str) -> None:
    await api.create_prompt("strict/p")
    response = await api.post(
        api.url("strict/p", "/versions"), json={"text": "Hello {{user}}.", "variables": [variable]}
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in response.json()["errors"]] == [f"variables[0].{field}"]


async def test_exact_types_are_still_accepted(api: Api) -> None:
    await api.create_prompt("strict/ok")
    response = await api.post(
        api.url("strict/ok", "/versions"),
        json={"text": "Hello {{user}}.", "variables": [{"name": "user", "type": "string", "trusted": False}]},
    )
    assert response.status_code == 201, response.text


async def test_a_number_with_a_zero_fraction_is_an_integer(api: Api) -> None:
    """JSON Schema (the document's language) counts 1.0 as an integer; 1.5 and "1" are still refused."""
    await api.create_prompt("strict/int")
    url = api.url("strict/int", "/versions")
    accepted = await api.post(url, json={"text": "Hi.", "modelConfig": {"maxTokens": 256.0}})
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["modelConfig"]["maxTokens"] == 256
    for bad in (256.5, "256"):
        refused = await api.post(url, json={"text": "Hi.", "modelConfig": {"maxTokens": bad}})
        assert refused.status_code == 400, (bad, refused.text)
        assert [e["field"] for e in refused.json()["errors"]] == ["modelConfig.maxTokens"]


async def test_updated_filters_take_rfc3339_date_times_only(api: Api) -> None:
    await api.create_prompt("strict/dated")
    for name in ("updatedBefore", "updatedAfter"):
        for bad in ("0.5", "2026-01-31T09:00:00", "soon"):
            response = await api.get(api.url(), params={name: bad})
            assert response.status_code == 400, (name, bad, response.text)
            assert response.json()["errors"][0]["field"] == name
    found = await api.get(
        api.url(), params={"updatedAfter": "2000-01-01T00:00:00Z", "updatedBefore": "2999-01-01T00:00:00+02:00"}
    )
    assert "strict/dated" in [p["name"] for p in found.json()["items"]]
