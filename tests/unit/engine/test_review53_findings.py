"""Review 53 of 833a9b3 and bca453a (case routes, French numbers, '(not …)' asides, pipe layouts, meta first
sentences): briefs, written the way users type them, whose prompt these commits make wrong or leave wrong.
Each test fails on bca453a; ordered by severity."""

from __future__ import annotations

import re
import time

import pytest

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.generate import generate


def _routes(task: str) -> dict[str, str | None]:
    return {c.value or "": c.condition for c in extract_constraints(Brief(task=task)) if c.kind == "fallback"}


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


# 1. HIGH. A five-group number may now swallow the "24" of "24/7" ('+44 20 7946 0123 24'); the "/7" then marks it
# as "round the clock" and the whole number is thrown away. The brief's only emergency line vanishes from the
# routes (before 833a9b3 it was the "When you cannot help" route).
@pytest.mark.parametrize(
    ("task", "number"),
    [
        (
            "Chat assistant for our locksmith company in London. Answer questions about prices, lock changes and "
            "key cutting. Emergency line +44 20 7946 0123 24/7.",
            "+44 20 7946 0123",
        ),
        (
            "Chatbot für unseren Schlüsseldienst in Berlin. Beantworte Fragen zu Preisen. "
            "Notdienst unter +49 30 1234 5678 24/7.",
            "+49 30 1234 5678",
        ),
    ],
)
def test_an_emergency_number_followed_by_24_7_is_still_a_route(task: str, number: str) -> None:
    assert number in _routes(task)


# 2. HIGH. "Urgent repairs only by phone …, everything else by email …": the email is the route for everything
# else, but the whole clause's "case" is pinned on it, so the prompt tells the bot to send urgent repairs (leaks,
# no heating) to an inbox.
def test_the_everything_else_route_is_not_made_the_urgent_route() -> None:
    routes = _routes(
        "Bot for a letting agent. Answer tenant questions about rent, deposits and repairs. Urgent repairs only by "
        "phone on 0161 496 0731, everything else by email at hello@lets.example."
    )
    assert routes["0161 496 0731"] == "For urgent repairs"
    assert routes["hello@lets.example"] != "For urgent repairs"


# 3. HIGH. Whatever precedes "only by/via" is taken as a case: the business's one contact ("Please contact us only
# by email", "Support only by email") becomes a conditional route, so the prompt loses its "When you cannot help"
# route and the escalation rule no longer says how to reach anyone; instructions before a comma become the
# condition ("For answer questions about classes and timetables, bookings", "For don't take bookings in the chat").
@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Please contact us only by email at hello@yoga.example.", "hello@yoga.example"),
        ("Support only by email at hello@yoga.example.", "hello@yoga.example"),
        ("Get in touch only by phone on 0161 496 0731.", "0161 496 0731"),
        ("Reachable only by phone on 0161 496 0731.", "0161 496 0731"),
        ("Sorry, only by phone on 0161 496 0731.", "0161 496 0731"),
    ],
)
def test_the_general_contact_said_with_only_by_stays_the_general_route(sentence: str, value: str) -> None:
    task = f"Chat assistant for our yoga studio. Answer questions about classes, timetable and prices. {sentence}"
    assert _routes(task)[value] is None
    assert "When you cannot help, tell the user to" in _prompt(task)


@pytest.mark.parametrize(
    "sentence",
    [
        "Answer questions about classes and timetables, bookings only by phone on 0161 496 0731.",
        "Don't take bookings in the chat, only by phone on 0161 496 0731.",
        "Keep it short, bookings only by phone on 0161 496 0731.",
    ],
)
def test_an_instruction_before_only_by_is_no_condition(sentence: str) -> None:
    condition = _routes(f"Bot for our dance school. {sentence}")["0161 496 0731"] or ""
    assert not re.match(r"For (?:answer|don't|keep)\b", condition)


# 4. HIGH. "(not full solutions)", "(not the final answer)" are the user's bans, not "which one is meant": the ban
# is no longer read, so the tutoring default "Give the full worked solution … after two real attempts" comes
# back and contradicts the brief.
@pytest.mark.parametrize(
    "task",
    [
        "Tutor bot for GCSE maths. Give hints (not full solutions) when a student is stuck.",
        "Homework helper for 10-year-olds. Explain the method step by step (not the final answer). Use simple words.",
    ],
)
def test_a_parenthesised_ban_is_still_a_ban(task: str) -> None:
    result = generate(Brief(task=task, target="claude"))
    assert "Give the full worked solution" not in result.prompt
    assert [c for c in result.constraints if c.kind == "prohibition"]


# 5. MEDIUM-HIGH. _NOUN_LIST backtracks exponentially on digits joined by commas (each comma may be a separator or
# part of a "decimal"): a 250-character brief with a list of pitch numbers takes ~8 s instead of ~0.1 s; a line of
# single digits near the 118-character cap takes ~40 s per clause.
def test_a_list_of_numbers_before_a_colon_is_read_quickly() -> None:
    numbers = ",".join(str(i) for i in range(1, 41))
    task = (
        "Booking bot for our campsite in the Lakes. Answer questions about pitches, prices and facilities.\n"
        f"Pitches {numbers} riverside: call the warden on 07700 900 123 before booking."
    )
    start = time.perf_counter()
    extract_constraints(Brief(task=task))
    assert time.perf_counter() - start < 2.0


# 6. MEDIUM-HIGH. A comma list before a colon is taken as a list of cases whatever it says: a greeting ("Hi, I'm
# Dana and I run a small B&B"), a tone line, opening hours, or the catch-all ("Questions, complaints or anything
# else") become the route's condition, so the general route is lost or guarded by nonsense.
@pytest.mark.parametrize(
    ("task", "value"),
    [
        (
            "Hi, I'm Dana and I run a small B&B in York: guests can reach me on 07700 900 123. Write a bot that "
            "answers guest questions.",
            "07700 900 123",
        ),
        ("Bot for our clinic. Tone warm, short and professional: refer medical questions to 0161 496 0731.", None),
        ("Bot for an accountancy firm. Mon-Fri 9-5, Sat 10-2 and Sun closed: call 0161 496 0731.", "0161 496 0731"),
        (
            "Bot for an accountancy firm. Questions, complaints or anything else: hello@acc.example.",
            "hello@acc.example",
        ),
        ("Bot for our salon. Sales, bookings or general enquiries: 0161 496 0731.", "0161 496 0731"),
    ],
)
def test_a_comma_list_before_a_colon_that_names_no_case_is_no_condition(task: str, value: str | None) -> None:
    routes = _routes(task)
    if value is None:  # the condition is the medical questions, never the tone line
        assert not any((c or "").startswith("For tone") for c in routes.values())
    else:
        assert routes[value] is None


# 7. MEDIUM. A pipe label set with a negated cell ("urgent | not urgent | spam") is now dropped as a "line layout":
# the prompt has no labels, a {{labels}} placeholder, and invents the label "other" the user never allowed.
def test_a_label_set_with_a_negated_cell_is_still_a_label_set() -> None:
    task = "Triage our shared inbox. Label each message as urgent | not urgent | spam, then give a one-line reason."
    result = generate(Brief(task=task, target="claude"))
    assert [c.values for c in result.constraints if c.kind == "labels"] == [["urgent", "not urgent", "spam"]]
    assert 'the label "other"' not in result.prompt


# 8. MEDIUM. An order ending in ":" now wraps the next line in backticks as a line template whenever it has an
# acronym, although that line is another instruction: the bot is told to print "If there is an open INCIDENT,
# share the status link and stop" / "For anything beyond minor ailments point them to NHS 111" verbatim.
@pytest.mark.parametrize(
    ("task", "line"),
    [
        (
            "Support bot for our SaaS. Always ask for the workspace ID before you troubleshoot, then check the "
            "status page:\nIf there is an open INCIDENT, share the status link and stop\nBe friendly.",
            "If there is an open INCIDENT",
        ),
        (
            "Assistant for a pharmacy's WhatsApp line. Ask for the patient's age first, then give advice:\n"
            "For anything beyond minor ailments point them to NHS 111\nNever recommend prescription-only medicines",
            "For anything beyond minor ailments",
        ),
    ],
)
def test_an_instruction_line_after_an_order_is_no_line_template(task: str, line: str) -> None:
    assert f"`{line}" not in _prompt(task)


# 9. MEDIUM (same class, still wrong). "Read the ticket, then write one line:" is read as a limit, which carries
# no template: the layout "CATEGORY | priority | one-line summary" disappears and the brief turns into a
# classifier with an empty {{labels}} set.
def test_a_line_layout_after_write_one_line_is_kept() -> None:
    prompt = _prompt(
        "Triage bot for our helpdesk. Read the ticket, then write one line:\nCATEGORY | priority | one-line summary"
    )
    assert "CATEGORY | priority | one-line summary" in prompt
    # (the {{labels}} slot stays: the brief names a CATEGORY without listing the categories, so the set is supplied
    # with each request; that is the slot's purpose, not an empty set)


# 10. MEDIUM-LOW (same class, still wrong). Obvious phrasings of "one channel for a case" / "a list of cases":
# "by phone only" makes the condition "For late cancellations by phone", "via email only" and "Vans, trailers &
# quad bikes:" leave the case's route as the general route.
@pytest.mark.parametrize(
    ("task", "value", "case"),
    [
        (
            "Booking bot for a dance school. Late cancellations by phone only on 0161 496 0731.",
            "0161 496 0731",
            "For late cancellations",
        ),
        (
            "Booking bot for a dance school. Invoices via email only at accounts@dance.example.",
            "accounts@dance.example",
            "For invoices",
        ),
        (
            "Booking bot for a tyre garage.\n1. Vans, trailers & quad bikes: we can't fit those here, give them "
            "0117 496 0852 (our depot).\n2. Keep it short.",
            "0117 496 0852",
            "For vans, trailers & quad bikes",
        ),
    ],
)
def test_a_case_route_in_a_common_phrasing_keeps_its_case(task: str, value: str, case: str) -> None:
    assert _routes(task)[value] == case


# 11. LOW (same class, still wrong). Common first sentences that only ask for a prompt still become the use case
# ("Use case: A system prompt?", "Use case: A new prompt.").
@pytest.mark.parametrize(
    "opening",
    ["Can you write me a system prompt?", "I need a new prompt.", "Hello, I'd like a system prompt."],
)
def test_a_request_for_a_prompt_is_not_the_use_case(opening: str) -> None:
    prompt = _prompt(f"{opening} Our gym wants a WhatsApp bot that answers membership questions.")
    assert not re.search(r"Use case: [^\n]*prompt", prompt, re.IGNORECASE)
