"""Hostile review 37 of ca6e84a and b196fb5: briefs the two commits now render wrongly."""

from __future__ import annotations

import pytest

from tests.unit.engine.reading import claude_prompt, section

# 1. layout.py: a bare line in capitals after "reply with exactly this line:" is the literal reply, not a heading.
# The new heading check drops it, and the rule becomes "reply with exactly this line." with no line at all.
LITERAL_REPLY_LINES = [
    (
        "Review each supplier contract clause I paste and list the risks in plain English.\n"
        "If you find nothing risky, reply with exactly this line:\nNO RISKS FOUND",
        "NO RISKS FOUND",
    ),
    (
        "Review the pull request diff I paste. List real bugs and security problems only, most serious first.\n"
        "If everything checks out, reply with only this:\nLGTM",
        "LGTM",
    ),
]


@pytest.mark.parametrize(("task", "literal"), LITERAL_REPLY_LINES)
def test_capitals_line_after_reply_with_exactly_is_kept(task: str, literal: str) -> None:
    assert literal in claude_prompt(task)


# 2. phones.py: a plural noun after the number ("… 116 123 to students") is read as a count, so the Samaritans
# number is no number to call; the crisis rule that urged "call 116 123" disappears from the prompt altogether.
def test_crisis_line_given_to_students_is_still_a_number_to_call() -> None:
    prompt = claude_prompt(
        "Wellbeing chatbot for a university. Answer questions about counselling appointments and opening times.\n"
        "If a student mentions suicidal thoughts, give the Samaritans number 116 123 to students straight away and "
        "encourage them to call."
    )
    assert "call 116 123" in prompt


# 3. phones.py: French "donne le 3114 aux personnes en détresse": "aux personnes" is no count of the number; the
# crisis rule fell back to "contact a crisis line" and the 3114 route went.
def test_french_crisis_number_before_aux_personnes_is_kept() -> None:
    prompt = claude_prompt(
        "Assistant de messagerie pour une association étudiante. Réponds aux questions sur les événements et les "
        "adhésions.\nSi un étudiant parle de suicide ou d'idées noires, donne le 3114 aux personnes en détresse et "
        "encourage-les à appeler."
    )
    assert "call 3114" in prompt


# 4. phones.py: Spanish "dale el 112 para emergencias": "para emergencias" is no count; the emergency rule now says
# "call their local emergency number" instead of 112.
def test_spanish_emergency_number_before_para_emergencias_is_kept() -> None:
    prompt = claude_prompt(
        "Asistente de WhatsApp para una academia de idiomas. Responde dudas sobre horarios, precios y matrícula.\n"
        "Si alguien cuenta una emergencia médica durante la clase, dale el 112 para emergencias y avisa al profesor."
    )
    assert "call 112" in prompt


# 5. phones.py: "give them 111 on weekends", "reach the caretaker on 4400 after hours": a time phrase after the
# number is no counted noun; the conditional route left the guardrails (kept only as a plain requirement).
SHORT_LINES_WITH_TIME = [
    (
        "Out-of-hours assistant for a GP surgery. The surgery is closed evenings and weekends.\n"
        "If a parent asks about a sick child while we're closed, give them 111 on weekends and evenings, and 999 if "
        "the child is struggling to breathe.",
        "111",
    ),
    (
        "Chatbot for residents of our student halls. Answer questions about laundry, bins, parcels and noise rules.\n"
        "If something urgent breaks at night (a leak, no heating, a broken lock), tell them to reach the caretaker on "
        "4400 after hours.",
        "4400",
    ),
]


@pytest.mark.parametrize(("task", "number"), SHORT_LINES_WITH_TIME)
def test_number_followed_by_a_time_phrase_stays_a_route(task: str, number: str) -> None:
    assert number in section(claude_prompt(task), "guardrails")


# 6. settled.py: "if unsure" about something other than the label (a field's value, the language, a product name)
# settles no tie-break; the classifier loses "When two labels fit equally well, choose …" and its unsure guardrail.
UNSURE_ABOUT_SOMETHING_ELSE = [
    "Classify each incoming support email as billing, bug, feature_request or other.\n"
    'Return JSON with "label" and "customer_name". If unsure of the customer\'s name, set customer_name to null.',
    "Sort product reviews into one of: positive, negative, mixed, off_topic.\n"
    "Output only the label. If you're unsure whether a review is in English, still label it.",
    "Tag each Slack message from our ops channel with one category: outage, deploy, question, social.\n"
    "When unsure about a product name, keep it exactly as written. Reply with the category only.",
]


@pytest.mark.parametrize("task", UNSURE_ABOUT_SOMETHING_ELSE)
def test_unsure_about_another_thing_keeps_the_tie_break(task: str) -> None:
    assert "When two labels fit equally well" in claude_prompt(task)


# 7. labels.py: with a 400-character intro, a long one-line brief ending "… asks the customer … using one of:"
# makes the customer's choices the bot's label set; every chat reply must end with a "Label:" line.
def test_options_after_long_intro_are_no_label_set_for_a_chat_bot() -> None:
    prompt = claude_prompt(
        "We're a two-person plumbing business and I want a bot that replies to website enquiries in a friendly way, "
        "books a visit if it's routine, and always asks the customer which priority they'd give the job, using one "
        "of:\ntoday / this week / whenever suits\nNever quote a price."
    )
    assert "Label:" not in prompt
    assert "label set" not in prompt
