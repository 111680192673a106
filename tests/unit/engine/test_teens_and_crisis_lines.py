"""Teenagers get a pack of their own (straight answers, no graphic content), not the children's "no sexual content";
a crisis line given in Portuguese is the line the crisis rule names."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import fallbacks
from app.engine.safety import detect_domains


def _prompt(task: str) -> str:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert isinstance(prompt, str)
    return prompt


@pytest.mark.parametrize(
    "task",
    [
        "A chat for teenagers (13-17) with questions about puberty and periods. Never ask for their school.",
        "Queremos um assistente de dúvidas sobre saúde para adolescentes de 14 a 17 anos. Nunca peça escola.",
        "Ein Chat für Jugendliche zwischen 13 und 17 über Liebe und Verhütung, ohne nach der Schule zu fragen.",
    ],
)
def test_a_teen_audience_gets_the_teens_pack_not_the_childrens(task: str) -> None:
    prompt = _prompt(task)
    assert "Keep replies suitable for teenagers" in prompt
    assert "The readers are children" not in prompt
    assert "no violent, sexual or frightening content" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "A homework buddy for kids aged 8 to 10 at our primary school.",
        "Un asistente de lectura para niños de 6 a 9 años.",
    ],
)
def test_children_keep_the_childrens_pack(task: str) -> None:
    assert "The readers are children" in _prompt(task)


def test_a_brief_naming_children_and_teens_keeps_the_childrens_pack() -> None:
    assert detect_domains(["A quiz app for kids and teens at our school club, ages 9-15."], 15) == ["children"]


def test_a_portuguese_crisis_step_names_its_line_and_ends_its_condition_at_the_order() -> None:
    [found] = fallbacks.find_fallbacks("Se falar em se machucar ou em suicídio, passe o CVV: ligue 188.")
    assert found.value == "188"
    assert found.condition == "Se falar em se machucar ou em suicídio"
    prompt = _prompt(
        "Assistente de apoio emocional para universitários. Se falar em se machucar ou em suicídio, passe o CVV: "
        "ligue 188. Responda sempre em português."
    )
    assert "urge them to call 188 now" in prompt
    assert "contact a crisis line or call their local emergency number" not in prompt


def test_a_reflexive_se_inside_a_clause_opens_no_condition() -> None:
    assert not fallbacks.find_fallbacks("Ajude quem quer se inscrever no curso e ligue 3333-4444 para dúvidas.")[1:]
