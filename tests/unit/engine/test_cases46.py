"""Hand-offs in the phrasings briefs really use ("hand them over to a caseworker", "doorzetten naar een medewerker",
"Refunds over $500 are handed off to a human") and emoji rations with the cap after the number ("Un emoji maximum
par message", "Un seul emoji par message")."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import fallbacks
from app.engine.constraints.rationed import find_ration
from app.engine.generate import read_constraints


def _handoffs(text: str) -> list[tuple[str, str | None]]:
    return [(f.value, f.condition) for f in fallbacks.find_fallbacks(text) if f.action == "handoff"]


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("If the claim is over £10,000, hand them over to a caseworker instead.", "If the claim is over"),
        ("If they mention eviction, pass the case to a social worker.", "If they mention eviction"),
        ("Se não souber responder, passar para um atendente.", "Se não souber responder"),
        ("Als je het antwoord niet weet, doorzetten naar een medewerker.", "Als je het antwoord niet weet"),
        ("Si tu ne peux pas répondre, passer la conversation à un conseiller.", "Si tu ne peux pas répondre"),
        ("Se non sai rispondere, passa la chiamata a un operatore.", "Se non sai rispondere"),
    ],
)
def test_handoff_with_its_condition(text: str, condition: str) -> None:
    found = _handoffs(text)
    assert len(found) == 1
    assert (found[0][1] or "").startswith(condition)


@pytest.mark.parametrize(
    ("text", "case"),
    [
        ("Vragen over uitbetalingen van meer dan €2.000 doorzetten naar een medewerker.", "Vragen over uitbetalingen"),
        ("Refunds over $500 are handed off to a human on the billing team.", "For refunds over $500"),
        ("Questions about payroll should be passed to a human agent.", "For questions about payroll"),
    ],
)
def test_topic_that_opens_the_clause_is_the_handoff_case(text: str, case: str) -> None:
    found = _handoffs(text)
    assert len(found) == 1
    assert (found[0][1] or "").startswith(case)


def test_handoff_in_a_whole_brief_keeps_its_case() -> None:
    brief = Brief(
        task="Chat support for an online casino. Answer in Dutch.\n"
        "- Maximaal 100 woorden per antwoord.\n"
        "- Vragen over uitbetalingen van meer dan €2.000 doorzetten naar een medewerker."
    )
    handoffs = [c for c in read_constraints(brief) if c.kind == "fallback" and c.action == "handoff"]
    assert len(handoffs) == 1
    assert "uitbetalingen" in (handoffs[0].condition or "")


def test_a_banned_handoff_stays_no_route() -> None:
    assert _handoffs("There is no human support; never offer to connect them to a person.") == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Un emoji maximum par message.", "Use at most 1 emoji per message."),
        ("Un seul emoji par message.", "Use at most 1 emoji per message."),
        ("Only one emoji per reply, please.", "Use at most 1 emoji per reply."),
        ("Deux emojis maximum par réponse.", "Use at most 2 emojis per reply."),
        ("Máximo un emoji por mensaje.", "Use at most 1 emoji per message."),
    ],
)
def test_emoji_ration_with_cap_after_the_number(text: str, rule: str) -> None:
    ration = find_ration(text)
    assert ration is not None
    assert ration.text == rule


def test_uncapped_count_is_no_ration() -> None:
    # "one emoji per message" may be a count to meet; without a cap word it is not read as "at most"
    assert find_ration("Put one emoji per message.") is None


def test_emoji_ration_in_a_french_brief_is_no_ban() -> None:
    brief = Brief(task="Assistant de chat pour une boulangerie. Ton chaleureux. Un emoji maximum par message.")
    constraints = read_constraints(brief)
    assert any("at most 1 emoji" in c.text for c in constraints)
    assert not any(c.kind == "prohibition" and "emoji" in c.text.lower() for c in constraints)


def _fallback_texts(task: str) -> list[str]:
    return [c.text for c in read_constraints(Brief(task=task)) if c.kind == "fallback"]


@pytest.mark.parametrize(
    "rule",
    [
        "If the dog is bleeding heavily or collapsed -> go to the vet now, log it with log_emergency and give "
        "968 555 214.",
        "If someone smells gas → call 0800 111 999 right away, log it with report_leak and stop the booking.",
        "If the child has a fever over 40 => come to the clinic now, record it with flag_case and give 020 7946 0018.",
    ],
)
def test_arrow_case_keeps_all_its_actions(rule: str) -> None:
    task = "Booking assistant. Tools: log_emergency(pet), report_leak(address), flag_case(notes).\n1. " + rule
    texts = _fallback_texts(task)
    assert texts
    tool = next(word for word in ("log_emergency", "report_leak", "flag_case") if word in rule)
    assert any(tool in text for text in texts)


@pytest.mark.parametrize(
    ("text", "case", "reply"),
    [
        ("For anything about pricing, say 'Please ask in store'.", "For anything about pricing", "Please ask in store"),
        ("For anything related to refunds, reply 'Our team will email you.'", "For anything related to refunds",
         "Our team will email you."),
        ("Per domande sui prezzi rispondi 'Chiedi in negozio, grazie'.", "Per domande sui prezzi",
         "Chiedi in negozio, grazie"),
    ],
)  # fmt: skip
def test_topic_case_with_a_single_quoted_reply(text: str, case: str, reply: str) -> None:
    says = [(f.condition, f.value) for f in fallbacks.find_fallbacks(text) if f.action == "say"]
    assert says == [(case, reply)]
