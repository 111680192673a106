"""Case lines stay on their triggers (round 49's review, class 3): a number or a fixed line inside a case is that
case's, never the route for whatever the assistant cannot help with; a trigger with a verb of saying is kept whole;
a two-sentence fixed line after an arrow is kept whole; a sentence that goes on with a rule stays joined to it; an
example's last line is no rule; a case listed before an arrow is no ban; "X only when A = 1" is no order of steps.
New wording, other domains and languages."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.generate import read_constraints

_STUCK = "When you cannot help"


def _fallbacks(task: str) -> list[tuple[str | None, str | None, str]]:
    return [(c.action, c.value, c.condition or "") for c in read_constraints(Brief(task=task)) if c.kind == "fallback"]


def _guardrails(task: str) -> str:
    """The rendered prompt (generic target: the guardrails are the lines that say when a route applies)."""
    return generate(Brief(task=task)).prompt


@pytest.mark.parametrize(
    ("task", "number", "trigger"),
    [
        (
            "Asistente web de una academia de idiomas.\n\nSi alguien escribe que está desesperado o que piensa en "
            'hacerse daño, responder solo esto:\n"Siento lo que está pasando. Llame ahora al 024, es gratuito. Si '
            'está en peligro, llame al 112."\n\nEstilo: trate de usted.',
            "024",
            "desesperado",
        ),
        (
            "Chat for a climbing gym.\n- if a member has a dispute about a refund or a damaged harness -> only this "
            'sentence:\n  "That needs our manager; please call 0161 555 0190 on weekdays."\n- keep replies short',
            "0161 555 0190",
            "dispute",
        ),
        (
            "Wenn jemand von Suizidgedanken spricht, antworte nur:\n"
            '"Bitte ruf jetzt die Telefonseelsorge an: 0800 111 0 111."\nSonst hilf bei Fragen zum Kursplan.',
            "0800 111 0 111",
            "Suizidgedanken",
        ),
    ],
)
def test_a_number_in_a_quoted_line_under_its_case_stays_on_that_case(task: str, number: str, trigger: str) -> None:
    routes = [f for f in _fallbacks(task) if f[1] == number]
    assert routes
    assert all(trigger in condition for _, _, condition in routes)
    assert f"{_STUCK}, tell the user to call {number}" not in _guardrails(task)


@pytest.mark.parametrize(
    ("task", "number", "trigger"),
    [
        (
            "水泳教室のLINEボットです。予約を受け付けます。\n・3歳以下はお断りして、ベビースイミング(0120-555-101)をご案内\n"
            "・返信は敬語で",
            "0120-555-101",
            "3歳以下",
        ),
        (
            "Chat bot for a student union. Keep it friendly. You can give the Samaritans number, 116 123.",
            "116 123",
            "",
        ),
    ],
)
def test_a_case_or_crisis_number_is_never_the_catch_all(task: str, number: str, trigger: str) -> None:
    guardrails = _guardrails(task)
    assert number in guardrails
    assert f"{_STUCK}, tell the user to call {number}" not in guardrails
    if trigger:
        assert any(trigger in condition for _, value, condition in _fallbacks(task) if value == number)


@pytest.mark.parametrize(
    ("task", "trigger"),
    [
        (
            "Booking bot for a yoga studio. If they say they are pregnant or injured, reply only: "
            '"Please talk to your teacher before class."',
            "If they say they are pregnant or injured",
        ),
        (
            "Chat for a bike shop. if they say anything about a crash, a head injury or feeling dizzy -> no bookings, "
            'and reply ONLY: "Please stop riding and call 999 if you are hurt."',
            "if they say anything about a crash, a head injury or feeling dizzy",
        ),
        (
            "Dial-a-ride chat. if they say they feel unwell, have had a fall or cant breathe -> do not book anything, "
            "tell them to call 999 if it's an emergency, or 111 if not",
            "if they say they feel unwell, have had a fall or cant breathe",
        ),
    ],
)
def test_a_trigger_with_a_verb_of_saying_is_kept_whole(task: str, trigger: str) -> None:
    conditions = [condition for _, _, condition in _fallbacks(task)]
    assert conditions
    assert all(condition.lower() == trigger.lower() for condition in conditions)
    assert "If they," not in _guardrails(task)


def test_the_action_after_an_arrow_is_kept_with_both_numbers() -> None:
    task = (
        "Dial-a-ride chat. if they say they feel unwell, have had a fall or cant breathe -> do not book anything, "
        "tell them to call 999 if it's an emergency, or 111 if not"
    )
    assert "do not book anything, tell them to call 999 if it's an emergency, or 111 if not" in _guardrails(task)


@pytest.mark.parametrize(
    ("task", "reply", "trigger"),
    [
        (
            "Junior football app. if something hurts -> stop and tell a coach. head injury, chest pain or fainting -> "
            '"Tell an adult right now. If it\'s serious they should call 999."',
            "Tell an adult right now. If it's serious they should call 999.",
            "head injury, chest pain or fainting",
        ),
        (
            'Shop chat. refunds over £50 -> "Let me pass you to a manager. Call 0161 555 0100 on weekdays."',
            "Let me pass you to a manager. Call 0161 555 0100 on weekdays.",
            "refunds over £50",
        ),
        (
            'Chat de una protectora. si el perro ha mordido a alguien -> "Llame ahora a la adiestradora. Su '
            'número es el 600 123 456."',
            "Llame ahora a la adiestradora. Su número es el 600 123 456.",
            "si el perro ha mordido a alguien",
        ),
    ],
)
def test_a_two_sentence_fixed_line_after_an_arrow_is_kept_whole(task: str, reply: str, trigger: str) -> None:
    found = _fallbacks(task)
    assert ("say", reply, next(c for a, _, c in found if a == "say")) in found
    assert all(trigger in condition for _, _, condition in found)
    assert "If it's serious, tell the user" not in _guardrails(task)


@pytest.mark.parametrize(
    ("task", "whole"),
    [
        (
            "Minibus booking chat.\n1. trips must be booked at least 2 working days ahead. anything sooner -> "
            "leave_message and tell them the office will ring back. do not promise the trip",
            "ahead. Anything sooner -> leave_message and tell them the office will ring back. Do not promise the trip.",
        ),
        (
            "Hire shop bot.\n1. we don't deliver further than 15 miles from the depot. further than that -> take a "
            "message, the owner may know a courier",
            "from the depot. Further than that -> take a message",
        ),
        (
            "Vet clinic chat.\n1. out-of-hours visits: we never guarantee a vet on site, the wait can be an hour. say "
            "that every time its an out-of-hours visit",
            "can be an hour. Say that every time its an out-of-hours visit",
        ),
    ],
)
def test_a_sentence_that_goes_on_with_a_rule_stays_joined_to_it(task: str, whole: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert any(whole.lower() in line.lower() for line in prompt.splitlines())  # the rule and its sequel on one line


def test_a_rule_of_its_own_after_another_stays_apart() -> None:
    task = "Minibus booking chat.\n1. trips must be booked at least 2 working days ahead. never share a driver's number"
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert not any("ahead. Never share" in line for line in prompt.splitlines())


@pytest.mark.parametrize(
    ("task", "last"),
    [
        (
            "Chat for a dial-a-ride service. Keep replies to 3 sentences.\n\nexample:\nmember: can i go to the "
            "hospital thursday\nyou: I can offer a pickup at nine. The fare is 4 pounds. Shall I book it?",
            "Shall I book it?",
        ),
        (
            "Chat for a hair salon. Be warm.\n\nExample reply:\nclient: can I come at 5\nyou: We have 5:15 free. "
            "Should I hold it for you?",
            "Should I hold it for you?",
        ),
    ],
)
def test_an_examples_last_line_is_no_rule(task: str, last: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert not any(line.rstrip().endswith(f". {last}") and line[:1].isdigit() for line in prompt.splitlines())
    assert not any(line.strip() == f"{n}. {last}" for n in range(1, 40) for line in prompt.splitlines())


@pytest.mark.parametrize(
    "task",
    [
        "Repairs triage. smell of gas, no heating where there's someone over 75, sparking sockets -> always P1.",
        "Hotel maintenance. a flooded room, no hot water in winter, a broken lock -> always urgent.",
    ],
)
def test_a_case_listed_before_an_arrow_is_no_ban(task: str) -> None:
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "prohibition"]


def test_a_list_of_bans_before_an_arrow_stays_bans() -> None:
    task = "Clinic chat. never give medical advice, don't diagnose -> say you can't help with that."
    assert any(c.kind == "prohibition" for c in read_constraints(Brief(task=task)))


@pytest.mark.parametrize(
    "task",
    [
        "Tools: waive_fee(plan_id), get_plan(plan_id).\n5. waive_fee only when missed = 1 and fee > 0, and only once "
        "per customer.",
        "Tools: apply_discount(order_id), get_order(order_id).\n3. apply_discount only when total > 100 and "
        "only once per order.",
    ],
)
def test_only_when_a_state_holds_is_no_order_of_steps(task: str) -> None:
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "ordering"]
