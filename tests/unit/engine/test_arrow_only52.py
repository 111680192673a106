"""Two readings from round 50's review, redone in session 52: a case, an arrow and "only:" before a quoted reply
("Levensbedreigend → alleen: "Bel direct 112." Verder niets.") fix that reply for that case, in any language; and
a brief that opens by naming the business ("Huisartsenpraktijk De Linde in Amersfoort (4 huisartsen, …).") has its
job in the sentence that asks for the assistant, not in that introduction."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.extract import extract_constraints
from app.engine.generate import generate


def _fixed_replies(task: str) -> list[tuple[str, str | None]]:
    return [
        (c.value or "", c.condition)
        for c in extract_constraints(Brief(task=task))
        if c.kind == "fallback" and c.action == "say"
    ]


@pytest.mark.parametrize(
    ("task", "reply", "case_word"),
    [
        (
            "Chatbot voor een huisartsenpraktijk. Levensbedreigend (pijn op de borst, bewusteloos) → alleen: "
            '"Bel direct 112." Verder niets.',
            "Bel direct 112.",
            "Levensbedreigend",
        ),
        (
            'Chatbot for a GP surgery. Life-threatening (chest pain, collapse) -> only: "Call 999 now." Nothing else.',
            "Call 999 now.",
            "life-threatening",
        ),
        (
            'Chat de una clínica. Riesgo vital (dolor en el pecho) → solo: "Llama al 112 ahora." Nada más.',
            "Llama al 112 ahora.",
            "Riesgo vital",
        ),
        (
            'Chatbot für eine Hausarztpraxis. Lebensgefahr (Brustschmerz) => nur: "Rufen Sie sofort 112 an." '
            "Sonst nichts.",
            "Rufen Sie sofort 112 an.",
            "Brustschmerz",
        ),
        (
            'Assistant pour un cabinet médical. Urgence vitale → uniquement : "Appelez le 15 tout de suite." '
            "Rien d'autre.",
            "Appelez le 15 tout de suite.",
            "Urgence vitale",
        ),
    ],
)
def test_an_arrow_and_only_fix_the_quoted_reply_for_the_case(task: str, reply: str, case_word: str) -> None:
    replies = _fixed_replies(task)
    assert any(words == reply and case and case_word.lower() in case.lower() for words, case in replies), replies
    assert reply in generate(Brief(task=task)).prompt


def test_only_without_an_arrow_or_a_quote_fixes_no_reply() -> None:
    # a scope ("only: orders under 50 pounds"), not words to say
    task = "Refund helper for a bike shop. Refunds -> only: orders under 50 pounds, within 30 days."
    assert _fixed_replies(task) == []


@pytest.mark.parametrize(
    ("task", "introduction", "job_start"),
    [
        (
            "Huisartsenpraktijk De Linde in Amersfoort (4 huisartsen, ca. 9.000 patiënten). We willen een "
            "chatassistent op de website voor praktische vragen: openingstijden, herhaalrecepten, kosten.",
            "«Huisartsenpraktijk De Linde in Amersfoort",
            "«We willen een chatassistent",
        ),
        (
            "Clínica Dental Sonrisa en Valencia (3 dentistas, 2.000 pacientes). Queremos un asistente para la web que "
            "responda dudas prácticas: horarios, precios y citas.",
            "«Clínica Dental Sonrisa en Valencia",
            "«Queremos un asistente",
        ),
        (
            "Bäckerei Müller in Freiburg (2 Filialen, seit 1952). Wir möchten einen Chatbot für die Website, der "
            "Fragen zu Öffnungszeiten und Bestellungen beantwortet.",
            "«Bäckerei Müller in Freiburg",
            "Wir möchten einen Chatbot",
        ),
        (
            "Boulangerie Martin à Lyon (3 boutiques, depuis 1987). chat sur notre site pour répondre aux questions sur "
            "les horaires et les commandes. ce que le bot peut faire : expliquer les horaires, prendre les commandes.",
            "«Boulangerie Martin à Lyon",
            "«chat sur notre site pour répondre",
        ),
    ],
)
def test_a_business_introduction_is_not_the_job(task: str, introduction: str, job_start: str) -> None:
    prompt = generate(Brief(task=task)).prompt
    assert introduction not in prompt
    assert job_start in prompt


def test_an_english_business_introduction_is_not_the_use_case() -> None:
    task = (
        "Riverside Dental in Leeds (3 dentists, 4,000 patients). We want a chat assistant for our website that "
        "answers practical questions: opening hours, prices, registering."
    )
    prompt = generate(Brief(task=task)).prompt
    assert "Use case: Riverside Dental in Leeds" not in prompt
    assert "opening hours, prices, registering" in prompt


def test_a_first_sentence_with_a_verb_stays_the_job() -> None:
    # a name, a place and a verb: the sentence says what the assistant does, it is no mere introduction
    task = "Riverside Dental in Leeds answers patient questions about opening hours and prices. Keep it short."
    assert "Riverside Dental in Leeds answers patient questions" in generate(Brief(task=task)).prompt
