"""A customer's circumstance (medical equipment at home, sick leave) is no health question; contacts that share one
condition are said in one sentence, joined as the brief joins them."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.safety import detect_domains


def _prompt(task: str) -> str:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert isinstance(prompt, str)
    return prompt


@pytest.mark.parametrize(
    "task",
    [
        "Billing chat for Brightwater Energy. If someone relies on medical equipment at home, offer the priority "
        "register and a payment plan.",
        "Asistente de RR. HH. para el hotel. Si preguntan por una baja médica o un despido, que escriban a "
        "rrhh@hotel.example.",
        "HR helper for our warehouse staff: holidays, shifts, sick pay and sick notes. Be brief.",
        "Assistent für die Personalabteilung: Urlaub, Schichten und Krankmeldung. Kurz antworten.",
    ],
)
def test_a_circumstance_or_sick_leave_draws_no_health_pack(task: str) -> None:
    assert "medical" not in detect_domains([task])
    assert "Give general health information only" not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "A symptom checker for our GP practice. Never diagnose.",
        "Chat for patients of our physio clinic who ask about their exercises and their medical history.",
    ],
)
def test_health_briefs_keep_the_health_pack(task: str) -> None:
    assert "medical" in detect_domains([task])


def test_contacts_offered_as_alternatives_share_one_sentence_with_or() -> None:
    prompt = _prompt(
        "Answer tenants' questions about our building rules. If you don't know, tell them to email "
        "office@elmcourt.example or call 0161 555 0100."
    )
    assert "email office@elmcourt.example or call 0161 555 0100" in prompt
    assert prompt.count("If you don't know") <= 1


def test_contacts_given_together_are_joined_with_and() -> None:
    prompt = _prompt(
        "Schadensmeldungen für unsere Mieter aufnehmen. Bei Gasgeruch: sofort das Haus verlassen lassen und den "
        "Notruf 112 sowie die Störungsstelle 0800 393 0000 anrufen lassen. Immer auf Deutsch antworten."
    )
    assert "call 112 and 0800 393 0000" in prompt
    assert "call 112 or" not in prompt


@pytest.mark.parametrize(
    "sentence",
    [
        "Anything over £50 goes to escalate_to_human with a summary.",
        "Refund disputes go to the billing team.",
    ],
)
def test_where_a_case_goes_is_a_rule(sentence: str) -> None:
    prompt = _prompt(f"Support chat for Tern Cycles, using lookup_order(order_id). {sentence}")
    rules = [line for line in prompt.splitlines() if line[:1].isdigit()]
    assert any(sentence.rstrip(".") in line for line in rules), rules
