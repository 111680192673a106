"""A brief that opens with a preposition before the business ("Para Bodega La Tinaja (…): …", "Voor Bakkerij De Zon
in Gouda: …") names the business without the preposition, which is only capitalised because it opens the sentence."""

from __future__ import annotations

import pytest

from tests.unit.engine.reading import claude_prompt


@pytest.mark.parametrize(
    ("brief", "business", "preposition"),
    [
        (
            "Para Bodega El Olivo (bar de tapas en Málaga): te paso reseñas de Google una a una. Resume cada una en "
            "máximo 15 palabras.",
            "Bodega El Olivo",
            "Para",
        ),
        (
            "Voor Bakkerij De Zon in Gouda: beantwoord Google-recensies in maximaal 3 zinnen.",
            "Bakkerij De Zon",
            "Voor",
        ),
    ],
)
def test_the_business_has_no_leading_preposition(brief: str, business: str, preposition: str) -> None:
    prompt = claude_prompt(brief)
    assert f"for {business}" in prompt
    assert f"for {preposition} {business}" not in prompt
