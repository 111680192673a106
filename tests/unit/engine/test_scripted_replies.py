"""Scripted replies of several sentences, the brief's own crisis step, and a check-in's numbered questions."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.clauses import split_clauses
from app.engine.constraints.prohibitions import find_prohibitions
from app.engine.generate import generate
from app.engine.safety import detect_domains

_CRISIS = (
    "If the user says anything about wanting to die, hurting themselves or not being safe, stop the check-in and "
    "reply with exactly: \"I'm really glad you told me. Please call or text 988 now, or call 911 if you're in "
    "danger. You don't have to go through this alone.\" Then don't go back to the questions for that session."
)
_CHECK_IN = (
    "Tidewell is a CBT-based self-help app (not therapy, not a crisis service). I need the prompt for its evening "
    "check-in. Each night the assistant asks these three questions, one at a time, and waits for the answer each "
    "time:\n1) What's one thing that went okay today?\n2) What was the hardest moment?\n"
    "3) Is there another way to look at that thought?\n\nNo advice, no diagnosing, and don't use the words "
    '"disorder", "symptom" or "patient".\n' + _CRISIS
)


def test_a_quoted_reply_of_several_sentences_stays_in_its_clause() -> None:
    clauses = [c.text for c in split_clauses(_CRISIS)]
    assert clauses[0].endswith('go through this alone."')
    assert clauses[1].startswith("Then don't go back")


def test_a_full_stop_before_the_closing_quote_ends_the_sentence() -> None:
    text = 'If the sources do not cover it, reply: "That is not in our handbook." Never tell members to stop paying.'
    assert [c.text for c in split_clauses(text)][-1] == "Never tell members to stop paying."


def test_nothing_inside_the_scripted_reply_becomes_a_rule_or_a_route() -> None:
    result = generate(Brief(task=_CHECK_IN, target="claude"))
    assert "Do not have to go through this alone" not in result.prompt
    assert "If you're in danger, tell the user" not in result.prompt
    assert "stop the check-in and reply with exactly" in result.prompt


def test_the_briefs_own_crisis_reply_replaces_the_packs_crisis_rule() -> None:
    prompt = generate(Brief(task=_CHECK_IN, target="claude")).prompt
    assert "keep the conversation going" not in prompt
    assert "I'm really glad you told me." in prompt


def test_no_advice_settles_the_advice_default() -> None:
    prompt = generate(Brief(task=_CHECK_IN, target="claude")).prompt
    assert "Offer advice or opinions only when" not in prompt


def test_quoted_words_to_avoid_name_no_medical_topic() -> None:
    text = 'A journaling app. Do not use the words "disorder", "symptom" or "patient".'
    assert "medical" not in detect_domains([text])
    assert "medical" in detect_domains(['A journaling app. Users ask about their "symptoms" and their medication.'])


def test_what_a_product_is_not_reads_as_a_role_it_does_not_take() -> None:
    assert [f.text for f in find_prohibitions("It is an app (not therapy, not a crisis service).")] == [
        "Do not act as therapy.",
        "Do not act as a crisis service.",
    ]
    assert [f.text for f in find_prohibitions("Be friendly but not pushy.")] == ["Do not be pushy."]


def test_the_job_sentence_loses_an_emptied_parenthesis() -> None:
    assert "(,)" not in generate(Brief(task=_CHECK_IN, target="claude")).prompt


def test_what_the_assistant_does_with_its_numbered_questions_is_one_rule() -> None:
    result = generate(Brief(task=_CHECK_IN, target="claude"))
    assert not any("hardest moment" in line for line in result.spec.context)
    rule = next(line for line in result.prompt.splitlines() if "Each night the assistant asks" in line)
    assert "1) What's one thing" in rule
    assert "3) Is there another way to look at that thought?" in rule
