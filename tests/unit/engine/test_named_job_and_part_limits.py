"""A requester's introduction, then the sentence that asks for an assistant: that sentence names the job, in any
language. A limit followed by where it applies ("no roteiro") or preceded by a heading ("NOTAS: com no máximo 3
tópicos") limits that part of the reply, not the reply."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints

RADIO = (
    "sou editora numa rádio comunitária em Olinda. os voluntários mandam notícias escritas como pra jornal e eu "
    "preciso delas prontas pra ler no ar. quero um assistente que reescreva o texto pra rádio: frases curtas, ordem "
    "direta. máximo 150 palavras no roteiro. depois do roteiro escreve NOTAS: com no máximo 2 tópicos sobre o que "
    "falta checar. sem markdown."
)


def test_job_sentence_after_an_introduction_names_the_job() -> None:
    result = generate(Brief(task=RADIO, target="claude"))
    assert [m.id for m in result.archetypes][:1] == ["writing_editor"]
    assert "general_assistant" not in [m.id for m in result.archetypes]
    assert "quero um assistente que reescreva" in result.prompt.split("</role>")[0] + result.prompt


@pytest.mark.parametrize(
    ("task", "job"),
    [
        (
            "Soy coordinadora de una biblioteca municipal. Necesito un asistente que reescriba los avisos en "
            "lenguaje fácil.",
            "writing_editor",
        ),
        (
            "Ich leite einen kleinen Sportverein. Ich brauche einen Assistenten, der unsere Vereinsnachrichten "
            "umschreibt, kürzer und freundlicher.",
            "writing_editor",
        ),
    ],
)
def test_rewrite_job_in_other_languages(task: str, job: str) -> None:
    assert generate(Brief(task=task)).archetypes[0].id == job


def test_a_brief_that_opens_with_its_job_keeps_the_whole_brief_reading() -> None:
    task = "be my brainstorm buddy for my D&D campaign. give me exactly 3 ideas when i ask, then ask which to develop."
    ids = [m.id for m in generate(Brief(task=task)).archetypes]
    assert ids[0] == "general_assistant"


def test_limits_on_named_parts() -> None:
    limits = {c.maximum: c.scope for c in extract_constraints(Brief(task=RADIO)) if c.kind == "limit"}
    assert limits == {150: "the roteiro", 2: "the NOTAS section"}
    prompt = generate(Brief(task=RADIO)).prompt
    assert "Keep the reply to at most 150 words" not in prompt
    assert "Keep the reply to at most 2 bullets" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Answer in at most 3 sentences in English.",
        "Keep it to 2 sentences in plain words.",
        "Responde en máximo 3 frases en el chat.",
    ],
)
def test_a_place_that_is_the_reply_or_a_language_is_no_part(task: str) -> None:
    limits = [c for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]
    assert limits
    assert all(c.scope is None for c in limits)
