"""A person the brief names ("an angry customer named Derek") is a character or someone else, never the business
the assistant works for."""

from __future__ import annotations

import pytest

from app.engine.brief import extract_entities


@pytest.mark.parametrize(
    "task",
    [
        "Roleplay an angry customer named Derek whose internet has been down for 3 days, so new hires can practise.",
        "Play a patient called Mrs Hale who has had chest pain since this morning, for our nursing students.",
        "Be a pirate named Captain Salt who teaches kids about knots.",
    ],
)
def test_a_named_person_is_no_business(task: str) -> None:
    assert extract_entities(task).organization is None


def test_a_business_called_by_its_name_still_is_one() -> None:
    assert extract_entities("Support bot for a bike shop called Spoke & Chain.").organization == "Spoke & Chain"
