"""Review of the engine changes a9560e5..4b082fa (rounds 29, review 38 fixes): briefs phrased the way users write them
where the new ban-heading, layout-block, fixed-line, hand-off, item-condition, slot-limit, rules-heading and
condition-list readings make the prompt contradict the brief, lose a stated condition or layout, or invent a rule or
route. Each test fails at 4b082fa."""

from __future__ import annotations

import pytest

from tests.unit.engine.reading import archetype_ids, claude_prompt, section

# --- 1. items under "Avoid:" / "Never:" ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "garbled"),
    [
        (
            "Helpdesk bot for our SaaS, Trackly.\nAvoid:\n- giving legal advice\n- discussing pricing\n- jargon",
            "Do not jargon",
        ),
        (
            "Write LinkedIn posts for our founder from her bullet notes.\nAvoid:\n- hashtags\n- emojis\n"
            '- buzzwords like "synergy"',
            "Do not hashtags",
        ),
    ],
)
def test_avoid_items_are_not_turned_into_do_not_nouns(task: str, garbled: str) -> None:
    """Items under 'Avoid:' (nouns, gerunds) get a 'don't' lead, and an extra rule 'Do not jargon.' / 'Do not
    hashtags.' appears next to the list. Regression: a9560e5 rendered only 'Avoid: …; …; jargon.'"""
    assert garbled not in claude_prompt(task)


def test_a_banned_item_is_no_detail_to_collect() -> None:
    """'Never:\\n- ask for their date of birth or home address' is a ban, yet the prompt also says 'Collect these
    details from the user: date of birth, home address.' (not a regression: a9560e5 said the same; the sentence form
    'Never ask for …' collects nothing)."""
    prompt = claude_prompt(
        "You're the chat assistant on BrightBank's app. Help customers with their questions.\nNever:\n"
        "- ask for their password\n- ask for their date of birth or home address"
    )
    assert "Collect these details from the user: date of birth" not in prompt


def test_a_support_bot_with_never_and_always_lists_stays_support() -> None:
    """With the 'Never:' items now prohibitions (blanked for classification), a bank's support assistant loses its
    topic cues and becomes a general assistant (no escalation, no card-number rule). Regression: a9560e5 led with
    customer_support."""
    task = (
        "You're a support assistant for BrightBank's mobile app.\nNever:\n- ask for the full card number\n"
        "- promise a refund\nAlways:\n- greet the customer by name\n"
        "- confirm the last 4 digits before discussing a card"
    )
    assert archetype_ids(task)[0] == "customer_support"


# --- 2. fixed layout blocks ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "lines"),
    [
        (
            "You draft replies to customer emails for Acme Plumbing.\nSign every email with exactly:\n"
            "Always happy to help,\nDana Kim\nAcme Plumbing",
            ["Always happy to help,", "Dana Kim", "Acme Plumbing"],
        ),
        (
            "You draft replies to customer emails for Acme Plumbing.\nUse this sign-off:\n"
            "Please don't hesitate to call us,\nDana Kim\nAcme Plumbing",
            ["Please don't hesitate to call us,", "Dana Kim", "Acme Plumbing"],
        ),
        (
            "You draft replies to customer emails for Acme Plumbing.\nPut this at the bottom of every email:\n"
            "Dana Kim\nCustomer Care Lead\nAcme Plumbing",
            ["Dana Kim", "Customer Care Lead", "Acme Plumbing"],
        ),
        (
            "Antworte auf Kundenmails für Acme Sanitär. Beende jede Mail mit:\nViele Grüße\nDana Kim\nAcme Sanitär",
            ["Viele Grüße", "Dana Kim", "Acme Sanitär"],
        ),
        (
            "Rédige les réponses aux e-mails des clients pour Plomberie Dupont. Termine chaque e-mail par :\n"
            "Cordialement,\nClaire Morel\nPlomberie Dupont",
            ["Cordialement,", "Claire Morel", "Plomberie Dupont"],
        ),
        (
            "Escribe respuestas a los correos de clientes de Fontanería García. Despídete siempre con:\n"
            "Un saludo,\nLucía García\nFontanería García",
            ["Un saludo,", "Lucía García", "Fontanería García"],
        ),
    ],
)
def test_a_sign_off_keeps_its_lines(task: str, lines: list[str]) -> None:
    """A sign-off whose first line starts with 'Always'/'Please' is cut as an order line, and one introduced by
    'Beende jede Mail mit:', 'Termine chaque e-mail par :', 'Despídete siempre con:' or 'Put this at the bottom' has
    no _BLOCK_INTRO word: the signature is joined into one line ('Beende jede Mail mit: Viele Grüße Dana Kim Acme
    Sanitär'). Regression: a9560e5 kept it line by line ('(each line as given, on its own line)')."""
    stripped = [line.strip() for line in claude_prompt(task).splitlines()]
    assert lines[0] in stripped
    first = stripped.index(lines[0])
    assert stripped[first : first + len(lines)] == lines


def test_headings_written_as_label_lines_stay_sections() -> None:
    """'Use these headings:\\nSummary:\\nRisks:\\nNext steps:' now also yields the rule 'Use these headings (each line
    starts with its label, in this order)', a three-line reply, against the output format's sections under each
    heading. Regression: a9560e5 gave the sections only."""
    prompt = claude_prompt(
        "Write a weekly project report from my notes. Use these headings:\nSummary:\nRisks:\nNext steps:"
    )
    assert "each line starts with its label" not in prompt


# --- 3. a fixed line is no fixed reply -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        'Support bot for FlexGym memberships. If someone asks about refunds, the first line must read "Refunds take '
        '5-7 working days." Then explain how to request one in the app.',
        'Support bot for ShopCo. If the order is late, the first line must be exactly: "Sorry for the delay." Then '
        "give the new delivery date from the tracking page.",
    ],
)
def test_a_first_line_that_must_read_is_not_the_whole_reply(task: str) -> None:
    """'the first line must read "…". Then explain …' becomes the guardrail 'If someone asks about refunds, reply
    exactly: "Refunds take 5-7 working days."' (the explanation the brief asks for is forbidden) and it replaces the
    'If you are unsure …' guardrail. Regression: a9560e5 kept it a first-line rule."""
    prompt = claude_prompt(task)
    assert "reply exactly" not in prompt
    assert "If you are unsure or the information is missing" in section(prompt, "guardrails")


# --- 4. a stated hand-off read into other words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Support bot for FastNet broadband customers. If their router won't connect, walk them through restarting it.",
        "Support bot for BrightBank's app. Never ask for their password or make them type it in the chat.",
        "Support bot for our online shop. When a customer asks about a delivery, forward them the tracking link from "
        "the order and explain it.",
        "你是 FlexGym 健身房的人工智能客服助手。回答会员关于课程和会费的问题。",
        "あなたはFlexGymの人工知能サポートアシスタントです。会員からの料金やクラスに関する質問に答えてください。",
    ],
)
def test_no_hand_off_is_read_into_connect_password_forward_or_ai(task: str) -> None:
    """_STATED_HANDOFF matches 'connect … it' (a router), 'pass[word] … it', 'forward them the tracking link' and
    人工 in 人工智能/人工知能 (AI), so the prompt promises 'I'm passing this to a human colleague who will follow up
    with you.', a follow-up no one arranged. Regression: a9560e5 said 'never promise a call-back or a follow-up that
    no one has arranged'."""
    assert "human colleague who will follow up" not in claude_prompt(task)


# --- 5. sentences after a conditional item ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "rule", "condition"),
    [
        (
            "You take table bookings for Luigi's restaurant by chat.\n"
            "- If the guest mentions a peanut allergy, note it on the booking. Never recommend the satay starter.\n"
            "- If it's a group of 8 or more, ask for a £50 deposit. Each guest's name must go on the booking.\n"
            "- If the booking is for tonight, check the waitlist first.",
            "satay",
            "peanut",
        ),
        (
            "You take table bookings for Luigi's restaurant by chat.\n"
            "- If the guest mentions a peanut allergy, note it on the booking. Never recommend the satay starter.\n"
            "- If it's a group of 8 or more, ask for a £50 deposit. Each guest's name must go on the booking.\n"
            "- If the booking is for tonight, check the waitlist first.",
            "guest's name",
            "8 or more",
        ),
        (
            "Order assistant for our wholesale shop.\n"
            "1. If the customer has a trade account, apply the 10% discount. All prices must then be shown without "
            "VAT.\n2. If the order is over 50 kg, use freight shipping.",
            "without VAT",
            "trade account",
        ),
    ],
)
def test_a_never_each_all_sentence_keeps_its_items_condition(task: str, rule: str, condition: str) -> None:
    """_EVERY_CASE reads any later sentence starting with 'Never', 'Each' or 'All' as holding for every case: 'Never
    recommend the satay starter.', 'Each guest's name must go on the booking.', 'All prices must before be shown
    without VAT.' (garbled), with no trace of the allergy / group / trade-account condition. Regression: a9560e5
    said 'If the guest mentions a peanut allergy, never recommend the satay starter.'"""
    lines = [line for line in claude_prompt(task).splitlines() if rule in line]
    assert lines
    assert all(condition in line for line in lines)


# --- 6. fallback conditions that swallow a step ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "address", "case"),
    [
        (
            "Support bot for ShopCo. If a parcel arrives damaged, mark the order as disputed and then email "
            "claims@shopco.com.",
            "claims@shopco.com",
            "damaged",
        ),
        (
            "Support bot for ShopCo. If a delivery is more than a week late, add it to the complaints log and then "
            "tell them to email logistics@shopco.com.",
            "logistics@shopco.com",
            "late",
        ),
    ],
)
def test_a_step_after_the_condition_does_not_make_a_general_route(task: str, address: str, case: str) -> None:
    """With 'mark'/'add' no longer step verbs, the condition swallows the step ('If a parcel arrives damaged, mark the
    order as disputed and then'), reads as a dispute/complaint case and becomes the escalation route for everything
    ('To escalate, tell them to email claims@…', example 'Can I talk to a person?' -> claims@). Regression: a9560e5
    kept the address for its case only."""
    prompt = claude_prompt(task)
    assert all(case in line for line in prompt.splitlines() if address in line)


# --- 7. limits -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "whole"),
    [
        (
            "Mark short-answer quiz questions. Print this for each student answer:\nScore: x/5\n"
            "Answer: (one sentence on what was right)\nFeedback: (max 25 words)",
            "Reply in exactly 1 sentence.",
        ),
        (
            "Triage incoming support emails for our helpdesk. Output exactly this layout:\n"
            "Category: <billing/tech/other>\nPriority: <P1-P3>\nReply: (max 2 sentences)",
            "Keep the reply to at most 2 sentences.",
        ),
        (
            "Answer the customer's question about our opening hours, then add one sentence inviting them to book a "
            "table.",
            "Reply in exactly 1 sentence.",
        ),
        (
            "Hotel concierge chat for the Grand Hotel. Answer the guest's question about the hotel, then add one "
            "sentence recommending our spa.",
            "Reply in exactly 1 sentence.",
        ),
    ],
)
def test_a_parts_size_does_not_cap_the_whole_reply(task: str, whole: str) -> None:
    """Two new readings turn one part's size into the whole reply's: _SPEC_LABEL takes 'Answer:' / 'Reply:' template
    slots for spec lines ('Reply in exactly 1 sentence.' for a Score + Answer + Feedback card), and without a 'first
    line' before 'then' the leading 'Answer …' ties 'then add one sentence …' to the whole reply. Regression: a9560e5
    said 'Make the "Answer" line exactly 1 sentence.', 'Keep the "Reply" line to at most 2 sentences.' and kept the
    one sentence a rule for the added part."""
    assert whole not in claude_prompt(task)


def test_a_per_group_question_count_names_the_group() -> None:
    """_PER_GROUP takes the first word after 'every'/'per' as the group: 'Ask exactly 4 questions for each new, one
    per message' ('For every new hire'), 'for each mock' ('Per mock interview'). Not a regression in meaning
    (a9560e5 said 'over the whole conversation'), but the new text is garbled."""
    prompt = claude_prompt(
        "Onboarding bot for our agency. For every new hire, ask exactly 4 questions, one at a time, then summarise "
        "their answers for HR."
    )
    assert "for each new," not in prompt


# --- 8. rules headings -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "headings"),
    [
        (
            "Recipe assistant for a cooking blog. Format every recipe with these sections:\n"
            "Ingredients: a bulleted list with quantities\nInstructions: numbered steps\n"
            "Notes: storage tips and substitutions",
            ["Ingredients", "Instructions", "Notes"],
        ),
        (
            "Help product managers write feature specs. Use these headings:\n"
            "Overview: what the feature does and for whom\nRequirements: the must-haves as a numbered list\n"
            "Risks: what could go wrong",
            ["Overview", "Requirements", "Risks"],
        ),
        (
            "You write handover notes for night-shift nurses from the day shift's notes. Structure:\n"
            "**Patient**: name and bed\n**Status**: one line\n**Notes**: anything the night shift must watch",
            ["Patient", "Status", "Notes"],
        ),
    ],
)
def test_a_section_named_instructions_notes_or_requirements_stays_a_section(task: str, headings: list[str]) -> None:
    """_RULE_HEADINGS drops 'Instructions', 'Notes', 'Requirements' as section names, so the recipe/spec outline is
    lost and a default format contradicts it ('Bullet points, one idea per bullet, at most 7 bullets and.', 'A
    one-sentence headline, then at most 5 bullet points.'); the nurse handover loses its Notes section. Regression:
    a9560e5 listed every section in <output_format>."""
    output = section(claude_prompt(task), "output_format")
    assert all(f"- {heading}" in output for heading in headings)
