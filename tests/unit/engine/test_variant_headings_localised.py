"""Variants in a reply written in another language are headed in that language ("Opción 1"), not "Variant 1"."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate


def test_spanish_captions_are_headed_in_spanish() -> None:
    prompt = generate(
        Brief(
            task="Escribe captions para las fotos de Instagram de nuestra panadería en Sevilla, dame 3 opciones "
            "cada vez. Máximo 150 caracteres, sin emojis.",
            target="claude",
        )
    ).prompt
    assert '"Variant 1"' not in prompt
    assert '"Opción 1" to "Opción 3"' in prompt


def test_english_captions_keep_variant() -> None:
    prompt = generate(
        Brief(task="Write Instagram captions for our bakery in Leeds. Max 150 characters, no emojis.", target="claude")
    ).prompt
    assert '"Variant 1" to "Variant 3"' in prompt
