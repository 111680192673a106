"""Review 44 (routes, tools, slots): a route the brief rules out is no route of its own, a route counts only in the
clause about its case, "GPS" is no doctor; each pack's referral wording lives in one table; a tool exempted from a
"call X first" rule is not ordered after X; a chat user's pasted text is no system-prompt slot."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.safety import PACKS, yields


def _prompt(task: str, audience: str | None = None) -> str:
    return generate(Brief(task=task, audience=audience, target="claude")).prompt


# ---- 1. the brief's own routes for a domain's case


@pytest.mark.parametrize(
    "text",
    [
        "Listen and reflect back, and never point them to a therapist; that is not our role.",
        "Never send people to a doctor; we only answer booking questions. Bookings line: 0161 496 0000.",
        "Questions about the GPS collar go to support. Call 0800 123 4567.",
        "Our app shows GPS routes for walkers. Helpdesk: 0800 123 4567.",
        "Some users mention a doctor's note for sick pay. For payroll questions, phone 0800 123 4567.",
        "Point them to the advice line on 0800 123 4567 for their tenancy case.",
    ],
)
def test_a_ruled_out_remote_or_unrelated_mention_is_no_route(text: str) -> None:
    assert not yields([text]).routes


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("Don't call 999 for this, ring the surgery instead.", "medical"),
        ("Do not diagnose anything and always refer them to their GP.", "medical"),
        ("For tenancy disputes, point them to the legal advice line on 0800 123 4567.", "legal"),
        ("Anything about their prescription: the pharmacist can help at the counter.", "medical"),
    ],
)
def test_a_route_in_the_clause_about_the_case_still_counts(text: str, domain: str) -> None:
    assert domain in yields([text]).routes


def test_a_referral_the_brief_rules_out_leaves_no_generic_lawyer_beside_its_own_contact() -> None:
    prompt = _prompt(
        "Chat assistant for a renters' union in Bristol explaining deposits and repairs in general. We never refer "
        "members to a solicitor ourselves. If a member has a court date, tell them to ring our office on "
        "0117 496 0123."
    )
    assert "Give general legal information" in prompt
    assert "qualified lawyer or legal aid service" not in prompt
    assert "contact a lawyer" not in prompt
    assert "call 0117 496 0123 promptly" in prompt


def test_each_packs_referral_wording_is_data_of_the_pack() -> None:
    # (no placeholder per domain, no special-case function: the pack's own table entry fills {referral} / {reach})
    for pack in PACKS:
        for rule in pack.rules:
            assert "_referral}" not in rule.text
            assert "legal_contact" not in rule.text
        if any("{referral}" in rule.text for rule in pack.rules):
            assert pack.referral is not None
            assert pack.referral.clause
    legal = next(pack for pack in PACKS if pack.domain == "legal")
    assert legal.referral is not None
    assert legal.referral.own_clause
    assert legal.referral.reach_own


# ---- 2. a tool another sentence exempts from "call X first"

_CARD_TOOLS = "Tools: check_member, get_balance, block_card, send_new_card."


def test_a_tool_exempted_elsewhere_is_not_ordered_after_the_first_step() -> None:
    prompt = _prompt(
        f"Help desk assistant for Fenwick Credit Union cards. {_CARD_TOOLS} Always call check_member first. When a "
        "member says their card is lost, block_card can be used straight away."
    )
    rule = next(line for line in prompt.splitlines() if "check_member first" in line)
    assert "get_balance, send_new_card" in rule
    assert "(get_balance, block_card" not in rule
    assert "block_card may be called before it" in rule


def test_a_tool_ordered_immediately_after_the_first_step_is_no_exemption() -> None:
    prompt = _prompt(
        f"Help desk assistant for Fenwick Credit Union cards. {_CARD_TOOLS} Always call check_member first. Call "
        "get_balance immediately after a balance question comes in."
    )
    rule = next(line for line in prompt.splitlines() if "check_member first" in line)
    assert "may be called before it" not in rule


# ---- 3. what a chat user pastes is their own turn, what the operator passes is a slot


@pytest.mark.parametrize(
    ("task", "slot"),
    [
        (
            "Chat assistant for people looking for work. The user pastes their CV and a job advert, and you suggest "
            "three specific edits to the CV.",
            "{{resume}}",
        ),
        (
            "Chat assistant that explains rental agreements in plain English. Tenants paste a clause from their "
            "contract and ask what it means for them.",
            "{{document}}",
        ),
    ],
)
def test_what_a_chat_user_pastes_is_no_system_prompt_slot(task: str, slot: str) -> None:
    assert slot not in _prompt(task)


def test_a_user_paste_is_not_read_as_the_operator_supplying_material() -> None:
    from app.engine.compose.variables import _operator_supplies

    assert not _operator_supplies("Customers paste the email they received and you explain it.")
    assert _operator_supplies("We paste the refund policy below; customers ask about refunds.")
    assert _operator_supplies("Each request includes the order JSON from our shop system.")
