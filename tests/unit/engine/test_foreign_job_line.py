"""The job line of a brief written in another language: the request for a prompt is not the job, a quoted name is who
the assistant is, and a sentence asking for a (compound-named) assistant names the job over the introduction."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate
from app.engine.phrasing import is_meta_request, without_meta_request


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


@pytest.mark.parametrize(
    ("text", "job"),
    [
        (
            "hazme un prompt q escriba los posts de insta de Tacos Don Chuy",
            "Escriba los posts de insta de Tacos Don Chuy",
        ),
        ("Necesitamos el prompt para un asistente que responda dudas", "Un asistente que responda dudas"),
        (
            "Wir brauchen den Prompt für einen Assistenten, der Rechnungen prüft",
            "Einen Assistenten, der Rechnungen prüft",
        ),
        ("fammi un prompt che risponda ai clienti del negozio", "Risponda ai clienti del negozio"),
        ("We hebben een prompt nodig voor een bot die vragen beantwoordt", "Een bot die vragen beantwoordt"),
        ("Fais-moi un prompt pour un tuteur de maths en 4e", "Un tuteur de maths en 4e"),
    ],
)
def test_a_request_for_the_prompt_is_not_the_job(text: str, job: str) -> None:
    assert is_meta_request(text)
    assert without_meta_request(text) == job


def test_a_sentence_that_uses_prompt_as_a_word_is_no_request() -> None:
    assert not is_meta_request("El prompt del usuario llega en inglés")


def test_a_quoted_name_before_the_job_is_who_the_assistant_is() -> None:
    prompt = _prompt(
        'Necesitamos el prompt para "Brújula", el asistente de bienestar de la Universidad de Alcaraz. '
        "Hace un check-in corto cada lunes. Respuestas de máximo 4 frases."
    )
    assert "You are Brújula." in prompt
    assert "«el asistente de bienestar de la Universidad de Alcaraz»" in prompt
    assert "Necesitamos el prompt" not in prompt


def test_the_sentence_asking_for_a_compound_named_assistant_is_the_job() -> None:
    prompt = _prompt(
        "Wij zijn OranjePlay, een online casino met een vergunning. We willen een supportassistent voor de chat die "
        "vragen beantwoordt over storten en uitbetalen. Maximaal 100 woorden per antwoord."
    )
    assert "«We willen een supportassistent voor de chat die vragen beantwoordt over storten en uitbetalen»" in prompt
    assert "«Wij zijn OranjePlay" not in prompt
