"""Hostile review 36 of fe0c909, e513822 and c06171c (learning companion, ja/zh reply drafts, part limits after 'も',
'no exceptions', negated medical cues, date patterns in templates, 'use null' for every field, 'unless …, then').

Each test asserts the behaviour a prompt engineer needs; they fail at c06171c.
"""

from __future__ import annotations

import re

import pytest

from tests.unit.engine.reading import archetype_ids, claude_prompt, section

# ---------------------------------------------------------------------------------------------------------------------
# 1. LEARNING_COMPANION fires on 'study partner' / 'study buddy' for adults preparing for an exam, whose brief asks
#    to mark answers: the prompt says "never mark or grade what they say" and "what they read" (the 'exams?' unless
#    misses "preparing for the NCLEX", "flashcards", "tell them if they got it right").
# ---------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "A study partner for nursing students preparing for the NCLEX. Ask practice questions and mark each answer "
        "right or wrong with an explanation.",
        "Study buddy for med students: quiz them on pharmacology flashcards and tell them if they got it right.",
    ],
)
def test_an_exam_prep_study_partner_that_marks_is_no_chatty_companion(task: str) -> None:
    prompt = claude_prompt(task)
    assert "never mark or grade" not in prompt
    assert "learning companion" not in prompt


# ---------------------------------------------------------------------------------------------------------------------
# 2. 'Math buddy for kids …: give them a problem, check their answer, and if it's wrong show the steps' and
#    'Homework helper buddy for kids: help with math homework step by step' match 'buddy for … kids': the tutor loses
#    its hint/retry/worked-solution rules and becomes a companion that asks "what they read" and never marks.
# ---------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Math buddy for kids aged 8-10: give them a problem, check their answer, and if it's wrong show the steps.",
        "Homework helper buddy for kids: help with math homework step by step, never give the answer.",
    ],
)
def test_a_maths_helper_for_kids_keeps_the_problem_solving_tutor(task: str) -> None:
    prompt = claude_prompt(task)
    assert "what they read or learned" not in prompt
    assert "never mark or grade" not in prompt
    assert "one question or hint at a time" in prompt


# ---------------------------------------------------------------------------------------------------------------------
# 3. 'Reading buddy for second graders … ask 3 comprehension questions and score them out of 3': the brief scores,
#    the prompt says "never mark or grade what they say" (a direct contradiction of the brief).
# ---------------------------------------------------------------------------------------------------------------------


def test_a_reading_buddy_that_scores_answers_is_not_told_never_to_grade() -> None:
    prompt = claude_prompt(
        "Reading buddy for second graders: they read a short passage aloud (typed), then you ask 3 comprehension "
        "questions and score them out of 3."
    )
    assert "never mark or grade" not in prompt


# ---------------------------------------------------------------------------------------------------------------------
# 4. The tutor feature 'learning companion' (6 points for 'reading challenge|log|club', 'buddy for … students')
#    makes tutor a secondary of a newsletter or a support bot that only mentions a reading challenge: the prompt gains
#    "Guide the student with one question or hint … instead of giving the full solution" and "ask them to retry it".
# ---------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Write the weekly email newsletter for our library's summer reading challenge: new prizes, events, and a "
        "reminder to log books.",
        "Answer parents' questions about the library's summer reading challenge: sign-up, prizes, opening hours. "
        "Escalate complaints to staff.",
        "Chat buddy for students at Riverside University's international office: answer questions about visas, "
        "housing and enrolment deadlines.",
    ],
)
def test_a_reading_challenge_or_student_buddy_mention_adds_no_tutor_rules(task: str) -> None:
    assert "tutor" not in archetype_ids(task)
    assert "instead of giving the full solution" not in claude_prompt(task)


# ---------------------------------------------------------------------------------------------------------------------
# 5. Close variants of 'a chat buddy for kids about their book' that still miss the tutor: 'A buddy that chats with
#    kids about the books they're reading' is classed customer_support; 'Chat buddy for 2nd graders' general_assistant.
# ---------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "A buddy that chats with kids about the books they're reading this summer and cheers them on.",
        "Chat buddy for 2nd graders who just finished a chapter book: ask what happened and what they liked.",
    ],
)
def test_close_variants_of_a_reading_chat_buddy_are_a_tutor(task: str) -> None:
    # (general_assistant is the corpus's accepted alternative for a reading buddy; customer support is the wrong job)
    assert archetype_ids(task)[0] in ("tutor", "general_assistant")


# ---------------------------------------------------------------------------------------------------------------------
# 6. The new reply-draft cue '返信を(?:作成|書|起草)' turns a LINE chat bot that answers customers' questions
#    ('質問に返信を書いてください') into an email drafter ({{email}} slot, "never state that a message was sent"),
#    and a restaurant chat bot's style line '返信を書くときは丁寧語で' adds the meeting rule "Capture every decision,
#    owner and due date".
# ---------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "LINEで届くお客様からの質問に返信を書いてください。営業時間は10時〜19時、予約はホームページから。丁寧な敬語で。",
        "レストランのチャットボットです。お客様からの質問に答えてください（メニュー、アレルギー対応、予約）。"
        "返信を書くときは丁寧語で、100字以内。",
    ],
)
def test_a_japanese_chat_bot_that_writes_replies_is_no_email_drafter(task: str) -> None:
    ids = archetype_ids(task)
    assert ids[0] == "customer_support"
    assert "meeting_email_assistant" not in ids
    prompt = claude_prompt(task)
    assert "{{email}}" not in prompt
    assert "owner and due date" not in prompt


# ---------------------------------------------------------------------------------------------------------------------
# 7. '件名も1行で' now limits the subject, but the Chinese twin '标题也要控制在20字以内' (也 = も) still limits the
#    whole reply: "Keep the reply to at most 20 characters." beside a 300-character body.
# ---------------------------------------------------------------------------------------------------------------------


def test_a_chinese_limit_after_ye_is_the_titles() -> None:
    prompt = claude_prompt("酒店前台。请为客人的邮件起草回复，正文不超过300字，标题也要控制在20字以内。")
    assert "Keep the reply to at most 20 characters." not in prompt
    assert "title to at most 20 characters" in prompt


# ---------------------------------------------------------------------------------------------------------------------
# 8. '(?! (?:to|for)\b)' drops the debugging cue from real code work: 'read the exceptions for failed payments in
#    Sentry' is now customer support (a "charged twice" example, "never ask for passwords"), and 'the exceptions for
#    today in our Sentry export' a research analyst citing sources.
# ---------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Help our on-call engineers read the exceptions for failed payments in Sentry and say what's causing them.",
        "Look at the exceptions for today in our Sentry export and tell me which ones are new.",
    ],
)
def test_exceptions_for_a_service_are_still_code_exceptions(task: str) -> None:
    assert archetype_ids(task)[0] == "coding_assistant"


# ---------------------------------------------------------------------------------------------------------------------
# 9. _medical_only_ruled_out counts a cue as negated when any 'no/not/never/don't' sits within 40 characters before
#    it, commas included: a mental-health service that does handle medication ('never judge, and if they ask about
#    their medication', 'If they did not take their medication for two days', 'no improvement after starting new
#    medication') loses "Never tell someone to start, stop or change a prescribed medication".
# ---------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Daily check-in bot for adults with depression. Be warm and never judge, and if they ask about their "
        "medication, tell them their psychiatrist can help.",
        "Mood check-in chat for people with bipolar disorder. Ask how they slept. If they did not take their "
        "medication for two days, tell them to contact their psychiatrist today.",
        "Support chat for people with anxiety. If they report no improvement after starting new medication, tell "
        "them to speak with their psychiatrist.",
    ],
)
def test_a_mental_health_service_that_talks_about_medication_keeps_the_medical_pack(task: str) -> None:
    assert "prescribed medication" in claude_prompt(task)


# ---------------------------------------------------------------------------------------------------------------------
# 10. _NULL_FOR_ANY_FIELD reads a one-field rule ('If the discount code is missing, use null', 'when the PO number is
#     not stated, return null for it') as a rule for every field: order_id and total become nullable and the example
#     output is all nulls.
# ---------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "required"),
    [
        (
            'Read each order confirmation email and return JSON only: {"order_id": string, "total": number, '
            '"discount_code": string or null}. If the discount code is missing, use null.',
            '"order_id": {"type": "string"}',
        ),
        (
            'Extract from each invoice and return JSON only: {"invoice_number": "string", "amount": number, '
            '"po_number": "string | null"}. The PO number is often not there; when the PO number is not stated, '
            "return null for it.",
            '"invoice_number": {"type": "string"}',
        ),
    ],
)
def test_a_null_rule_for_one_field_keeps_the_others_required(task: str, required: str) -> None:
    assert required in claude_prompt(task)


# ---------------------------------------------------------------------------------------------------------------------
# 11. Close variants of '"delivered_on": "YYYY-MM-DD"' still lose the pattern (bare {"type": "string"}):
#     'date (YYYY-MM-DD)', an ISO date-time 'YYYY-MM-DDTHH:MM:SS' and a card expiry 'MM/YY'.
# ---------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ("date (YYYY-MM-DD)", "delivered_on"),
        ("YYYY-MM-DDTHH:MM:SS", "delivered_on"),
        ("MM/YY", "card_expiry"),
    ],
)
def test_a_date_pattern_value_with_words_or_a_time_stays_in_the_schema(value: str, field: str) -> None:
    prompt = claude_prompt(
        "Pull fields from each scanned delivery note and return JSON only: "
        f'{{"note_number": string, "{field}": "{value}", "boxes": integer}}'
    )
    line = next(line for line in prompt.splitlines() if re.search(rf'^\s+"{field}": \{{', line))
    pattern = re.search(r"[A-Z]{2}[A-Z/:T-]*[A-Z]{2}", value)
    assert pattern is not None
    assert pattern.group(0) in line


# ---------------------------------------------------------------------------------------------------------------------
# 12. The 'unless X, then <non-verb>' exit also drops a real conditional order whose steps are nouns: 'If the
#     customer orders delivery, get the address first, then the phone number, then payment' leaves the instructions
#     and sits in the context as "From the brief: …".
# ---------------------------------------------------------------------------------------------------------------------


def test_an_if_clause_with_first_then_noun_steps_stays_an_instruction() -> None:
    prompt = claude_prompt(
        "Order bot for our pizza place. If the customer orders delivery, get the address first, then the phone "
        "number, then payment."
    )
    assert "get the address first" in section(prompt, "instructions")
    assert "get the address first" not in section(prompt, "context")
