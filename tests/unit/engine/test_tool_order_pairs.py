"""Orders between named tools: one ordering per adjacent pair, in chains, fan-outs and several languages."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.model import Constraint
from app.engine.generate import fidelity_findings, generate

_TOOLS = {
    "snake": ["lookup_member", "check_slots", "reserve_court", "cancel_reservation", "refund_fee", "notify_coach"],
    "camel": ["lookupMember", "checkSlots", "reserveCourt", "cancelReservation", "PrintLabel", "ShipParcel"],
}


def _brief(rule: str, tools: list[str]) -> Brief:
    listed = "\n".join(f"- {name}(member_id)" for name in tools)
    return Brief(task=f"Assistant for a tennis club's booking chat. Tools:\n{listed}\n\n{rule}\n\nKeep replies short.")


def _pairs(found: list[Constraint]) -> set[tuple[str | None, str | None]]:
    return {
        (c.first.removeprefix("call "), c.then.removeprefix("call ") if c.then else None)
        for c in found
        if c.kind == "ordering" and c.first
    }


def _generated(rule: str, tools: list[str]) -> set[tuple[str | None, str | None]]:
    result = generate(_brief(rule, tools))
    # every prompt carries each order it read
    assert not [f for f in fidelity_findings(result.constraints, result.prompt) if "order" in f.message.lower()]
    for c in result.constraints:
        if c.kind == "ordering":
            assert c.span is not None
            assert c.span.text
    return _pairs(result.constraints)


@pytest.mark.parametrize(
    ("rule", "tools", "expected"),
    [
        # a chain: each adjacent pair, and the first step of all
        (
            "Always lookup_member first, then check_slots before reserve_court.",
            _TOOLS["snake"],
            {("lookup_member", None), ("lookup_member", "check_slots"), ("check_slots", "reserve_court")},
        ),
        (
            "Call lookupMember, then checkSlots, then reserveCourt.",
            _TOOLS["camel"],
            {("lookupMember", "checkSlots"), ("checkSlots", "reserveCourt")},
        ),
        # one before either of two, or both
        (
            "Always lookup_member before cancel_reservation or refund_fee.",
            _TOOLS["snake"],
            {("lookup_member", "cancel_reservation"), ("lookup_member", "refund_fee")},
        ),
        (
            "Use check_slots before reserve_court and notify_coach.",
            _TOOLS["snake"],
            {("check_slots", "reserve_court"), ("check_slots", "notify_coach")},
        ),
        # PascalCase, and the later step said first
        ("PrintLabel before ShipParcel, every time.", _TOOLS["camel"], {("PrintLabel", "ShipParcel")}),
        (
            "refund_fee only once cancel_reservation has returned a cancellation id.",
            _TOOLS["snake"],
            {("cancel_reservation", "refund_fee")},
        ),
        (
            "Call notifyCoach only after reserveCourt.",
            [*_TOOLS["camel"], "notifyCoach"],
            {("reserveCourt", "notifyCoach")},
        ),
    ],
)
def test_english_tool_orders_give_one_pair_each(rule: str, tools: list[str], expected: set[tuple[str, str]]) -> None:
    assert expected <= _generated(rule, tools)


@pytest.mark.parametrize(
    "rule",
    [
        "Llama siempre a check_slots antes de reserve_court.",
        "Rufe immer check_slots auf, dann reserve_court.",
        "Appelle toujours check_slots avant de lancer reserve_court.",
        "Chame sempre check_slots antes de reserve_court.",
        "Usa sempre check_slots prima di reserve_court.",
        "Roep altijd check_slots aan voor reserve_court.",
        "reserve_court erst nach check_slots aufrufen.",
        "reserve_courtを呼ぶ前に必ずcheck_slotsで空きを確認してください。",
        "check_slotsを呼んでからreserve_courtを呼んでください。",
        "先调用check_slots，再调用reserve_court。",
        "在reserve_court之前必须先调用check_slots。",
        "check_slots之后才能调用reserve_court。",
    ],
)
def test_foreign_tool_orders(rule: str) -> None:
    assert ("check_slots", "reserve_court") in _generated(rule, _TOOLS["snake"])


@pytest.mark.parametrize(
    "rule",
    [
        # tools listed as choices order nothing
        "You can use lookup_member or check_slots whenever a member asks.",
        "Los miembros pueden usar check_slots o reserve_court.",
        # other words between the names: no pair between them here
        "Use lookup_member to find the member, and tell them check_slots is slow today.",
    ],
)
def test_tools_without_order_words_make_no_pair(rule: str) -> None:
    pairs = _generated(rule, _TOOLS["snake"])
    assert not {p for p in pairs if p[1] is not None}


def test_negated_order_keeps_the_brief_sentence() -> None:
    result = generate(_brief("Never call refund_fee before cancel_reservation.", _TOOLS["snake"]))
    assert ("refund_fee", "cancel_reservation") not in _pairs(result.constraints)


def test_prose_order_without_tools_is_unchanged() -> None:
    result = generate(Brief(task="Explain news articles to teenagers. Before you answer, read the article twice."))
    orders = [c for c in result.constraints if c.kind == "ordering"]
    assert all("_" not in (c.first or "") for c in orders)


def test_names_that_are_no_tools_stay_the_brief_words() -> None:
    brief = Brief(task="Format invoices as CSV. invoice_no before invoice_date or due_date in every row.")
    found = generate(brief).constraints
    assert not [c for c in found if c.kind == "ordering" and "invoice" in (c.first or "")]


def test_a_last_step_in_words_follows_the_chain() -> None:
    pairs = _generated("lookup_member then check_slots before any of the booking tools.", _TOOLS["snake"])
    assert {("lookup_member", "check_slots"), ("check_slots", "any of the booking tools")} <= pairs


def test_the_step_a_tool_serves_is_its_first_step() -> None:
    result = generate(
        _brief("Always confirm the member's age with lookup_member before you call reserve_court.", _TOOLS["snake"])
    )
    orders = [c for c in result.constraints if c.kind == "ordering"]
    assert [(c.first, c.then) for c in orders] == [
        ("confirm the member's age with lookup_member", "call reserve_court")
    ]


def test_right_after_orders_the_pair() -> None:
    pairs = _generated("Late cancellations: call refund_fee immediately after cancel_reservation.", _TOOLS["snake"])
    assert ("cancel_reservation", "refund_fee") in pairs
