"""Hostile-review findings on session 44's rules: tool exemptions need an order word, a first step gates no hand-off,
a writing job's bracketed list holds bans, "directly" is no "not yet", words a person reads keep the packs, pupils
are readers, and a comment that rules null out keeps the key non-null."""

from __future__ import annotations

from app.engine import generate
from app.engine.brief import Brief
from app.engine.constraints import extract_constraints


def _texts(task: str, kind: str) -> list[str]:
    return [c.text for c in extract_constraints(Brief(task=task)) if c.kind == kind]


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def test_an_exception_on_a_ban_is_no_leave_to_skip_the_first_step() -> None:
    orders = _texts(
        "Support agent for a shop. Tools: verify_identity(customer_id), lookup_order(order_id), "
        "refund_order(order_id). Always call verify_identity first. Never call refund_order except for damaged items.",
        "ordering",
    )
    assert any("refund_order" in text and "may be called before" not in text for text in orders), orders


def test_a_tool_named_skip_something_is_no_exemption() -> None:
    orders = _texts(
        "Quiz helper. Tools: check_user(user_id), next_question(topic), skip_question(reason). Always call "
        "check_user first. Use skip_question when the user asks to move on.",
        "ordering",
    )
    assert any("skip_question" in text for text in orders), orders


def test_a_hand_off_tool_after_a_first_step_is_still_the_escalation_route() -> None:
    prompt = _prompt(
        "Bank support. Tools: verify_identity(customer_id), freeze_card(card_id), transfer_to_human(reason). "
        "Always call verify_identity first. Offer a person when the customer asks for one."
    )
    assert "`transfer_to_human` tool" in prompt


def test_a_writing_jobs_bracketed_list_keeps_its_bans() -> None:
    bans = " ".join(
        _texts("Write job ads for our warehouse roles (3 shifts, 24/7 site, no gendered language).", "prohibition")
    )
    assert "gendered language" in bans


def test_directly_is_no_not_yet() -> None:
    bans = _texts(
        "Asistente de la tienda. Nunca compartas directamente datos personales de otros clientes.", "prohibition"
    )
    assert bans
    assert not any("straight away" in text for text in bans), bans


def test_advice_shown_to_patients_keeps_the_health_pack() -> None:
    prompt = _prompt(
        'Patients send health questions through our app form. Return JSON only: {"topic": string, "advice": string}. '
        "The advice is shown to the patient as is."
    )
    assert "emergency" in prompt.lower()


def test_pupils_who_use_the_chat_keep_the_child_pack() -> None:
    prompt = _prompt("Homework helper used directly by pupils in our kids maths clubs (ages 7 and up).")
    assert "trusted adult" in prompt


def test_a_comment_that_rules_null_out_keeps_the_key_non_null() -> None:
    task = (
        'Extract invoices. Return JSON exactly like this:\n{\n  "invoice_id": string,   // never null, always present\n'
        '  "note": string  // null if none\n}'
    )
    schema = next(c.schema for c in extract_constraints(Brief(task=task)) if c.kind == "schema")
    assert schema is not None
    assert schema["properties"]["invoice_id"]["type"] == "string"
    assert schema["properties"]["note"]["type"] == ["string", "null"]


def test_a_short_friendly_reply_draft_makes_a_labeller_write_it_too() -> None:
    prompt = _prompt(
        "Inbox helper for our bike shop. For every email pick one label: REPAIR / SALE / OTHER, then draft a short "
        "friendly reply."
    )
    assert "You are a text classifier" not in prompt
    assert "draft" in prompt.split("\n\n")[0].lower() or "reply writer" in prompt
