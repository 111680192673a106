"""Crisis lines versus emergency numbers, hand-off tools as the escalation route, and the clause readings that came
with them (a tool's purpose, "If …, use X", "- no INSERT", "We dont do:")."""

from __future__ import annotations

import re

import pytest

from app.engine import Brief, generate
from app.engine.constraints import Constraint, extract_constraints

_EMERGENCY_RULE = "describes signs of an emergency (chest pain"
_CRISIS_RULE = "mentions suicide, self-harm or harming someone else"
_US_HINT = "988 Suicide & Crisis Lifeline"


def _line(prompt: str, marker: str) -> str | None:
    """The prompt line that carries a rule, found by a phrase of its fixed wording."""
    return next((line for line in prompt.splitlines() if marker in line), None)


def _rules(task: str) -> tuple[str | None, str | None]:
    """(the medical emergency rule, the mental-health crisis rule) of the prompt generated for a brief."""
    prompt = generate(Brief(task=task)).prompt
    return _line(prompt, _EMERGENCY_RULE), _line(prompt, _CRISIS_RULE)


def _constraints(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


# --- a crisis line is never the emergency number -------------------------------------------------------------------

# (brief, the crisis line it gives, what the emergency rule must say instead)
_CRISIS_BESIDE_EMERGENCY = [
    (
        "Symptom checker for a UK pharmacy chain. Give general health info about minor ailments. "
        "If someone mentions suicide or self harm, give Samaritans 116 123.",
        "116 123",
        "call their local emergency number now",
    ),
    (
        "Health chatbot for pharmacy customers. if anyone mentions suicide give the number 0800 689 5652.",
        "0800 689 5652",
        "call their local emergency number now",
    ),
    (
        "Friendly health and wellbeing assistant for an Irish GP practice. if a patient mentions self-harm give "
        "Pieta 1800 247 247. For emergencies like chest pain call 112.",
        "1800 247 247",
        "call 112 now",
    ),
    (
        "Health chatbot for a clinic in Texas. If someone says they want to kill themselves tell them to call 988. "
        "If they have chest pain call 911.",
        "988",
        "call 911 now",
    ),
]


@pytest.mark.parametrize(("task", "crisis", "emergency"), _CRISIS_BESIDE_EMERGENCY)
def test_a_crisis_line_is_never_the_number_of_the_emergency_rule(task: str, crisis: str, emergency: str) -> None:
    emergency_rule, _ = _rules(task)
    assert emergency_rule is not None
    assert crisis not in emergency_rule
    assert emergency in emergency_rule


@pytest.mark.parametrize(("task", "crisis", "emergency"), _CRISIS_BESIDE_EMERGENCY)
def test_the_crisis_rule_names_the_briefs_own_line(task: str, crisis: str, emergency: str) -> None:
    _, crisis_rule = _rules(task)
    assert crisis_rule is not None
    assert f"urge them to call {crisis} now" in crisis_rule
    # One line, the brief's: no generic "a crisis line" and no US line beside it.
    assert "contact a crisis line" not in crisis_rule
    assert _US_HINT not in crisis_rule


@pytest.mark.parametrize(
    ("task", "crisis"),
    [
        (
            "Mental health support chat for teenagers. If someone mentions suicide, give Childline 0800 1111.",
            "0800 1111",
        ),
        ("Student wellbeing chatbot. If someone says they feel suicidal, ring Samaritans on 116 123.", "116 123"),
        (
            "Mental health check-in bot for students in the US. If a student mentions suicide, tell them to call 988.",
            "988",
        ),
        (
            "You are a wellbeing chat bot for a UK university. If anyone mentions suicide give Samaritans 116 123. "
            "For chest pain or trouble breathing call 999.",
            "116 123",
        ),
        ("Health assistant. if someone mentions suicide give them the helpline 0800 123 4567", "0800 123 4567"),
    ],
)
def test_crisis_rule_urges_the_line_the_brief_gives_for_suicide(task: str, crisis: str) -> None:
    _, crisis_rule = _rules(task)
    assert crisis_rule is not None
    assert f"call {crisis} now" in crisis_rule
    assert "999 now" not in crisis_rule


def test_without_a_line_of_its_own_the_crisis_rule_keeps_the_generic_wording_and_the_us_line() -> None:
    _, crisis_rule = _rules("Mental health companion app for adults. Be warm and listen.")
    assert crisis_rule is not None
    assert "contact a crisis line or call their local emergency number now" in crisis_rule
    assert _US_HINT in crisis_rule


@pytest.mark.parametrize(
    ("task", "service"),
    [
        ("Health info assistant for patients. If someone mentions suicide, call 999.", "999"),
        (
            "Medical info bot for a Brazilian clinic. If someone mentions suicide or chest pain tell them to call 192.",
            "192",
        ),
        ("Health info assistant for patients in Spain. If someone mentions suicide, call 112.", "112"),
    ],
)
def test_an_emergency_service_named_for_suicide_is_still_the_emergency_number(task: str, service: str) -> None:
    emergency_rule, crisis_rule = _rules(task)
    assert emergency_rule is not None
    assert f"call {service} now" in emergency_rule
    assert crisis_rule is not None
    assert service in crisis_rule


@pytest.mark.parametrize(
    ("task", "number"),
    [
        (
            "Nurse advice line bot for a UK hospital. Give general health information. "
            "Call 999 for chest pain or trouble breathing.",
            "999",
        ),
        (
            "Medical symptom helper. If the user has chest pain or can't breathe, "
            "tell them to call 0800 555 0199 right away.",
            "0800 555 0199",
        ),
        (
            "Patient helper for a GP surgery in Leeds. "
            "999 for chest pain, otherwise ring the surgery on 0113 496 0000.",
            "999",
        ),
    ],
)
def test_a_number_given_for_chest_pain_stays_the_emergency_number(task: str, number: str) -> None:
    emergency_rule, _ = _rules(task)
    assert emergency_rule is not None
    assert f"call {number} now" in emergency_rule


# --- a fallback's condition ends where "give <line>" begins -------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "condition", "number"),
    [
        (
            "Student wellbeing bot. If anyone mentions suicide give Samaritans 116 123.",
            "If anyone mentions suicide",
            "116 123",
        ),
        (
            "Student wellbeing bot. if a student talks about self harm give them the number 0800 068 4141",
            "if a student talks about self harm",
            "0800 068 4141",
        ),
        (
            "Student wellbeing bot. If someone is in crisis give the helpline 0300 123 3393.",
            "If someone is in crisis",
            "0300 123 3393",
        ),
        (
            "Student wellbeing bot. If someone says they want to end their life give them Papyrus 0800 068 4141.",
            "If someone says they want to end their life",
            "0800 068 4141",
        ),
        (
            "Student wellbeing bot. if anyone is thinking of killing themselves ring Samaritans 116 123.",
            "if anyone is thinking of killing themselves",
            "116 123",
        ),
    ],
)
def test_a_condition_ends_before_give_or_ring_a_named_line(task: str, condition: str, number: str) -> None:
    fallbacks = _constraints(task, "fallback")
    assert [(c.condition, c.value, c.action) for c in fallbacks] == [(condition, number, "phone")]
    assert fallbacks[0].text.startswith(condition[0].upper() + condition[1:] + ", ")


def test_a_condition_ends_before_signpost() -> None:
    fallbacks = _constraints("Tenant helper. if someone mentions self harm signpost them to Shout 85258.", "fallback")
    assert [c.condition for c in fallbacks] == ["if someone mentions self harm"]


# --- a hand-off tool is the escalation route ----------------------------------------------------------------------


def _escalation_line(task: str) -> str:
    line = _line(generate(Brief(task=task)).prompt, "Escalate to a human agent when")
    assert line is not None
    return line


@pytest.mark.parametrize(
    ("task", "tool"),
    [
        (
            "Customer support bot for Leeds Plumbing. Tools: check_availability(postcode, date) which returns free "
            "slots, book_job(postcode, date, slot) to book, escalate_to_human(reason). If the postcode isn't LS or "
            "they're angry use escalate_to_human.",
            "escalate_to_human",
        ),
        (
            "Customer service chatbot for a telecom. Use transfer_to_agent(reason) when the customer asks for a "
            "person. Use lookup_account(phone) to find accounts.",
            "transfer_to_agent",
        ),
        (
            "Customer support agent for Acme Broadband. Answer questions about outages and bills. If you can't solve "
            "it, call create_ticket(summary, priority).",
            "create_ticket",
        ),
        (
            "Customer support chat for a bank. Use handoff_to_staff(reason) when a customer asks for a person.",
            "handoff_to_staff",
        ),
        ("Customer support bot for a gym. If the member is angry use escalate_to_human.", "escalate_to_human"),
    ],
)
def test_a_hand_off_tool_is_the_escalation_route(task: str, tool: str) -> None:
    line = _escalation_line(task)
    assert f"To escalate, call the `{tool}` tool with the reason" in line
    assert "I'm passing this to a human colleague" not in line


@pytest.mark.parametrize(
    "task",
    [
        "Help desk assistant for our SaaS. Tools: lookup_ticket(ticket_id) shows a ticket's status, get_ticket(id). "
        "Answer billing questions.",
        "Customer support for a SaaS tool. You can use get_ticket(id) and search_docs(query).",
    ],
)
def test_a_tool_that_reads_tickets_is_no_hand_off(task: str) -> None:
    line = _escalation_line(task)
    assert "tool with the reason" not in line
    assert "a member of the team has to handle it" in line  # no hand-off: none is promised


def test_without_a_hand_off_tool_the_briefs_own_contact_is_the_route() -> None:
    line = _escalation_line(
        "Customer support for a SaaS tool. Tools: lookup_ticket(ticket_id) shows a ticket's status. "
        "If you can't help, email support@saas.example."
    )
    assert "To escalate, tell them to email support@saas.example." in line


# --- a tool's purpose ends at the next signature -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "purposes"),
    [
        (
            "Tools: check_availability(postcode, date) which returns free slots, book_job(postcode, date, slot) to "
            "book, escalate_to_human(reason).",
            {"check_availability": "returns free slots", "book_job": "book", "escalate_to_human": None},
        ),
        (
            "You have search_flights(origin, destination, date) that finds flights, hold_seat(flight_id) reserves a "
            "seat for 20 minutes, and pay(amount).",
            {"search_flights": "finds flights"},
        ),
        (
            "Use lookup_order(order_id) to find an order, then refund(order_id, amount) to refund it.",
            {"lookup_order": "find an order", "refund": "refund it"},
        ),
    ],
)
def test_a_tools_purpose_stops_at_the_next_signature(task: str, purposes: dict[str, str | None]) -> None:
    tools = {c.name: c for c in _constraints(task, "tool")}
    for name, purpose in purposes.items():
        assert tools[name].value == purpose
    for tool in tools.values():
        assert "(" not in (tool.value or "")  # no other tool's signature inside a purpose


def test_a_single_tools_purpose_is_kept_whole() -> None:
    (tool,) = _constraints("You can call get_balance(account_id) which returns the balance.", "tool")
    assert tool.value == "returns the balance"


# --- "If …, use X" is an instruction, a plain "if" fact is context -------------------------------------------------


@pytest.mark.parametrize(
    ("task", "sentence"),
    [
        (
            "Help desk bot for a school. If a parent asks about fees, use the fees page. Be brief.",
            "If a parent asks about fees, use the fees page.",
        ),
        (
            "Support bot for a gym. If the member is angry use escalate_to_human.",
            "If the member is angry use escalate_to_human.",
        ),
        (
            "Support bot for a vet clinic. When someone asks about prices, use the price list on the website.",
            "When someone asks about prices, use the price list on the website.",
        ),
    ],
)
def test_a_condition_then_use_is_a_requirement_not_context(task: str, sentence: str) -> None:
    spec = generate(Brief(task=task)).spec
    assert sentence in [rule.text for rule in spec.instructions]
    assert not any(sentence in fact for fact in spec.context)


def test_a_condition_followed_by_a_fact_stays_context() -> None:
    spec = generate(
        Brief(task="Support bot for a gym. If the member is angry, the manager will be there on Monday.")
    ).spec
    assert "From the brief: If the member is angry, the manager will be there on Monday." in spec.context
    assert not any("manager will be there" in rule.text for rule in spec.instructions)


# --- "- no X" after a dash forbids X; "- no," answers a question ---------------------------------------------------


@pytest.mark.parametrize(
    ("task", "forbidden"),
    [
        (
            "SQL helper for our analysts. Database is Postgres, read only - no INSERT, UPDATE or DELETE. "
            "Explain each query.",
            "INSERT, UPDATE or DELETE",
        ),
        ("Reporting assistant. Database is MySQL, read-only - no DELETE or DROP.", "DELETE or DROP"),
        ("Reporting assistant. Analysts only - no personal data in answers.", "personal data in answers"),
    ],
)
def test_no_after_a_dash_is_a_prohibition(task: str, forbidden: str) -> None:
    assert any(forbidden in c.text for c in _constraints(task, "prohibition"))


@pytest.mark.parametrize(
    "task",
    [
        "Customer support for Leeds Plumbing. "
        "Questions we get: boilers - yes, bathrooms - no, areas we cover - LS only.",
        "Plumber support bot. FAQ: boilers - yes, bathrooms - no, weekends - no, areas - Leeds only.",
    ],
)
def test_a_dash_no_answer_forbids_nothing(task: str) -> None:
    assert _constraints(task, "prohibition") == []


# --- "We dont do:" forbids no "do" --------------------------------------------------------------------------------

_BARE_VERB_RULE = re.compile(r"^(?:Do not|Never|Avoid) (?:use )?(?:do|does|offer|cover|handle|sell|take)\.$", re.I)


@pytest.mark.parametrize(
    ("task", "item"),
    [
        (
            "Customer support for Leeds Plumbing. We cover LS postcodes only. We dont do: boiler installs, gas meters, "
            "commercial jobs.",
            "boiler installs",
        ),
        ("Chat assistant for a bakery. We don't do: weddings, deliveries.", "weddings"),
        ("Cleaning company bot. we do not do: windows, gutters", "gutters"),
        ("Cleaning company bot. We don't offer: carpet cleaning, oven cleaning.", "oven cleaning"),
    ],
)
def test_we_dont_do_colon_forbids_no_bare_verb_and_keeps_the_list(task: str, item: str) -> None:
    result = generate(Brief(task=task))
    texts = [c.text for c in result.constraints] + [rule.text for rule in result.spec.instructions]
    assert not any(_BARE_VERB_RULE.match(text) for text in texts)
    assert item in result.prompt


def test_we_dont_do_without_a_colon_still_forbids_the_service() -> None:
    prohibitions = _constraints("Receptionist bot for a hair salon. We dont do colour corrections.", "prohibition")
    assert [c.text for c in prohibitions] == ["Do not do colour corrections."]
