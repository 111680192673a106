"""A tool agent's rules keep their cases (round 30: r30-02): "if X is over 30 the gate code is locked. do NOT call
reset_gate_code, call escalate …" is one rule; calling a listed tool is no route for the user; "(555) 014-2290" is
one number; "not allowed: …" is no "Do not be allowed."."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import phones
from app.engine.generate import generate

STORAGE = (
    "Chat agent for LockBox Self Storage.\n\nFunctions available:\n"
    "verify_tenant(last_name, unit_number) -> {tenant_id, verified}\nget_account(tenant_id) -> {days_past_due}\n"
    "reset_gate_code(tenant_id) -> {sent_to_phone}\nescalate(tenant_id, reason)\n\nRules:\n"
    "1. verify_tenant ALWAYS before get_account. 2 failed verifications = give them the office line (555) 201-7788.\n"
    "2. if days_past_due is over 45 the gate code is locked. do NOT call reset_gate_code, call escalate with reason "
    '"lockout".\n3. not allowed in units: paint, fuel, anything living. just say those aren\'t allowed.'
)


def test_a_case_stated_as_fact_stays_with_its_order() -> None:
    prompt = generate(Brief(task=STORAGE, target="claude")).prompt
    assert "If days_past_due is over 45 the gate code is locked. do NOT call reset_gate_code" in prompt
    assert "\nDo not call reset_gate_code." not in prompt
    assert "- From the brief: If days_past_due" not in prompt


def test_calling_a_tool_is_no_route_for_the_user() -> None:
    prompt = generate(Brief(task=STORAGE, target="claude")).prompt
    assert "tell the user to call escalate" not in prompt
    assert "(555) 201-7788" in prompt
    assert "call 555." not in prompt


def test_not_allowed_heading_is_no_garbled_ban() -> None:
    prompt = generate(Brief(task=STORAGE, target="claude")).prompt
    assert "Do not be allowed" not in prompt


def test_a_bracketed_area_code_is_part_of_the_number() -> None:
    found = phones.find_dial_numbers("give them the office line (555) 014-2290.")
    assert [n.value for n in found] == ["(555) 014-2290"]
    assert [n.value for n in phones.find_dial_numbers("call 988 (or text 741741)")] == ["988", "741741"]
