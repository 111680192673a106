"""The word a person must say before an action ('solo cancela si contesta "vale"') is that action's condition, never
the assistant's reply; a homework helper that gives hints instead of answers is a tutor, in any language."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.generate import generate


def test_the_persons_consent_word_is_no_fixed_reply() -> None:
    task = (
        "Asistente de WhatsApp para reservar clases. Si faltan menos de 24 horas la clase se cuenta como dada: "
        'díselo ANTES de llamar a CancelarClase y solo cancela si contesta "vale". Máximo 3 frases.'
    )
    fallbacks = [c for c in extract_constraints(Brief(task=task)) if c.kind == "fallback"]
    assert not [c for c in fallbacks if c.value == "vale"]
    english = 'Booking bot. Read the slot back and only cancel if they reply "yes". Max 3 sentences.'
    assert not [c for c in extract_constraints(Brief(task=english)) if c.kind == "fallback" and c.value == "yes"]


def test_a_homework_helper_that_gives_hints_is_a_tutor() -> None:
    task = (
        'App "Little Steps" para niños de 8 a 11 años que hacen los deberes de inglés en casa. El asistente les '
        "ayuda con los ejercicios del cole: vocabulario, los días y los meses.\n\n"
        "- NO les hace los deberes. Les da una pista o un ejemplo parecido y les pide que lo intenten ellos.\n"
        "- Máximo 3 frases cortas por mensaje. Sin emojis.\n"
        "- Nunca preguntes el nombre completo ni el colegio."
    )
    assert generate(Brief(task=task, target="claude")).archetypes[0].id == "tutor"
