"""CLR-03 on forms of address: a prompt that asks for both the formal and the informal "you"."""

from __future__ import annotations

import pytest

from app.engine.lint import lint_prompt

ROLE = "You are the booking assistant of a dog school.\n"


def _address_contradictions(text: str) -> list[str]:
    return [f.message for f in lint_prompt(text).findings if f.rule_id == "CLR-03" and "address" in f.message]


@pytest.mark.parametrize(
    "text",
    [
        ROLE + "Wir duzen alle, also bitte immer Du-Form.\nUse the formal form of address («Sie») throughout.",
        ROLE + "Tutoyez toujours les clients.\nUse the formal form of address («vous») throughout.",
        ROLE + "Trata al cliente de usted.\nUse the informal form of address («tú») throughout.",
        ROLE + "Spreek klanten aan in de je-vorm.\nGebruik altijd de u-vorm.",
    ],
)
def test_both_forms_of_address_are_a_contradiction(text: str) -> None:
    assert len(_address_contradictions(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        ROLE + "Bitte immer Du-Form.\nUse the informal form of address («du») throughout.",
        # The formal form ruled out, not asked for.
        ROLE + "Trata siempre de tú, nada de usted.\nUse the informal form of address («tú») throughout.",
        # Both named as alternatives to match.
        ROLE + "Trata a las familias de usted.\nMatch the register of the source (formal or informal address).",
        # Scoped to a situation.
        ROLE + "Use the formal form of address. If the customer writes informally, switch to the informal form of"
        " address.",
    ],
)
def test_one_form_or_a_scoped_switch_is_no_contradiction(text: str) -> None:
    assert _address_contradictions(text) == []
