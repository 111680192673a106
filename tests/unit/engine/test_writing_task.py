"""A general assistant asked to produce a text (not to answer questions) gets no Q&A rules: "answer the question
that was asked first", "say when a fact may be outdated" and "ask one clarifying question" do not fit it (rounds 17
and 18's reviews: r17-13, r18-10, r18-20; new wording)."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate

_QA_RULES = ("Answer the question that was asked first", "Say when a fact may be outdated")


@pytest.mark.parametrize(
    "task",
    [
        "Transforme as anotações do treinador em uma mensagem curta para os pais do time de futsal (Clube Estrela). "
        "No máximo 60 palavras.",
        "Pour notre épicerie (Le Panier Vert), rédige une fiche courte pour chaque fromage à partir de mes notes. "
        "60 mots maximum.",
    ],
)
def test_a_writing_task_gets_no_question_answering_rules(task: str) -> None:
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "general_assistant"
    prompt = result.prompt
    for rule in _QA_RULES:
        assert rule not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "A helper that answers visitors' questions about our museum's opening hours. Under 50 words.",
        "Write answers to guests' questions about the hotel's breakfast times.",
    ],
)
def test_an_assistant_that_answers_people_keeps_them(task: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert any(rule in prompt for rule in _QA_RULES) or "question" in prompt.lower()
