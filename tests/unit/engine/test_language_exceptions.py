"""A reply language with an exception ("salvo que", "à moins que", "a não ser que") is no language for every reply."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


@pytest.mark.parametrize(
    ("task", "default", "other"),
    [
        (
            "Atiende los pedidos por WhatsApp. Responde en español salvo que el cliente escriba en inglés, entonces "
            "en inglés.",
            "Spanish",
            "English",
        ),
        (
            "Gère les réservations du camping. Réponds en français, à moins que le client écrive en anglais.",
            "French",
            "English",
        ),
        (
            "Assistente de reservas de um hotel. Responda em português, a não ser que o cliente escreva em inglês.",
            "Portuguese",
            "English",
        ),
    ],
)
def test_a_default_language_with_an_exception_is_not_forced_on_every_reply(task: str, default: str, other: str) -> None:
    result = generate(Brief(task=task))
    assert f"Always reply in {default}." not in result.prompt
    assert f"Always reply in {other}." not in result.prompt
    # one language rule with its exception (see `app.engine.constraints.language_cases`)
    assert [(c.value, c.values) for c in result.constraints if c.kind == "language"] == [(default, [other])]
    assert f"Reply in {default} by default; when the customer writes in {other}, reply in {other}." in result.prompt


def test_a_not_be_that_unless_is_no_prohibition() -> None:
    task = "Assistente de reservas de um hotel. Responda em português, a não ser que o cliente escreva em inglês."
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "prohibition"]


def test_the_exceptions_own_reply_is_no_language_for_every_reply() -> None:
    task = (
        "Booking assistant for a hotel in Munich. Answer in English unless the guest writes in German, then answer "
        "in German."
    )
    assert "Always reply in German." not in generate(Brief(task=task)).prompt


@pytest.mark.parametrize(
    ("task", "language"),
    [
        (
            "A técnica cola o CV em português e tu devolves o CV reescrito em inglês (British English), pronto a "
            "enviar. Não inventes nada.",
            "British English",
        ),
        ("Pego el texto de la web en español y me lo devuelves reescrito en inglés, claro y breve.", "English"),
        ("Je colle une fiche produit et tu la renvoies réécrite en anglais, sans rien inventer.", "English"),
    ],
)
def test_a_rewrite_into_another_language_is_the_replys_language(task: str, language: str) -> None:
    result = generate(Brief(task=task))
    assert [c.value for c in result.constraints if c.kind == "language"] == [language]
    assert not [w for w in result.warnings if "no vetted examples" in w]
