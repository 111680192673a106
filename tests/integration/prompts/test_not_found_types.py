"""A missing prompt and a missing label are told apart by their problem type (#14 item 7)."""

from __future__ import annotations

from tests.integration.prompts.conftest import Api


async def test_missing_prompt_and_missing_label_have_distinct_problem_types(api: Api) -> None:
    await api.create_prompt("nf/p")
    await api.add_version("nf/p", "one")
    no_prompt = await api.get(api.url("nf/none", "/resolve"), params={"label": "production"})
    no_label = await api.get(api.url("nf/p", "/resolve"), params={"label": "production"})
    no_label_row = await api.get(api.url("nf/p", "/labels/production"))
    assert (no_prompt.status_code, no_label.status_code) == (404, 404)
    prompt_type, label_type = no_prompt.json()["type"], no_label.json()["type"]
    assert prompt_type != label_type
    assert prompt_type.endswith("prompt-not-found")
    assert label_type.endswith("label-or-version-not-found")
    if no_label_row.status_code == 404:
        assert no_label_row.json()["type"] == label_type
