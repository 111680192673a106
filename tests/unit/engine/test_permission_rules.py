"""What a brief allows the assistant ("The only link you may give is …", "one fun fact is allowed per answer") is one
of its rules, never background under Context."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _rules_and_context(prompt: str) -> tuple[str, str]:
    context = prompt.split("# Context", 1)[1].split("\n# ", 1)[0] if "# Context" in prompt else ""
    instructions = prompt.split("# Instructions", 1)[1].split("\n# ", 1)[0]
    return instructions, context


@pytest.mark.parametrize(
    ("task", "permission"),
    [
        (
            "Helper bot for a junior chess club. Kids ask about openings and puzzles. "
            "The only link you may give is chessclub.example.org/kids.",
            "The only link you may give is chessclub.example.org/kids.",
        ),
        (
            "Chat assistant for a bike shop. Customers ask about repairs and prices. "
            "The only discount the bot can offer is 10% on a second service.",
            "The only discount the bot can offer is 10% on a second service.",
        ),
        (
            "Helper for a museum's children's trail. Kids ask about the dinosaurs on the trail. "
            "Answers are short and one joke is allowed per answer.",
            "one joke is allowed per answer",
        ),
    ],
)
def test_a_permission_is_a_rule(task: str, permission: str) -> None:
    instructions, context = _rules_and_context(generate(Brief(task=task)).prompt)
    assert permission in instructions
    assert permission not in context


def test_a_fact_about_the_business_stays_context() -> None:
    task = "Helper bot for a junior chess club. The only club in town is ours. Kids ask about openings and puzzles."
    instructions, _ = _rules_and_context(generate(Brief(task=task)).prompt)
    assert "The only club in town is ours" not in instructions
