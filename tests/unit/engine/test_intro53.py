"""Two gaps left by session 52's name-only introductions: a sentence that only names the business ("Tandartspraktijk
Zonnehof in Utrecht (3 tandartsen).") is context, never requirement 1, in any language; and a case line whose fixed
reply a guardrail quotes whole ('Bij pijn → alleen: "Bel ons …" Verder niets.') is not pasted again as a rule."""

from __future__ import annotations

import re

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _section(prompt: str, tag: str) -> str:
    found = re.search(rf"<{tag}>(.*?)</{tag}>", prompt, re.DOTALL)
    assert found is not None, f"no <{tag}> section"
    return found.group(1)


def _claude(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


NAMED_INTROS = [
    (
        "Tandartspraktijk Zonnehof in Utrecht (3 tandartsen). We willen een chatassistent op onze website die vragen "
        "van patiënten beantwoordt over openingstijden en afspraken verzetten. Antwoord in het Nederlands, maximaal "
        "3 zinnen.",
        "Tandartspraktijk Zonnehof in Utrecht",
    ),
    (
        "Clínica Dental Sonrisa en Valencia (5 dentistas). Queremos un asistente de chat en la web que responda a "
        "los pacientes sobre horarios y citas. Máximo 3 frases.",
        "Clínica Dental Sonrisa en Valencia",
    ),
    (
        "Zahnarztpraxis Sonnenhof in Köln (3 Zahnärzte). Wir möchten einen Chat-Assistenten auf unserer Website, der "
        "Patientenfragen zu Öffnungszeiten und Terminen beantwortet. Höchstens 3 Sätze.",
        "Zahnarztpraxis Sonnenhof in Köln",
    ),
    (
        "Cabinet dentaire Les Tilleuls à Nantes (2 dentistes). Nous voulons un assistant sur notre site pour répondre "
        "aux patients sur les horaires et les rendez-vous. Trois phrases au plus.",
        "Cabinet dentaire Les Tilleuls à Nantes",
    ),
]


@pytest.mark.parametrize(("task", "intro"), NAMED_INTROS)
def test_a_sentence_that_only_names_the_business_is_context_not_a_rule(task: str, intro: str) -> None:
    prompt = _claude(task)
    assert intro in _section(prompt, "context")
    assert intro not in _section(prompt, "instructions")


def test_a_named_sentence_that_asks_for_something_stays_a_rule() -> None:
    task = (
        "Zahnarztpraxis Sonnenhof in Köln. Wir möchten einen Chat-Assistenten auf unserer Website, der Patientenfragen "
        "zu Öffnungszeiten beantwortet. Nenne nie Preise für Implantate."
    )
    assert "Nenne nie Preise für Implantate" in _section(_claude(task), "instructions")


CASE_LINES = [
    (
        "Tandartspraktijk Zonnehof in Utrecht. We willen een chatassistent op onze website die vragen van patiënten "
        'beantwoordt over openingstijden. Maximaal 3 zinnen. Bij pijn of zwelling → alleen: "Bel ons direct op 030 '
        '123 4567." Verder niets.',
        "Bel ons direct op 030 123 4567.",
    ),
    (
        "Zonnehof Dental in Utrecht (3 dentists). We want a chat assistant on our website that answers patients "
        'questions about opening hours. Max 3 sentences. For pain or swelling -> only: "Call us right away on 030 123 '
        '4567." Nothing else.',
        "Call us right away on 030 123 4567.",
    ),
    (
        "Clínica Dental Sonrisa en Valencia. Queremos un asistente de chat en la web que responda a pacientes sobre "
        'horarios y citas. Máximo 3 frases. Si hay dolor fuerte → solo: "Llámanos ya al 961 234 567." Nada más.',
        "Llámanos ya al 961 234 567.",
    ),
    (
        "Zahnarztpraxis Sonnenhof in Köln. Wir möchten einen Chat-Assistenten auf unserer Website, der "
        'Patientenfragen zu Öffnungszeiten beantwortet. Bei Schmerzen oder Schwellung => nur: "Rufen Sie uns sofort '
        'an: 0221 123456." Sonst nichts.',
        "Rufen Sie uns sofort an: 0221 123456.",
    ),
]


@pytest.mark.parametrize(("task", "reply"), CASE_LINES)
def test_a_case_line_the_guardrail_quotes_whole_is_said_once(task: str, reply: str) -> None:
    prompt = _claude(task)
    assert reply in _section(prompt, "guardrails")
    assert reply not in _section(prompt, "instructions")
    assert prompt.count(reply) == 1


def test_a_case_line_that_says_more_than_its_reply_keeps_the_rest() -> None:
    task = (
        "Zahnarztpraxis Sonnenhof in Köln. Wir möchten einen Chat-Assistenten auf unserer Website. Bei Schmerzen am "
        'Wochenende => nur: "Rufen Sie den Notdienst an: 0221 123456." und frag nach dem Namen.'
    )
    assert "frag nach dem Namen" in _claude(task)
