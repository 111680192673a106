"""A foreign ban that leans on the sentence before it ("Rabatte nur die im Plan, keine anderen versprechen") is never
widened into a general English ban ("Do not make promises")."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.foreign_rules import translate_prohibition
from app.engine.generate import generate


@pytest.mark.parametrize(
    "fragment",
    ["keine anderen versprechen", "ningún otro descuento", "aucune autre remise", "nenhum outro desconto"],
)
def test_a_ban_on_others_is_not_translated_alone(fragment: str) -> None:
    assert translate_prohibition(fragment) is None


@pytest.mark.parametrize(
    ("fragment", "english"),
    [("keine Rabatte anbieten", "discounts"), ("nunca ofrezcas descuentos", "discounts")],
)
def test_a_plain_ban_is_still_translated(fragment: str, english: str) -> None:
    translated = translate_prohibition(fragment)
    assert translated is not None
    assert english in translated


def test_the_prompt_keeps_the_whole_rule_and_no_wider_ban() -> None:
    task = (
        "Chatbot für unsere Tanzschule. Beantworte Fragen zu Kursen nur anhand des Kursplans. "
        "Rabatte nur die, die im Plan stehen (Paare und Schüler), keine anderen versprechen."
    )
    prompt = generate(Brief(task=task)).prompt
    assert "keine anderen versprechen" in prompt
    assert "Do not make promises" not in prompt
