"""Round 30 (r30-09): "only once per 12 months" says how often, not after what; a line the brief says to mention
once is content of the replies, not where to send people when stuck."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

BILLING = (
    'Billing chat for a water utility, the "I can\'t pay my bill" flow.\n'
    "tools:\n"
    "* lookup_account(account_number) → account_id, balance\n"
    "* add_medical_hold(account_id) — 30-day disconnection hold, only once per 12 months\n"
    "* transfer_to_agent(account_id, reason)\n"
    "- always mention LIHEAP energy assistance once: National Energy Assistance Referral line 1-866-674-6327\n"
    "- max 4 sentences per reply"
)


def test_once_per_period_is_no_ordering() -> None:
    result = generate(Brief(task=BILLING, target="claude"))
    orderings = [c for c in result.constraints if c.kind == "ordering"]
    assert not any("per 12 months" in (c.first or "") for c in orderings)
    assert "Per 12 months before" not in result.prompt


def test_a_line_to_mention_is_no_route_when_stuck() -> None:
    result = generate(Brief(task=BILLING, target="claude"))
    assert "When you cannot help, tell the user to call 1-866-674-6327" not in result.prompt
    assert "1-866-674-6327" in result.prompt  # the brief's own sentence still says it


def test_only_once_they_confirm_is_still_an_ordering() -> None:
    result = generate(
        Brief(task="Booking bot. Only call book_room(room_id) once they confirm the dates.", target="claude")
    )
    assert any(c.kind == "ordering" for c in result.constraints)


def test_a_conditioned_helpline_is_still_a_route() -> None:
    result = generate(
        Brief(task="Utility billing chat. If they can't afford any plan, give them the LIHEAP line 1-866-674-6327.")
    )
    assert any(c.kind == "fallback" and c.value == "1-866-674-6327" for c in result.constraints)
