"""The brief's own unsure path, described in its words, replaces the default "I don't know" reply."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints

_DEFAULT_UNSURE = "I don't know based on"


@pytest.mark.parametrize(
    ("task", "words"),
    [
        (
            "Assistant for an estate agency. Answer only from the listings. "
            "If you don't know the answer, say that an agent will call them back.",
            "an agent will call them back",
        ),
        (
            "Answer questions about our campsite from the FAQ. If the FAQ doesn't cover it, explain that the "
            "reception team will reply by email within a day.",
            "the reception team will reply by email within a day",
        ),
        ("Help guests with questions about the hotel. If unsure, tell them the manager will follow up.", "follow up"),
    ],
)
def test_an_english_unsure_reply_in_the_briefs_words_replaces_the_default(task: str, words: str) -> None:
    result = generate(Brief(task=task))
    fallbacks = [c for c in result.constraints if c.kind == "fallback"]
    assert [c.action for c in fallbacks] == ["reply"]
    assert words in (fallbacks[0].value or "")
    assert words in result.prompt
    assert _DEFAULT_UNSURE not in result.prompt


@pytest.mark.parametrize(
    ("task", "words"),
    [
        (
            "Asistente para una inmobiliaria en Valencia. Responde dudas sobre pisos usando solo el listado. "
            "Si no sabes la respuesta, di que un agente les llamará.",
            "un agente les llamará",
        ),
        (
            "Assistent für ein Hotel. Antworte nur aus der Hausinfo. Wenn du etwas nicht weißt, sag, dass die "
            "Rezeption zurückruft.",
            "die Rezeption zurückruft",
        ),
        (
            "Assistant pour un camping. Réponds uniquement avec la FAQ. Si tu ne sais pas, dis que l'accueil les "
            "rappellera.",
            "l'accueil les rappellera",
        ),
        ("Assistente para uma clínica. Se não souber, diga que a recepção vai ligar de volta.", "ligar de volta"),
        ("Assistente per un museo. Se non lo sai, rispondi che la biglietteria richiamerà.", "richiamerà"),
        ("Assistent voor een camping. Als je het antwoord niet weet, zeg dat de receptie terugbelt.", "terugbelt"),
    ],
)
def test_an_unsure_reply_in_another_language_is_read_and_quoted(task: str, words: str) -> None:
    result = generate(Brief(task=task))
    fallbacks = [c for c in result.constraints if c.kind == "fallback"]
    assert [c.action for c in fallbacks] == ["reply"]
    assert words in result.prompt
    assert _DEFAULT_UNSURE not in result.prompt


@pytest.mark.parametrize(
    "task",
    [
        # a contact or a quoted reply is the fallback reader's, read as before
        "Answer from the FAQ. If you don't know, tell them to email help@acme.com.",
        'Answer from the FAQ. If you are not sure, reply exactly: "Please call us on 01632 960123."',
    ],
)
def test_contacts_and_quoted_replies_keep_their_own_actions(task: str) -> None:
    actions = [c.action for c in read_constraints(Brief(task=task)) if c.kind == "fallback"]
    assert actions
    assert "reply" not in actions


@pytest.mark.parametrize(
    "task",
    [
        "Explain the rules of chess. Say what you think of each opening.",  # no unsure case
        "If you don't know a word, look it up in the glossary before you translate.",  # no reply to give
    ],
)
def test_no_unsure_reply_without_both_the_case_and_a_reply(task: str) -> None:
    assert not [c for c in read_constraints(Brief(task=task)) if c.action == "reply"]


def test_a_human_agent_who_calls_back_is_no_tool_agent() -> None:
    task = "Answer questions from our FAQ. If it's not there, say an agent will get back to them."
    assert "tool_agent" not in [a.id for a in generate(Brief(task=task)).archetypes]


def test_a_brief_that_speaks_to_the_assistant_is_its_job_not_a_pasted_request() -> None:
    prompt = generate(Brief(task="You help parents of toddlers with sleep questions. Keep it short.")).prompt
    assert "Help parents of toddlers with sleep questions." in prompt
    assert "this request: you help" not in prompt
