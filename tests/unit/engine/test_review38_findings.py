"""Review of the engine changes 6c25505..a9560e5 (rounds 28-29): briefs phrased the way users write them where the
new escalation, condition-list, limit, layout-block, label-line, item-condition and points-scheme readings make the
prompt contradict the brief, lose a stated condition or limit, or invent a rule. Each test fails at a9560e5."""

from __future__ import annotations

import re

import pytest

from tests.unit.engine.reading import claude_prompt, limit_texts, section


def _escalation_rule(prompt: str) -> str:
    return next(line for line in prompt.splitlines() if "To escalate" in line)


# --- 1. escalation without a stated route -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Support bot for Acme Fitness memberships. If they ask for a real person, transfer them.",
        "Support bot for Acme Fitness memberships. Anything about billing should be escalated to a human.",
        "Bot de soporte para Acme Fitness. Si el cliente quiere hablar con una persona, pásalo a un asesor humano.",
        "Bot de support pour Acme Fitness. Si le client veut un remboursement, passe la main à un conseiller humain.",
        "Bot di assistenza clienti per la palestra Acme Fitness. Per i rimborsi, passa la conversazione a un "
        "operatore umano.",
        "Klantenservicebot voor Acme Fitness. Als iemand geld terug wil, verbind door met een medewerker.",
        "Acme Fitnessのサポートボット。返金の依頼はスタッフに引き継いでください。",
        "Acme Fitness 的客服机器人。退款请求请转给人工客服。",
    ],
)
def test_a_stated_hand_off_is_not_read_as_no_route(task: str) -> None:
    """The brief hands cases to a person ('transfer them', 'pásalo a un asesor humano', '转给人工客服'), but the
    prompt says there is no hand-off ('say so plainly when a case needs a person', 'never promise a … follow-up').
    Regression: 6c25505 said 'I'm passing this to a human colleague who will follow up with you.'"""
    prompt = claude_prompt(task)
    assert "say so plainly when a case needs a person" not in prompt
    assert "never promise a call-back or a follow-up" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Support bot for Acme Fitness. If the customer asks for a manager, let them know a supervisor will call "
        "them back within one business day.",
        "Support bot for Acme Fitness. For refunds, open a ticket and tell them billing will reply by email within "
        "2 days.",
    ],
)
def test_a_follow_up_the_brief_arranges_is_not_forbidden(task: str) -> None:
    """The brief arranges the call-back / e-mail reply itself, yet the escalation rule says 'never promise a
    call-back or a follow-up'. Regression: 6c25505 promised the colleague's follow-up the brief describes."""
    assert "never promise a call-back" not in claude_prompt(task)


@pytest.mark.parametrize(
    ("task", "contact"),
    [
        (
            "Support bot for Acme Fitness memberships. Answer questions about plans. For anything you can't answer, "
            "give them our hotline 0800 123 4567.",
            "0800 123 4567",
        ),
        (
            "Support bot for ParkEasy. For anything you can't handle, customers can ring the ParkEasy helpline on "
            "0345 600 7000.",
            "0345 600 7000",
        ),
        (
            "Support bot for StreamBox subscriptions. If you can't help, or the customer can't stop the "
            "auto-renewal, call our billing team on 0800 555 0101.",
            "0800 555 0101",
        ),
        (
            "Support bot for FreshCart grocery delivery. If an order is in danger of arriving late or you can't "
            "sort it out, email ops@freshcart.co.uk.",
            "ops@freshcart.co.uk",
        ),
    ],
)
def test_the_teams_own_line_stays_the_escalation_route(task: str, contact: str) -> None:
    """A company's own hotline/helpline, or a catch-all route whose case list mentions 'can't stop' / 'in danger',
    is read as a crisis care line and dropped from the escalation rule (NO_ROUTE or an invented colleague instead).
    Regression: 6c25505 said 'To escalate, tell them to call/email <contact>.'"""
    assert contact in _escalation_rule(claude_prompt(task))


def test_the_account_example_uses_the_briefs_route_for_that_case() -> None:
    """The brief routes a hacked account to security@acme.com; the hacked-account example answers 'a member of our
    team has to look into it' with no address (not a regression: 6c25505 promised a colleague instead)."""
    prompt = claude_prompt(
        "Support bot for the Acme customer account portal. If someone thinks their account was hacked, tell them "
        "to email security@acme.com."
    )
    pairs = re.findall(r"<input>(.*?)</input>\s*<output>(.*?)</output>", section(prompt, "examples"), re.DOTALL)
    account = [output for text, output in pairs if "account" in text.lower()]
    assert account
    assert all("security@acme.com" in output for output in account)


# --- 2. fallback condition lists ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "kept"),
    [
        (
            "HR assistant for Bloom Ltd staff. If someone asks about holidays, sick pay, leave or payroll, send "
            "them to hr@bloom.co.uk.",
            "leave or payroll",
        ),
        (
            "Support bot for Cloudly hosting. If a customer asks about upgrades, add-ons or invoices, email "
            "sales@cloudly.io.",
            "add-ons or invoices",
        ),
        (
            "Support bot for Modo shoes. If it's about an exchange, return or refund, tell them to email "
            "returns@modo.shop.",
            "return or refund",
        ),
        (
            "School office assistant. If a parent asks about a grade, mark or exam result, tell them to email "
            "exams@stmarys.sch.uk.",
            "mark or exam result",
        ),
    ],
)
def test_a_condition_item_that_looks_like_a_verb_stays_in_the_condition(task: str, kept: str) -> None:
    """A condition list item that starts with 'leave', 'add', 'return' or 'mark' is cut as if it were the action,
    so the route covers only the first item ('If someone asks about holidays, sick pay, tell the user to email …').
    Regression: 6c25505 kept the whole list."""
    assert kept in claude_prompt(task)


def test_a_condition_after_a_colon_is_not_dropped() -> None:
    """'check the tracking and the delivery photo: if both say delivered, email claims@…' becomes 'If a parcel is
    missing, check …, tell the user to email claims@…': every missing parcel goes to claims. Regression: 6c25505
    kept 'if both … delivered' (garbled: 'if both, say delivered, email claims@…')."""
    prompt = claude_prompt(
        "Support bot for ShipFast. If a parcel is missing, check the tracking and the delivery photo: if both say "
        "delivered, email claims@shipfast.com."
    )
    assert all("delivered" in line for line in prompt.splitlines() if "claims@shipfast.com" in line)


# --- 3. limits -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "label", "kept"),
    [
        (
            "Write product descriptions for our candle shop.\nLength: (max 80 words)\nTone: cosy, no hype.",
            "Length",
            "cosy",
        ),
        (
            "Summarise support tickets for the weekly report.\n- Length: [3 sentences max]\n- Audience: the ops team",
            "Length",
            None,
        ),
        (
            "Write LinkedIn posts for our recruiting agency.\nWord count: (150-200 words)\nHashtags: 3 max",
            "Word count",
            None,
        ),
    ],
)
def test_a_spec_line_length_is_the_whole_replys_length(task: str, label: str, kept: str | None) -> None:
    """'Length: (max 80 words)' is read as a template slot: the prompt says 'Keep the "Length" line to at most 80
    words' (a line that does not exist) and no longer caps the text; the candle brief also loses 'cosy'.
    Regression: 6c25505 said 'Keep the reply to at most 80 words.' and kept 'Tone: cosy, no hype.'"""
    prompt = claude_prompt(task)
    assert f'"{label}" line' not in prompt
    if kept:
        assert kept in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Slack bot for our IT helpdesk. Answer the question, then stop - one sentence max.",
        "Reply to each guest review on Booking.com, thanking them first, then addressing their main point, in one "
        "sentence.",
        "你是奶茶店的客服。回复要简短，不要再问客户已经说过的信息，最多一句话。",
    ],
)
def test_a_then_before_a_whole_reply_limit_keeps_it_whole(task: str) -> None:
    """A 'then' (or the 再 of 不要再问, 'don't ask again') before a one-sentence limit on the whole reply turns it
    into a part limit, so the reply has no cap. Regression: 6c25505 read 'Keep the reply to at most 1 sentence.' /
    'Reply in exactly 1 sentence.'"""
    texts = limit_texts(task)
    assert {"Keep the reply to at most 1 sentence.", "Reply in exactly 1 sentence."} & set(texts)


@pytest.mark.parametrize(
    "task",
    [
        "Pub quiz host bot. Each round: ask 5 questions, one at a time. Keep going for as many rounds as the team "
        "wants.",
        "Spanish vocab tutor. For each of the 4 units, ask 3 questions, one at a time, and wait for each answer "
        "before moving on.",
    ],
)
def test_questions_per_round_are_no_whole_conversation_count(task: str) -> None:
    """'Each round: ask 5 questions, one at a time' / 'For each of the 4 units, ask 3 questions' becomes 'Ask exactly
    5 questions over the whole conversation', contradicting 'as many rounds as the team wants' (new; 6c25505 said
    'Give exactly 5 questions.')."""
    assert not any("over the whole conversation" in text for text in limit_texts(task))


# --- 4. fixed layout blocks and label lines ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Reply to customer emails for Tidy Homes cleaning.\nWhen you reply:\nKeep it under 120 words\n"
        "Use their first name\nNever quote a price without the booking form",
        "Booking assistant for Glow Nail Studio. Before booking, ask the customer for:\nname\nphone number\n"
        "preferred date\nwhich treatment",
        "Asistente de WhatsApp para la panadería La Espiga. Ten en cuenta:\nAbrimos de 8 a 15, de martes a sábado\n"
        "No hacemos envíos a domicilio\nLas tartas por encargo necesitan 5 días",
        "Kundenservice-Bot für den Fahrradladen Speiche. Wichtig:\nImmer auf Deutsch antworten\n"
        "Keine Preise nennen, die nicht in der Liste stehen\nBei Reklamationen an service@speiche.de verweisen",
    ],
)
def test_rules_facts_and_details_after_a_colon_are_no_layout_to_print(task: str) -> None:
    """Unpunctuated rules, shop facts or details to ask for after a colon are rendered as a layout to reproduce
    ('When you reply (each line as given, on its own line): Keep it under 120 words …'), and the nail-studio brief
    gains a garbage rule 'Ask the customer for: before booking.' Regression: 6c25505 kept them as rule text."""
    prompt = claude_prompt(task)
    assert "each line as given" not in prompt
    assert "Ask the customer for: before booking" not in prompt


def test_an_instruction_after_a_signature_is_not_part_of_it() -> None:
    """'End every email with:\\nThanks,\\nThe Bloom Team\\nNever add a PS …' puts the instruction into the
    signature to print line by line (not a clean regression: 6c25505 flattened all three lines into one rule)."""
    prompt = claude_prompt(
        "Reply to customer emails for Bloom Florists.\nEnd every email with:\nThanks,\nThe Bloom Team\n"
        "Never add a PS or anything after the sign-off"
    )
    lines = [line.strip() for line in prompt.splitlines()]
    team = lines.index("The Bloom Team")
    assert lines[team + 1] != "Never add a PS or anything after the sign-off"


@pytest.mark.parametrize(
    ("task", "word"),
    [
        (
            "Triage inbound support emails for Cloudly. Tag each email with one of these labels:\n- billing\n- bug\n"
            "- account\n- other\nIMPORTANT: never invent a new label, use other instead.",
            "IMPORTANT",
        ),
        (
            "Moderate comments on our recipe blog. Use these labels:\n- APPROVE\n- REJECT\n- REVIEW\n"
            "NOTE - spam links are always REJECT.",
            "NOTE",
        ),
        (
            "Classify customer feedback for Beanly coffee. Labels:\nPRAISE - the customer liked something\n"
            "COMPLAINT - something went wrong\nIDEA - a suggestion\nTIP: when a message has both praise and a "
            "complaint, pick COMPLAINT.",
            "TIP",
        ),
    ],
)
def test_a_capitalised_note_under_the_labels_is_no_label(task: str, word: str) -> None:
    """'IMPORTANT: …', 'NOTE - …', 'TIP: …' after a label list become labels the reply may return ('Reply with
    exactly one of these labels: billing, bug, account, other, IMPORTANT', 'Use "IMPORTANT" for never invent …').
    Regression: 6c25505 kept the label set and the note as a rule."""
    prompt = claude_prompt(task)
    assert f", {word}" not in prompt
    assert f"or {word}" not in prompt
    assert f'Use "{word}" for' not in prompt


# --- 5. item conditions, points schemes, score-first layout ---------------------------------------------------------


def test_an_items_general_always_rule_keeps_no_condition() -> None:
    """'1. If the caller is a new patient, take … Always read the appointment time back …' becomes 'If the caller
    is a new patient, always read the appointment time back', so returning patients lose it. Regression: 6c25505
    had 'Read the appointment time back to them before ending the call.'"""
    prompt = claude_prompt(
        "Phone booking assistant for Elm Street Dental.\n1. If the caller is a new patient, take their name, date "
        "of birth and GP. Always read the appointment time back to them before ending the call.\n2. Keep it short."
    )
    assert not [line for line in prompt.splitlines() if "appointment time back" in line and "new patient" in line]


def test_penalty_points_leave_the_attached_rubric_its_slot() -> None:
    """Two penalty amounts ('minus 2 points per day late, and 5 points if …') are taken for the whole marking
    scheme, so the attached rubric the grader must score against gets no slot. Regression: 6c25505 had {{rubric}}."""
    prompt = claude_prompt(
        "Grade student lab reports using the attached rubric (it has 5 criteria, 4 levels each). Late penalty: "
        "minus 2 points per day late, and 5 points if there is no risk assessment."
    )
    assert re.search(r"\{\{\w*rubric\w*\}\}", prompt)


def test_a_grade_in_the_opening_line_is_not_put_last_by_the_layout() -> None:
    """'Give the final grade in the opening line' drops the evidence-first rule but keeps the default layout that
    puts 'Total:' after every criterion (not a regression: 6c25505 had the same layout)."""
    prompt = claude_prompt(
        "Grade lab reports for our chemistry course using the rubric. Give the final grade in the opening line, "
        "then justify it criterion by criterion."
    )
    assert 'Then "Total:"' not in section(prompt, "output_format")
