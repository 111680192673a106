"""Prompt names keep their case but are unique regardless of it (#14 item 7); reads use the exact name."""

from __future__ import annotations

from tests.integration.prompts.conftest import Api


async def test_a_name_differing_only_in_case_is_a_conflict(api: Api) -> None:
    await api.create_prompt("Support/Billing")
    clash = await api.post(api.url(), json={"name": "support/billing", "kind": "text"})
    assert clash.status_code == 409, clash.text
    assert clash.headers["content-type"].startswith("application/problem+json")
    assert "support/billing" in clash.json()["detail"]
    # The first one keeps its spelling, and is found by it.
    listed = (await api.get(api.url(), params={"limit": 100})).json()["items"]
    assert [p["name"] for p in listed if p["name"].lower() == "support/billing"] == ["Support/Billing"]
    assert (await api.get(api.url("Support/Billing"))).status_code == 200


async def test_renaming_onto_another_prompts_name_in_other_case_is_a_conflict(api: Api) -> None:
    await api.create_prompt("Sales/Intro")
    await api.create_prompt("sales/outro")
    clash = await api.patch(api.url("sales/outro"), json={"name": "SALES/INTRO"})
    assert clash.status_code == 409, clash.text
    # A prompt may change the case of its own name.
    renamed = await api.patch(api.url("sales/outro"), json={"name": "Sales/Outro"})
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name"] == "Sales/Outro"


async def test_importing_a_name_that_exists_in_other_case_is_a_clear_error(api: Api) -> None:
    await api.create_prompt("Support/Refunds")
    document = {
        "format": "promptsmith.export/v1",
        "prompts": [{"name": "support/refunds", "kind": "text", "versions": [{"version": 1, "text": "Hi"}]}],
    }
    for dry_run in ("true", "false"):
        response = await api.post(api.url(suffix="/_import"), json=document, params={"dryRun": dry_run})
        assert response.status_code in (400, 409, 422), (dry_run, response.status_code, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
        assert "support/refunds" in response.text
    listed = (await api.get(api.url(), params={"limit": 100})).json()["items"]
    assert [p["name"] for p in listed if p["name"].lower() == "support/refunds"] == ["Support/Refunds"]


async def test_one_import_naming_a_prompt_twice_in_different_case_is_a_clear_error(api: Api) -> None:
    versions = [{"version": 1, "text": "Hi"}]
    document = {
        "format": "promptsmith.export/v1",
        "prompts": [
            {"name": "Ops/Pager", "kind": "text", "versions": versions},
            {"name": "ops/pager", "kind": "text", "versions": versions},
        ],
    }
    response = await api.post(api.url(suffix="/_import"), json=document)
    assert response.status_code in (400, 409, 422), (response.status_code, response.text)
    assert "appears twice" in response.text
    listed = (await api.get(api.url(), params={"limit": 100})).json()["items"]
    assert [p["name"] for p in listed if p["name"].lower() == "ops/pager"] == []
