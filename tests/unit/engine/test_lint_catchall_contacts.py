"""SAF-03: an emergency or crisis line given as the route for everything the assistant cannot handle."""

from __future__ import annotations

import pytest

from app.engine.lint import lint_prompt


def _saf03(text: str) -> list[str]:
    return [f.message for f in lint_prompt(text).findings if f.rule_id == "SAF-03"]


@pytest.mark.parametrize(
    "text",
    [
        "You answer questions about bookings.\n\nWhen you cannot help, tell the user to call 999.",
        "Help customers with their orders. For anything else, call 024.",
        "Answer from the FAQ only. If you can't answer, tell them to ring 116 123.",
        "- Otherwise, tell the user to dial 112.",
        "When you are unable to help, ask them to phone 988.",
        "Track parcels. For all other questions, call 911.",
    ],
)
def test_an_emergency_line_for_everything_else_is_reported(text: str) -> None:
    assert len(_saf03(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # The emergency line keeps its own condition.
        "If they describe chest pain, tell them to call 999 now.",
        "For anything else, call 999 if anyone is in danger.",
        "When you cannot help, tell them to call the office on 020 7946 0321, or call 999 in an emergency.",
        # An ordinary contact as the catch-all.
        "When you cannot help, tell the user to call 0161 555 0101.",
        "For anything else, call us on 0800 555 0199.",
        # A number that only looks like one: an extension, a reference.
        "When you cannot help, tell the user to call reception on extension 1120.",
    ],
)
def test_a_conditional_or_ordinary_route_is_left_alone(text: str) -> None:
    assert _saf03(text) == []
