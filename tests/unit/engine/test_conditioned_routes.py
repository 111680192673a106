"""A contact the brief gives for one case stays with that case; it never becomes the route for whatever the assistant
cannot answer."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


@pytest.mark.parametrize(
    ("task", "address", "case"),
    [
        (
            "Je beantwoordt vragen over de energietoeslag van de gemeente Westerhaar. Heeft iemand schulden of "
            "betalingsachterstanden, verwijs dan naar schuldhulpverlening: mail schuldhulp@westerhaar.nl.",
            "schuldhulp@westerhaar.nl",
            "Heeft iemand schulden of betalingsachterstanden",
        ),
        (
            "Du beantwortest Fragen zum Heizkostenzuschuss der Stadt. Hat jemand Schulden, dann verweise auf die "
            "Schuldnerberatung: schuldnerberatung@stadt-beispiel.de.",
            "schuldnerberatung@stadt-beispiel.de",
            "Hat jemand Schulden",
        ),
    ],
)
def test_a_verb_first_condition_keeps_its_contact_to_its_case(task: str, address: str, case: str) -> None:
    fallbacks = [c for c in extract_constraints(Brief(task=task)) if c.kind == "fallback" and c.value == address]
    assert fallbacks
    assert fallbacks[0].condition == case
    prompt = _prompt(task)
    assert f"When you cannot help, tell the user to email {address}" not in prompt
    assert f"If you are unsure or the information is missing: {case}" not in prompt
    assert f'When this applies ("{case}"), tell the user to email {address}.' in prompt


def test_a_dutch_question_that_is_no_condition_is_left_alone() -> None:
    task = (
        "Beantwoord vragen over afvalinzameling in Westerhaar. "
        "Vragen die je niet kunt beantwoorden: mail afval@westerhaar.nl."
    )
    fallbacks = [c for c in extract_constraints(Brief(task=task)) if c.kind == "fallback"]
    assert fallbacks
    assert not (fallbacks[0].condition or "").lower().startswith(("heeft", "hat"))
