"""Lists that name examples of a ban, or the words before a list, are no label set."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


@pytest.mark.parametrize(
    "task",
    [
        "Out-of-hours text replies for a farming charity. Never give advice about medication, money decisions "
        "(selling stock, loans, the bank) or test results. Two sentences max.",
        "Chat helper for a climbing gym. Don't comment on other members (their weight, their grades, their gear). "
        "Keep it friendly.",
        "Asistente para una gestoría. Nunca des consejos sobre inversiones (acciones, fondos, criptomonedas).",
    ],
)
def test_examples_of_a_ban_in_parentheses_are_no_labels(task: str) -> None:
    result = generate(Brief(task=task))
    assert not [c for c in result.constraints if c.kind == "labels"]
    assert "label" not in result.prompt.lower()


def test_the_words_before_a_list_are_no_label_set() -> None:
    task = (
        "I want a role-play partner for sales training: you play a caller ringing up about a wedding. At the start "
        "pick one of these three at random and don't say which: a couple on a tight budget, a couple who want a "
        "Saturday that is fully booked, or the bride's mother who wants 180 guests. Max 3 sentences per turn."
    )
    labels = [c.values for c in read_constraints(Brief(task=task)) if c.kind == "labels"]
    assert ["at random", "don't say which"] not in labels


def test_a_label_set_in_parentheses_is_still_read() -> None:
    task = "Classify each support ticket (billing, bug, feature_request, other). Reply with the label only."
    labels = [c.values for c in read_constraints(Brief(task=task)) if c.kind == "labels"]
    assert labels == [["billing", "bug", "feature_request", "other"]]
