"""Defaults that fit a short chat: no "[Doc 2, Section 3]" citations in a reply of a few sentences unless the brief
asks where answers come from, a chat asked for in the job sentence is a chat even when an inbox is why, and a bare
inbox is no email job of its own (round 17's review, new wording)."""

from __future__ import annotations

from app.engine import Brief, generate

_POLICY = (
    "\n\n--- HOUSE RULES ---\n"
    "Check-in from 15:00, check-out by 11:00. Late check-out until 13:00 costs EUR 25.\n"
    "Pets: small dogs only, EUR 15 per night. No parties; quiet hours 22:00-07:00.\n"
    "--- END ---"
)


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def test_a_reply_of_a_few_sentences_gets_no_citation_rule() -> None:
    prompt = _prompt("Answer shipping questions for Hollow Oak Books using the shipping FAQ. Keep it to 2 sentences.")
    assert "Doc 2, Section 3" not in prompt
    assert "cite" not in prompt.lower()
    assert "2 sentences" in prompt


def test_a_brief_that_asks_for_the_section_keeps_citations() -> None:
    prompt = _prompt(
        "Answer shipping questions for Hollow Oak Books using the shipping FAQ. Keep it to 2 sentences and "
        "name the section the answer is from."
    )
    assert "Cite" in prompt or "cite" in prompt


def test_a_chat_asked_for_after_an_inbox_reason_is_a_chat() -> None:
    prompt = _prompt(
        "We rent holiday homes on the Costa Brava. Our booking inbox is overflowing so we want a chat assistant "
        "on the website that answers guest questions using only the house rules below." + _POLICY
    )
    assert "{{ticket}}" not in prompt
    assert "Capture every decision, owner and due date" not in prompt


def test_email_drafting_still_reads_as_a_batch_job() -> None:
    prompt = _prompt(
        "Draft replies to the customer emails in our support inbox, using only the house rules below." + _POLICY
    )
    assert "{{" in prompt  # the email to answer is an input of each call, not a chat turn
