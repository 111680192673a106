"""Review 15: the session's engine changes (outlines, unwrapping, in-place fallbacks, part limits, job sentences,
other reply languages, translation review, JSON nullability) on real user phrasing that looks like their trigger.

Each test is one finding: a brief the change should leave alone (or read differently), and the prompt line it
must not write."""

from __future__ import annotations

import json
import re

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints
from app.engine.unwrap import unwrap


def _result(task: str):  # type: ignore[no-untyped-def]
    return generate(Brief(task=task, target="claude"))


def _prompt(task: str) -> str:
    return _result(task).prompt


def _instructions(prompt: str) -> str:
    return prompt.split("<instructions>")[1].split("</instructions>")[0]


# F1: lines of data or of an input's shape under "as follows:" / "look like this:" / "format is:" are no reply outline.
@pytest.mark.parametrize(
    "task",
    [
        "You answer customer questions for Bella's Bakery in Leeds. Our opening hours are as follows:\n"
        "Monday - Friday: 8am to 5pm\nSaturday: 9am to 2pm\nSunday: closed\n\nKeep answers short and friendly.",
        "Help customers pick a coffee size. Prices are as follows:\nSmall: £2.50\nMedium: £3.00\nLarge: £3.40\n"
        "Tell them the price and suggest a pastry.",
        "Help our support team triage emails. The emails look like this:\nSubject: Can't log in\n"
        "From: jane@example.com\nBody: I reset my password twice and it still fails.\n\n"
        "Reply with the category (billing, bug, account) and a one-line reason.",
        "You're a friendly chatbot for a dentist's office. A typical chat goes like this:\n"
        "Patient: Can I book a cleaning next week?\nBot: Sure! Which day suits you best?\n\nNever give medical advice.",
        "Summarise our call transcripts for the account manager. The transcript format is:\n"
        "Agent: what the rep said\nCustomer: what the client said\n\nGive 3 bullets of key points.",
        "We get supplier invoices as PDFs. The structure is:\nHeader: supplier name, date\nLines: item, qty, price\n"
        "Totals: net, VAT, gross\nExtract the totals and flag anything odd.",
        "Write Instagram captions for our climbing gym.\nFormat:\nTone: casual\nLength: short\nAudience: teens",
        "Brief for the newsletter bot.\nOutput:\nLanguage: English\nLength: under 150 words\nTone: warm",
        "我们是一家网店。客户发来的邮件格式如下：\n主题：订单问题\n正文：客户的问题\n请帮我写一个助手，用礼貌的中文回复客户。",
    ],
)
def test_data_and_input_lines_are_no_reply_outline(task: str) -> None:
    assert not any(c.kind == "format" and c.value == "sections" for c in extract_constraints(Brief(task=task)))
    assert "Use these sections, in this order" not in _prompt(task)


def test_opening_hours_stay_in_the_prompt_as_facts() -> None:
    task = (
        "You answer customer questions for Bella's Bakery in Leeds. Our opening hours are as follows:\n"
        "Monday - Friday: 8am to 5pm\nSaturday: 9am to 2pm\nSunday: closed\n\nKeep answers short and friendly."
    )
    prompt = _prompt(task)
    assert "- Monday: Friday: 8am to 5pm" not in prompt
    assert "Monday - Friday: 8am to 5pm" in prompt


# F2: one rule per line, typed in lower case or ending on a word like "for", is no hard-wrapped sentence.
@pytest.mark.parametrize(
    "text",
    [
        "Rules for the bot:\nnever promise a delivery date, we can't control the courier at all\n"
        "always offer a refund if the item arrived damaged or the wrong size\n"
        "ask for the order number before anything else",
        "Answer questions about the products we sell and what they are used for\n"
        "Never discuss competitors or their prices, even if asked directly\n"
        "Always link to the returns page when someone wants to send something back",
    ],
)
def test_one_rule_per_line_is_not_unwrapped(text: str) -> None:
    assert unwrap(text) == text


def test_rules_one_per_line_stay_separate_rules() -> None:
    task = (
        "You're the help bot for Pip & Pine, an online stationery shop. Rules for the bot:\n"
        "never promise a delivery date, we can't control the courier at all\n"
        "always offer a refund if the item arrived damaged or the wrong size\n"
        "ask for the order number before anything else"
    )
    prompt = _prompt(task)
    assert "at all always offer a refund" not in prompt
    assert "wrong size ask for the order number" not in prompt


# F3: words that are the whole reply ("If you don't know, write "Sorry, …"") are no detail written in its place.
@pytest.mark.parametrize(
    ("task", "reply"),
    [
        (
            "You answer guests' questions for Hotel Mirabel. If you don't know, write "
            '"Sorry, I don\'t know - please ask at reception."',
            "Sorry, I don't know - please ask at reception.",
        ),
        (
            "Answer questions about our parish events. If you don't know the answer, write "
            '"I\'m not sure - please ring the parish office on 01632 960123." and nothing else.',
            "I'm not sure - please ring the parish office on 01632 960123.",
        ),
        (
            "Answer questions from our staff handbook. If the handbook doesn't cover it, write \"Not in the handbook - "
            'ask HR."',
            "Not in the handbook - ask HR.",
        ),
    ],
)
def test_a_whole_reply_written_is_no_in_place_value(task: str, reply: str) -> None:
    prompt = _prompt(task)
    assert "in its place" not in prompt
    assert f'reply exactly: "{reply}"' in prompt


# F4: translating (and checking something else, or someone else checking later) is no translation review.
@pytest.mark.parametrize(
    "task",
    [
        "Please review and translate our customer emails into German, keeping the tone friendly.",
        "Translate our menu into Spanish. Check the spelling before translating, some dishes have typos.",
        "Traduce las fichas de producto al inglés y revisa que el tono sea cercano.",
        "Traduis nos articles de blog en anglais. Une relecture humaine suivra avant publication.",
        "Übersetze unsere Produkttexte ins Englische. Die Übersetzungen prüft danach noch unser Team.",
    ],
)
def test_translating_with_a_check_is_still_translation(task: str) -> None:
    prompt = _prompt(task)
    assert "You are a translation reviewer" not in prompt
    assert "You are a professional translator" in prompt


# F5: English "no" is no Portuguese "no" (in the), and "in the same language" names no part of the reply.
@pytest.mark.parametrize(
    ("task", "bad"),
    [
        ("Write product descriptions for our candles, max 80 words no exceptions.", "the exceptions"),
        ("Answer questions about our climbing gym in 3 sentences no more no less.", "the more"),
        ("Draft replies to guest reviews, max 3 sentences in the same language as the review.", "the same"),
        ("Write a welcome post for new members, at most 100 words in the community forum.", "the community"),
        ("Reply to customers in at most 4 sentences in the first message, then shorter.", "the first"),
    ],
)
def test_words_after_a_limit_that_name_no_part(task: str, bad: str) -> None:
    limits = [c for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]
    assert limits
    assert all(c.scope != bad for c in limits)
    assert f"Keep {bad} to" not in _prompt(task)
    assert f"Make {bad} exactly" not in _prompt(task)


# F6: a human assistant the requester mentions is no job sentence.
def test_my_assistant_who_left_is_no_job() -> None:
    task = (
        "I own a dental practice in Bath. Patients email us all day. I need something to answer their questions "
        "about appointments and prices. My assistant who used to do this has just left."
    )
    prompt = _prompt(task)
    assert "You are the user's assistant who used to do this" not in prompt
    assert "has just left" not in prompt.split("</role>")[0]


# F7: a language that describes the input ("written in English") leaves the brief's own reply language in place.
@pytest.mark.parametrize(
    ("task", "code"),
    [
        ("我们是一家外贸公司，客户的邮件大多是英文写的。请帮我写一个助手，读懂客户邮件并用中文总结要点给我。", "zh"),
        (
            "お客様からのメールは英語で書かれていることが多いです。内容を日本語で要約するアシスタントが欲しいです。",
            "ja",
        ),
        (
            "Doy clases de inglés en una academia de Valencia. Quiero un bot que corrija las redacciones en inglés que "
            "escriben mis alumnos y les explique los errores.",
            "es",
        ),
    ],
)
def test_input_written_in_another_language_keeps_the_reply_language(task: str, code: str) -> None:
    assert any(c.kind == "language" and c.code == code for c in _result(task).constraints)


# F8: a job verb the assistant is told not to do, or that the requester does, names no job.
@pytest.mark.parametrize(
    "task",
    [
        "ciao, sono un fotografo di matrimoni. vorrei un assistente che mi aiuti con le idee, non che riscriva i miei "
        "testi.",
        "ciao, ho un piccolo caseificio. mi serve un assistente che chiacchieri con i clienti, poi io riscrivo tutto.",
    ],
)
def test_negated_or_own_job_verb_names_no_job(task: str) -> None:
    assert _result(task).archetypes[0].id != "writing_editor"


# F9: "We don't have X so always do Y" is a rule, not background.
def test_first_person_fact_with_an_order_stays_a_rule() -> None:
    task = (
        "We're a two-person bike repair shop. We don't have a phone line so always send people to the booking form "
        "at bikefix.example/book. Answer customer questions."
    )
    prompt = _prompt(task)
    assert "always send people to the booking form" in _instructions(prompt)
    assert "From the brief: We don't have a phone line" not in prompt


# F10: the prompt must not tell the model to write null where its own schema forbids null.
def test_null_rules_agree_with_the_schema() -> None:
    task = (
        "Extract invoice data from supplier emails. Return only JSON: "
        '{"supplier": "string", "paid": "true|false", "total": "number"}'
    )
    prompt = _prompt(task)
    schema = json.loads(prompt.split("```json")[1].split("```")[0])
    nullable = all("null" in p.get("type", []) for p in schema["properties"].values())
    says_null = re.search(r"\bto null\b|\bwith null\b", prompt) is not None
    assert nullable or not says_null


def test_all_null_guardrail_follows_the_final_schema() -> None:
    task = (
        'Extract contact details from email signatures. Return JSON: {"name": "string", "phone": "string", '
        '"company": "string"}. Use null for anything that isn\'t in the signature.'
    )
    prompt = _prompt(task)
    assert '"type": ["string", "null"]' in prompt  # the brief makes every field nullable
    assert "every field set to null" in prompt  # so the out-of-scope default still holds


# F11: a heading with a hyphen is still a heading of the outline.
def test_hyphenated_heading_keeps_the_outline() -> None:
    task = (
        "Write the weekly project update in this format:\nSummary - two sentences on where we are\n"
        "Follow-up - who needs to do what by when\nRisks - max 3 bullets\nNext steps - numbered list"
    )
    prompt = _prompt(task)
    assert "Keep the reply to at most 3 bullets" not in prompt
    assert "Follow-up" in prompt.split("<output_format>")[1]


# F12: a field-scoped label set is a sentence; "each" limits each item, not the field.
def test_field_label_sentence_starts_with_a_capital() -> None:
    task = (
        "Classify incoming support tickets and draft a short reply to each. The category must be one of: billing, "
        "bug, account. Put the category on the first line."
    )
    assert "category is exactly one of" not in _prompt(task)


# F13: an unwrapped indented continuation does not carry its indentation into the prompt.
def test_unwrapped_bullet_has_no_inner_run_of_spaces() -> None:
    task = (
        "We run a community garden. I want an assistant that answers emails from plot holders.\n"
        "Things it must know:\n- plots are 10m x 5m and cost £45 a year, paid every April through the\n  website\n"
        "- the waiting list is about two years long and we can't skip anyone"
    )
    assert "through the   website" not in _prompt(task)
