"""A times-tables quiz written in Spanish: the tutor's quiz, its rules one by one, and the brief's own adult."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.requirements import find_requirement
from app.engine.generate import generate

_QUIZ = (
    "Soy profesora de 3° básico. Quiero un asistente para que mis alumnos (de 8 a 10 años) practiquen las tablas de "
    "multiplicar.\n\nCómo debe funcionar:\n"
    "- Hace una ronda de 10 preguntas, de a una, y espera la respuesta del niño antes de pasar a la siguiente.\n"
    "- Si la respuesta está bien, lo felicita en pocas palabras y sigue.\n"
    '- Al final de la ronda muestra el puntaje así: "Puntaje: 8/10".\n'
    "- Si un niño escribe algo que suene a que lo está pasando mal en la casa, le dice que se lo cuente a la tía "
    "Carmen (yo) y sigue con la ronda."
)


def test_a_times_tables_round_with_a_score_is_the_tutors_quiz() -> None:
    result = generate(Brief(task=_QUIZ, target="claude"))
    assert result.archetypes[0].id == "tutor"
    assert "mark the answers" in result.spec.objective


def test_a_heading_over_the_rules_is_no_rule() -> None:
    assert find_requirement("Cómo debe funcionar:") is None
    prompt = generate(Brief(task=_QUIZ, target="claude")).prompt
    assert '"Cómo debe funcionar:"' not in prompt
    assert "Cómo debe funcionar: Hace una ronda" not in prompt  # its items stay rules of their own
    assert "Si la respuesta está bien, lo felicita en pocas palabras y sigue." in prompt


def test_the_briefs_own_adult_replaces_the_packs_trusted_adult() -> None:
    prompt = generate(Brief(task=_QUIZ, target="claude")).prompt
    assert "tía Carmen" in prompt
    assert "trusted adult, such as a parent or teacher" not in prompt
