"""A second case joined to a crisis route ("…, and if they're outside the US tell them …") stays a rule, and a
quoted role the requester wants ('want an AI "reflection buddy" that responds to …') is the assistant's role."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def test_a_second_case_after_a_crisis_route_is_kept_as_a_rule() -> None:
    prompt = _prompt(
        "Mood check-in bot for a university app. If a student mentions self harm, tell them help is there and give "
        "Samaritans (call 116 123), and if they're not in the UK tell them to contact local emergency services. "
        "Replies 2-3 sentences."
    )
    instructions = prompt[prompt.index("<instructions>") : prompt.index("</instructions>")]
    assert "If they're not in the UK tell them to contact local emergency services." in instructions


def test_a_quoted_role_the_requester_wants_is_the_role() -> None:
    prompt = _prompt(
        'making a recipe app (Panful) and need a "pantry coach" that suggests meals from what people have at home. '
        "Keep replies under 80 words."
    )
    assert "You are a pantry coach for Panful." in prompt
    assert "Suggest meals from what people have at home." in prompt
    assert "Help the user with this request" not in prompt
