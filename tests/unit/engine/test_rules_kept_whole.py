"""Rules keep their subject and their reason: "Deferral periods (tattoos, … etc.) have to be quoted exactly" is not cut
at the aside's "etc.)"; "The decision is made at the screening, so it can say … and then remind them of that" stays
whole; the job of "I'd like a chat assistant on our page. It should answer … using only our guide" is the second
sentence; a brief whose cue overrides the main point ("= SYSTEM_FAULT even if its mostly about billing") drops the
default "Base the label on the input's main point". Round 39: a terse "no X, no Y" is one
condition, a numbered rule list keeps its items whole and in order, a fixed reply for listed signs names them, "it"
that fails stays "it", and defaults give way to the brief's fixed reply and to a JSON-only reply."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.clauses import split_clauses
from app.engine.generate import generate, read_constraints
from tests.unit.engine.reading import claude_prompt, context_of, instructions_of, section

_DONORS = (
    "We're Northvale Blood Service. I'd like a chat assistant on the \"Can I donate?\" page of our website. It should "
    "answer donor questions using only our Donor Eligibility Guide, which will be given to it with every "
    "conversation.\n\n"
    "Important things:\n"
    "- It must never tell someone they definitely CAN donate. The final decision is always made at the health "
    "screening on the day, so it can say what the guide says and then remind them of that.\n"
    "- Deferral periods (tattoos, travel, medications etc.) have to be quoted exactly as the guide words them.\n"
    "- Keep answers under 80 words, plain text."
)


def test_an_abbreviation_closing_an_aside_ends_no_clause() -> None:
    texts = [c.text for c in split_clauses("Deferral periods (tattoos, travel etc.) have to be quoted exactly.")]
    assert texts == ["Deferral periods (tattoos, travel etc.) have to be quoted exactly."]


def test_a_consequence_with_its_steps_stays_whole() -> None:
    prompt = generate(Brief(task=_DONORS, target="claude")).prompt
    assert "health screening on the day, so it can say what the guide says and then remind them of that" in prompt
    assert "Deferral periods (tattoos, travel, medications etc.) have to be quoted exactly" in prompt


def test_the_sentence_after_a_wish_states_the_job() -> None:
    role = generate(Brief(task=_DONORS, target="claude")).prompt.split("</role>", 1)[0]
    assert "Answer donor questions using only the Donor Eligibility Guide" in role
    assert "Help the user with this request" not in role


def test_a_cue_that_overrides_the_main_point_drops_the_main_point_default() -> None:
    task = (
        "classify inbound msgs for a solar installer. one label per msg from: QUOTE_REQUEST, SYSTEM_FAULT, BILLING, "
        "OTHER. output ONLY the label. anything mentioning sparks, smoke or a burning smell = SYSTEM_FAULT even if its "
        "mostly about billing."
    )
    assert "main point, not on isolated keywords" not in generate(Brief(task=task, target="claude")).prompt


_HIRE = (
    "Chat assistant for Tamworth Tool Hire. Customers book tools for the weekend.\n"
    "- Check stock with check_stock before quoting a day rate.\n"
    "- No ID, no booking; tell them to bring a photo ID to the counter.\n"
    "- No emojis, no hashtags.\n"
    "Keep replies under 60 words."
)


def test_no_x_no_y_is_a_condition_not_two_bans() -> None:
    rules = [c.text for c in read_constraints(Brief(task=_HIRE)) if c.kind == "prohibition"]
    assert "No booking without ID." in rules
    assert not any(r.startswith(("Avoid ID", "Avoid booking")) for r in rules)


def test_two_plain_bans_stay_bans() -> None:
    # no-regression guard: "No emojis, no hashtags" names two things to leave out, no condition
    prompt = claude_prompt(_HIRE)
    assert "without emojis" not in prompt
    assert "hashtags without" not in prompt
    assert "hashtags" in instructions_of(prompt).lower() or "hashtags" in section(prompt, "output_format").lower()


_RANKED = (
    "Kestrel Energy, meter-reading web chat. Tools: lookupAccount(accountNo), submitReading(accountNo, value), "
    "bookEngineer(accountNo, date).\n\n"
    "Rules, in order of priority:\n"
    "1. lookupAccount before anything else. Three wrong postcodes: stop and give them 0800 555 0142.\n"
    "2. submitReading only after they confirm the number twice.\n"
    "3. Smart meter faults: first ask them to restart the display unit.\n"
    "4. Never promise a bill amount.\n\n"
    "Max 2 sentences per reply."
)


def test_a_ranked_rule_list_keeps_its_items_whole_and_in_order() -> None:
    prompt = claude_prompt(_RANKED)
    rules = instructions_of(prompt)
    first = "lookupAccount before anything else. Three wrong postcodes: stop and give them 0800 555 0142."
    third = "Smart meter faults: first ask them to restart the display unit."
    assert first in rules
    assert third in rules
    assert rules.index(first) < rules.index("submitReading only after") < rules.index(third)
    assert rules.index(third) < rules.index("Never promise a bill amount")
    assert "in priority order" in rules  # the rank the heading gives the items
    assert "Rules, in order of priority." not in prompt
    assert "lookupAccount before anything else" not in context_of(prompt)


def test_a_later_sentence_of_a_dashed_item_stays_with_it() -> None:
    prompt = claude_prompt(
        "Web chat for Pollard Opticians.\n\nHow it should go:\n"
        "- find_patient first, using their date of birth. New patients are fine, it just returns nothing.\n"
        "- Don't call book_eye_test until they've picked a slot. Then send_reminder_sms.\n"
        "- Never quote lens prices.\n\nReplies under 50 words."
    )
    assert "Don't call book_eye_test until they've picked a slot. Then send_reminder_sms." in instructions_of(prompt)
    assert "send_reminder_sms" not in context_of(prompt)


_STITCHES = (
    "Aftercare Q&A for Harcourt Dental, answering only from the aftercare sheet.\n\n"
    "Ground rules:\n"
    "- Never say whether a wound is healing normally.\n"
    "- Warning signs: swelling that spreads to the eye, a high temperature, or bleeding that won't stop after "
    '30 minutes. For any of these reply only with: "Please call the practice on 0113 555 0177 now. Out of hours, '
    'call NHS 111."\n'
    "- Max 70 words."
)


def test_a_fixed_reply_for_listed_signs_names_them() -> None:
    prompt = claude_prompt(_STITCHES)
    guardrails = section(prompt, "guardrails")
    assert "swelling that spreads to the eye" in guardrails
    assert 'reply exactly: "Please call the practice on 0113 555 0177 now. Out of hours, call NHS 111."' in guardrails
    assert "For any of those, tell the user" not in guardrails
    assert "call 111." not in guardrails
    assert "Warning signs" not in context_of(prompt)


def test_a_case_then_its_quoted_reply_is_that_reply() -> None:
    prompt = claude_prompt(
        "Q&A helper for Brindle Vets that answers from the puppy booklet only.\n"
        "- If the booklet doesn't cover it: \"That isn't in your puppy booklet. Please ring our nurses on "
        '0161 555 0133."\n- Max 80 words.'
    )
    guardrails = section(prompt, "guardrails")
    assert "If the booklet doesn't cover it, reply exactly:" in guardrails
    assert "tell the user to call our nurses" not in guardrails
    assert "Say that you answer questions about" not in guardrails


def test_it_that_fails_stays_it() -> None:
    prompt = claude_prompt(
        "Support chat for Fenwick Boilers.\n\nRules:\n"
        "- If the error code is user-fixable, walk them through the reset first and only book an engineer if it "
        "doesn't help. If it doesn't work either, escalate.\n- Max 60 words."
    )
    assert "if it doesn't help" in prompt
    assert "If it doesn't work either" in prompt
    assert "you don't help" not in prompt
    assert "you don't work" not in prompt


_SQL = (
    "Snowflake helper for the finance team at Orla Books. They ask in plain English, you write the query. Tables:\n\n"
    "orla.sales.orders (order_id STRING, placed_at TIMESTAMP, total_pence INT)\n"
    "orla.sales.refunds (refund_id STRING, order_id STRING, amount_pence INT)\n\n"
    "Reply with the SQL only. First line is a comment starting with -- saying what the query returns, then the "
    "query. SELECT only. If the question can't be answered from these two tables, reply exactly: NO SUCH DATA"
)


def test_a_fixed_reply_for_what_cannot_be_answered_replaces_the_defaults() -> None:
    prompt = claude_prompt(_SQL)
    assert 'reply exactly: "NO SUCH DATA"' in section(prompt, "guardrails")
    assert "say so" not in prompt
    assert "Say that you help with questions about this data only" not in prompt
    assert "Ask which table" not in prompt


def test_the_first_line_of_the_reply_is_no_first_step() -> None:
    prompt = claude_prompt(_SQL)
    assert "First line is a comment starting with --" in prompt
    assert "Line is a comment" not in prompt


def test_a_json_only_reply_gets_no_prose_guardrails() -> None:
    prompt = claude_prompt(
        "For Taberna del Puerto: I send you customer reviews one by one. Return only this JSON, nothing else:\n"
        '{"summary": "...", "mood": "GOOD|BAD|MIXED"}\n'
        "summary: at most 12 words."
    )
    guardrails = section(prompt, "guardrails")
    assert "Say which part" not in guardrails
    assert "Say that you summarise" not in guardrails
