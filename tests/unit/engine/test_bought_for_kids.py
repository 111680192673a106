"""Something adults book or buy for children ("kids parties", "children's menu") does not make the children the
people the assistant talks to, so the child-safety pack stays out; a helper used by children still gets it."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate

_CHILD_RULE = "Never ask for or keep a child's personal information"


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


@pytest.mark.parametrize(
    "task",
    [
        "Website bot for our climbing gym: answer questions about opening times, prices and kids parties. Max 60 words",
        "Chat assistant for Bella's Pizzeria: bookings, opening hours and the children's menu. Keep replies short.",
    ],
)
def test_a_product_for_kids_is_no_child_audience(task: str) -> None:
    assert _CHILD_RULE not in _prompt(task)


def test_an_assistant_for_kids_keeps_the_child_safety_rules() -> None:
    assert _CHILD_RULE in _prompt("A maths homework helper for kids aged 8-10. Give hints, never the answer.")
