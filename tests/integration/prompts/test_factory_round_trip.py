"""Every request the schemas accept is stored and read back unchanged.

The factories (tests/factories.py) build valid bodies from the schema constraints: names with folders, dots and
dashes at any allowed length, tags, descriptions, model settings, chat turns. A mismatch between what the wire
contract accepts and what the database stores (a column too short, a lost field, a reordered message) fails here.
"""

from __future__ import annotations

import pytest

from tests.factories import ChatVersionFactory, PromptCreateFactory, TextVersionFactory, payload
from tests.integration.prompts.conftest import Api

SEEDS = range(12)


@pytest.mark.parametrize("seed", SEEDS)
async def test_a_generated_prompt_and_version_read_back_as_sent(api: Api, seed: int) -> None:
    PromptCreateFactory.seed_random(seed)
    kind = "chat" if seed % 2 else "text"
    prompt = PromptCreateFactory.build(kind=kind)
    version_factory = ChatVersionFactory if kind == "chat" else TextVersionFactory
    version_factory.seed_random(seed)
    version = version_factory.build()

    created = await api.create_prompt(**payload(prompt))
    assert (created["name"], created["kind"], created["description"], created["tags"]) == (
        prompt.name,
        prompt.kind,
        prompt.description,
        sorted(set(prompt.tags)),  # tags are a set: stored deduplicated and sorted
    )
    response = await api.post(api.url(prompt.name, "/versions"), json=payload(version))
    assert response.status_code == 201, response.text
    saved = response.json()

    response = await api.get(api.url(prompt.name, f"/versions/{saved['version']}"))
    assert response.status_code == 200, response.text
    stored = response.json()
    sent = payload(version)
    assert stored["text"] == sent["text"]
    assert stored["messages"] == sent["messages"]
    assert stored["commitMessage"] == sent["commitMessage"]
    stored_config = {k: v for k, v in stored["modelConfig"].items() if v is not None}
    assert stored_config == {k: v for k, v in sent["modelConfig"].items() if v is not None}

    listed = await api.get(api.url(prompt.name))
    assert listed.status_code == 200, listed.text
    assert listed.json()["latestVersion"] == saved["version"]
