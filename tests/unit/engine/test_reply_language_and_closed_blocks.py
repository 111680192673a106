"""Replies in the language of the message answered, a reply-drafting job named in another language, and a list in
capitals closed by an END line kept as material (round 17's review, r17-13, on new wording)."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints
from app.engine.references import find_references


@pytest.mark.parametrize(
    "sentence",
    [
        "Contesta en el idioma del mensaje (catalán o castellano).",
        "Antworte immer in der Sprache der E-Mail.",
        "Réponds dans la langue du message.",
        "Reply in the language of the email, Welsh or English.",
    ],
)
def test_the_language_of_the_message_answered_is_mirrored(sentence: str) -> None:
    [found] = [c for c in extract_constraints(Brief(task=sentence)) if c.kind == "language"]
    assert found.code is None
    assert found.text == "Reply in the language of the message you are answering."


def test_a_reply_drafting_job_in_spanish_is_a_reply_writer() -> None:
    task = (
        "Quiero que redactes respuestas a los correos de los clientes de nuestra academia de idiomas "
        "(Academia Sol, Sevilla). Contesta en el idioma del correo. Máximo 100 palabras."
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "meeting_email_assistant"
    assert "Always reply in Spanish" not in result.prompt
    assert "drafts replies" in result.prompt


def test_a_capital_heading_closed_by_an_end_line_is_material() -> None:
    task = (
        "Answer enquiries using only these prices.\n\n"
        "TARIFAS 2027\n"
        "Clase suelta: 15 €\n"
        "Bono 10 clases: 120 €, valid 3 months\n"
        "FIN\n\n"
        "If they ask about a course not listed, say it is full."
    )
    [reference] = find_references(task)
    assert reference.title == "Tarifas 2027"
    assert reference.body == "Clase suelta: 15 €\nBono 10 clases: 120 €, valid 3 months"
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Clase suelta: 15 €\nBono 10 clases: 120 €, valid 3 months" in prompt
