"""Fixes for packs48's regressions: patient report summaries keep the health pack, a listening companion keeps
its frame beside a privacy policy and parental leave, a tutor that offers a teacher's session stays a tutor, "kids
under 12 need simple words" is the audience, and the support secrets rule comes only where it belongs."""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.brief import Brief
from app.engine.constraints.people import find_audience
from app.engine.spec import Tool

_EMERGENCY = "If the person describes signs of an emergency"
_HEALTH_INFO = "general health information"
_MEDICATION = "Never tell someone to start, stop or change a prescribed medication"
_CHILD_PRIVACY = "Never ask for or keep a child's personal information"
_SECRETS = "Never ask for passwords or full card numbers."


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


def _ids(task: str) -> list[str]:
    return [m.id for m in generate(Brief(task=task)).archetypes]


# 1. A patient-facing summary of health results keeps the medical pack.
@pytest.mark.parametrize(
    "task",
    [
        "Patients paste their blood test report from the lab and ask what it means. Summarise the report in plain "
        "words, say which values are outside the reference range.",
        "Write a short version of the doctor's report for the patient in plain English, with warning signs that "
        "mean they should call 999.",
        "Turn the hospital discharge report into a short summary the patient can read at home, with symptoms that "
        "mean they should go back to A&E.",
    ],
)
def test_patient_report_summary_keeps_health_pack(task: str) -> None:
    prompt = _prompt(task)
    assert _EMERGENCY in prompt
    assert _HEALTH_INFO in prompt
    assert _MEDICATION in prompt


# 2. A listening companion keeps its frame beside "parental leave" and "privacy policy".
@pytest.mark.parametrize(
    "task",
    [
        "A listening companion for new parents who are going back to work after parental leave. They can vent "
        "about the juggling, the guilt and the tiredness. Our privacy policy says we store nothing, so never ask "
        "for names.",
        "A place for returning mums to vent after maternity leave. Our data policy: nothing is stored.",
    ],
)
def test_listener_keeps_frame_beside_policy_and_leave(task: str) -> None:
    assert "feels heard" in _prompt(task)


def test_hr_qa_job_stated_later_is_no_listener() -> None:
    assert "feels heard" not in _prompt(
        "Chat for Northwind staff that answers questions about HR policies, leave and payroll. Employees sometimes "
        "vent about their managers; stay neutral."
    )


# 3. A tutor that offers a session with a teacher as an escalation stays a tutor.
@pytest.mark.parametrize(
    "task",
    [
        "Maths tutor bot for Year 7 pupils. It helps with fractions and percentages, and pupils can book a session "
        "with a real teacher if they are stuck.",
        "A chemistry helper for GCSE students that explains balancing equations; students can schedule a class with "
        "Mr Khan when they need more help.",
    ],
)
def test_tutor_with_booking_escalation_stays_tutor(task: str) -> None:
    ids = _ids(task)
    assert ids[0] == "tutor"
    assert "customer_support" not in ids


# 4. "Kids under 12 need simple words" is who reads; a subgroup case in a parents' chat brings no children's pack.
@pytest.mark.parametrize(
    "clause",
    ["Kids under 12 need simple words", "Children under 10 need short sentences and lots of praise."],
)
def test_how_to_write_for_children_is_the_audience(clause: str) -> None:
    found = find_audience(clause)
    assert found is not None
    assert found.maximum is not None
    assert found.maximum < 12


@pytest.mark.parametrize(
    "task",
    [
        "Kids under 12 need simple words",
        "A spelling chat for children. Kids under 10 need short sentences and lots of praise.",
    ],
)
def test_children_audience_keeps_children_pack(task: str) -> None:
    assert _CHILD_PRIVACY in _prompt(task)


@pytest.mark.parametrize(
    "clause",
    ["Under-12s need a parent's consent.", "children under 12 must be accompanied by an adult"],
)
def test_subgroup_restriction_is_no_audience(clause: str) -> None:
    assert find_audience(clause) is None


def test_subgroup_case_in_parents_chat_brings_no_children_pack() -> None:
    prompt = _prompt(
        "Chat for parents at Splash Swim School. Under-12s must have a parent at the first lesson. Keep replies short."
    )
    assert _CHILD_PRIVACY not in prompt


# 5. The support secrets rule: only where support leads or the tool agent leads over a customer job, and never
# when the brief or a tool takes card numbers or passwords, or the brief states its own rule for them.
def test_card_charging_tool_brings_no_secrets_rule() -> None:
    assert _SECRETS not in _prompt(
        "Order assistant for Petal & Stem florists. Customers order bouquets; take the order, then call "
        "charge_card(card_number, expiry, cvv, amount) to take payment. Keep it friendly."
    )


def test_card_tool_in_tools_field_brings_no_secrets_rule() -> None:
    brief = Brief(
        task="Customer support chat for Bloom florists: help customers with their orders and take payment.",
        tools=[
            Tool(name="lookup_order", purpose="Find an order.", parameters=["order_id"]),
            Tool(name="charge_card", purpose="Charge the customer's card.", parameters=["card_number", "cvv"]),
        ],
    )
    assert _SECRETS not in generate(brief).prompt


@pytest.mark.parametrize(
    "task",
    [
        "Support agent for Brightmart customers. Tools: lookup_order(order_id), issue_refund(order_id, amount). "
        "Always call lookup_order before issue_refund. Never ask for a password or the full card number.",
        "Customer support chat for Lumo bank. Never ask for a customer's password or PIN. Help with card questions.",
    ],
)
def test_brief_own_secrets_rule_is_not_repeated(task: str) -> None:
    assert _SECRETS not in _prompt(task)


def test_internal_helpdesk_gets_no_secrets_rule() -> None:
    assert _SECRETS not in _prompt(
        "Internal HR helpdesk bot for Acme staff: answers questions from the employee handbook and opens tickets "
        "for IT problems."
    )


def test_support_under_ordered_tools_keeps_secrets_rule() -> None:
    task = (
        "Customer support bot for Brightmart online shop. Tools: lookup_order(order_id), issue_refund(order_id, "
        "amount). Always call lookup_order before issue_refund. Be friendly and brief."
    )
    assert _SECRETS in _prompt(task)
    assert _SECRETS in _prompt("Support chat for Nimbus customers who forgot their password: explain how to reset it.")
