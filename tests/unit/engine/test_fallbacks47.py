"""Fallback lines users write in their own words (round 47 fixes): the fixed reply announced before its colon or in
another language's "exactly", a Chinese unquoted reply after a colon, a web address given as the other way to a
contact or as a bare domain, a Dutch "voor" topic, a hand-off by a marker line or by a hand-off tool, a bare 'Say:
"…"' after a conditioned ban and a contact given in place of what a ban forbids."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.extract import extract_constraints
from app.engine.constraints.fallbacks import find_fallbacks


def _found(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.action, f.value, f.condition) for f in find_fallbacks(text)]


def _fallbacks(brief: Brief) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.action, c.value, c.condition) for c in extract_constraints(brief) if c.kind == "fallback"]


def test_a_reply_announced_before_its_colon_is_the_fixed_reply() -> None:
    text = 'Not covered by the policy -> answer with exactly this and nothing else: "I can\'t find that in the policy."'
    assert ("say", "I can't find that in the policy.", None) in _found(text)
    found = _found('When the menu has no answer, say the following: "Please ask our staff at the bar."')
    assert [action for action, _, _ in found] == ["say"]


def test_another_languages_exactly_opens_the_fixed_reply() -> None:
    found = _found('Se la domanda non riguarda il menu, rispondi testualmente: "Posso aiutarla solo con il menu."')
    assert ("say", "Posso aiutarla solo con il menu.", "Se la domanda non riguarda il menu") in found
    found = _found('Als het niet in de handleiding staat, antwoord letterlijk: "Dat staat niet in de handleiding."')
    assert [action for action, _, _ in found] == ["say"]


def test_a_chinese_reply_after_a_colon_is_the_fixed_reply_of_its_case() -> None:
    assert _found("用户问退款以外的事情时，只回复：这个问题请联系人工客服") == [
        ("say", "这个问题请联系人工客服", "用户问退款以外的事情时")
    ]
    found = _found("如果资料里找不到答案，就回复一句：资料中没有相关信息。")
    assert found == [("say", "资料中没有相关信息", "如果资料里找不到答案")]
    assert _found("回复时语气要友好：多用您") == []  # (no case, no reply: a style)


def test_a_web_address_offered_as_the_other_way_to_a_contact_is_a_route() -> None:
    found = _found("Rückrufe gibt es unter 030 1234 5678 oder auf www.beispiel-praxis.de/rueckruf.")
    assert [(action, value) for action, value, _ in found] == [
        ("phone", "030 1234 5678"),
        ("url", "www.beispiel-praxis.de/rueckruf"),
    ]


def test_a_bare_domain_given_in_a_case_is_a_route() -> None:
    found = _found("Bei Fragen zur Rechnung: an die Buchhaltung verweisen, rechnung.beispiel-firma.de")
    assert ("url", "rechnung.beispiel-firma.de", "Bei Fragen zur Rechnung") in found
    assert _found("If they ask about ASP.NET or Node.js, explain it briefly.") == []


def test_a_dutch_topic_before_its_route_is_the_routes_case() -> None:
    found = _found("Voor reserveringen verwijs je naar https://example.nl/reserveren.")
    assert found == [("url", "https://example.nl/reserveren", "Voor reserveringen")]


def test_a_hand_off_by_a_marker_line_is_a_hand_off() -> None:
    found = _found("If the caller wants a manager, escalate by outputting [TRANSFER] on the last line.")
    assert [(action, condition) for action, _, condition in found] == [("handoff", "If the caller wants a manager")]
    found = _found("Questions about invoices: hand off by writing ESCALATE_BILLING at the end.")
    assert [action for action, _, _ in found] == ["handoff"]


def test_a_hand_off_that_calls_its_tool_stays_a_hand_off() -> None:
    brief = Brief(
        task="Booking assistant for a hair salon. Tools: find_slot(date), book(slot_id), transfer_to_human(reason). "
        "If a client asks for the manager or wants to complain, call transfer_to_human(reason) and tell them "
        "a staff member will join the chat shortly.",
        target="claude",
    )
    assert [action for action, _, _ in _fallbacks(brief)] == ["handoff"]


def test_a_bare_say_after_a_conditioned_ban_is_that_cases_reply() -> None:
    brief = Brief(
        task="Chat helper for a bike shop.",
        constraints=['If they ask for a discount, don\'t promise anything. Say: "Prices are set by the shop owner."'],
        target="claude",
    )
    assert _fallbacks(brief) == [("say", "Prices are set by the shop owner.", "If they ask for a discount")]


def test_a_contact_given_in_place_of_a_ban_is_for_that_case() -> None:
    found = _found("Don't quote shipping prices, point people to acme.com/shipping.")
    assert found == [("url", "acme.com/shipping", "When asked to quote shipping prices")]
    brief = Brief(task="Shop assistant for Acme. never book repairs in the chat, send them to acme.com/repairs.")
    assert ("url", "acme.com/repairs", "When asked to book repairs in the chat") in _fallbacks(brief)
