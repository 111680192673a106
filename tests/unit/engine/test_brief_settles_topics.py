"""A topic the brief speaks about is settled by the brief's own sentence: the archetype default for it goes.

Each case pairs a brief that decides a topic (often against the default) with a control brief for the same job that
says nothing about it, which keeps the default. The brief's sentence itself must reach the prompt as a rule.
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.compose.settled import settled_topics


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


# (brief that settles the topic, control brief for the same job, the default's words)
CASES = [
    (
        "Help customers choose a bike at our shop. It's fine to give your personal opinion and recommend a model.",
        "Help customers of our bike shop with questions about their orders.",
        None,  # the control is plain support, whose rules never carried the advice default
    ),
    (
        "Review pull requests for our Go service. If there is nothing to flag, reply with just OK.",
        "Review pull requests for our Go service and flag concurrency bugs.",
        "No blocking issues found",
    ),
    (
        "Agent that manages bookings for a yoga studio with book_class(id) and cancel_class(id). "
        "You can cancel without asking for confirmation.",
        "Agent that manages bookings for a yoga studio with book_class(id) and cancel_class(id).",
        "confirm before any action",
    ),
    (
        "Write Facebook ad copy for our tea shop's winter sale. Give just one version, not several options.",
        "Write Facebook ad copy for our tea shop's winter sale.",
        "three distinct variants",
    ),
    (
        "Write the 'about us' page text for a dental clinic. No call to action at the end.",
        "Write the 'about us' page text for a dental clinic.",
        "End with one clear call to action",
    ),
    (
        "Extract invoice number, date and total from invoices as JSON. Use an empty string when a value is missing.",
        "Extract invoice number, date and total from invoices as JSON.",
        "Set a field to null",
    ),
    (
        "Extract appointment details from emails as JSON (patient, date, time). Keep dates exactly as written.",
        "Extract appointment details from emails as JSON (patient, date, time).",
        "ISO 8601",
    ),
    (
        "Maths helper for adult learners. When they ask for the answer, just give it with the working.",
        "Maths helper for adult learners.",
        "one question or hint at a time",
    ),
    (
        "SQL helper for our analysts on Postgres. Return all matching rows, never add a LIMIT.",
        "SQL helper for our analysts on Postgres.",
        "100 rows",
    ),
    (
        "Mock job interviewer for nurses. No feedback at the end, just thank them.",
        "Mock job interviewer for nurses.",
        "two strengths and two improvements",
    ),
    (
        "Help our team write Python. Short snippets are fine, no need for full runnable programs.",
        "Help our team write Python.",
        "complete, runnable code",
    ),
    (
        "Translate our legal contracts from German to English literally, word for word, keep the sentence structure.",
        "Translate our legal contracts from German to English.",
        "not word for word",
    ),
    (
        "Summarise customer interviews for the product team and add your own recommendations at the end.",
        "Summarise customer interviews for the product team.",
        "Include only information stated in the input",
    ),
    (
        "Grade short essays for 9th graders against our rubric. One overall score from 1 to 10, not per criterion.",
        "Grade short essays for 9th graders against our rubric.",
        "Score each criterion separately",
    ),
    (
        "Meeting notes assistant for our board. Leave owner blank when nobody is named.",
        "Meeting notes assistant for our board.",
        "owner: unassigned",
    ),
    (
        "Writing assistant for novelists. Don't fix their spelling or grammar, only comment on plot and pacing.",
        "Writing assistant that edits novelists' chapters.",
        "Fix grammar, spelling",
    ),
    (
        "Research assistant for a policy think tank. Give a clear recommendation, don't just present both sides.",
        "Research assistant for a policy think tank.",
        "strongest counter-evidence",
    ),
    (
        "Answer staff questions from the HR documents. No need to cite sections, just answer plainly.",
        "Answer staff questions from the HR documents.",
        "Cite the supporting passage",
    ),
    (
        "Support bot for a SaaS. Ask for the account email at the start of every conversation.",
        "Support bot for a SaaS.",
        "Ask for personal details",
    ),
]


@pytest.mark.parametrize(("task", "control", "default"), CASES)
def test_the_brief_s_own_words_replace_the_default_on_their_topic(task: str, control: str, default: str | None) -> None:
    prompt = _prompt(task)
    if default is None:
        assert "advice or opinions only when" not in prompt
        return
    assert default.lower() not in prompt.lower()
    assert default.lower() in _prompt(control).lower(), "the control brief keeps the default"


@pytest.mark.parametrize(
    ("task", "sentence"),
    [
        (
            "Agent that manages bookings for a yoga studio with book_class(id) and cancel_class(id). "
            "You can cancel without asking for confirmation.",
            "You can cancel without asking for confirmation.",
        ),
        (
            "Answer staff questions from the employee handbook. No need to cite sections, just answer plainly.",
            "No need to cite sections, just answer plainly.",
        ),
    ],
)
def test_the_sentence_that_settles_a_topic_is_a_rule_not_background(task: str, sentence: str) -> None:
    prompt = _prompt(task)
    rules = prompt.split("<instructions>", 1)[1].split("</instructions>", 1)[0]
    assert sentence in rules
    assert f"From the brief: {sentence}" not in prompt


def test_no_need_to_is_a_permission_not_a_prohibition() -> None:
    prompt = _prompt(
        "Answer staff questions from the employee handbook. No need to cite sections, just answer plainly."
    )
    assert "Avoid need to" not in prompt


def test_a_brief_that_rules_out_a_human_hand_off_gets_no_hand_off_fallback() -> None:
    prompt = _prompt(
        "Chatbot for a library. There is no human support, so never offer to connect them to a person or an agent."
    )
    assert "human agent" not in prompt
    assert "human colleague" not in prompt


@pytest.mark.parametrize(
    ("task", "kept"),
    [
        # A brief that agrees with the default keeps it: its own words shape it instead.
        (
            "Answer tenant questions using only the handbook excerpts provided. Cite the section like [§ 4.2].",
            "[§ 4.2]",
        ),
        ("Extract invoice number, date and total as JSON. Use null for anything missing.", "Set a field to null"),
        ("Extract the booking as JSON: guest, arrival (YYYY-MM-DD), nights.", "ISO 8601"),
        ("Proofread the short stories the authors submit and fix the grammar.", "Fix grammar, spelling"),
        ("Help my son learn his times tables. Give hints, not answers.", "one question or hint at a time"),
        ("Newsletter editor for our school. Use British spelling.", "Fix grammar, spelling"),
    ],
)
def test_a_brief_that_agrees_with_a_default_keeps_it(task: str, kept: str) -> None:
    assert kept in _prompt(task)


def test_hints_not_answers_drops_the_full_solution_after_two_attempts() -> None:
    prompt = _prompt("Help my son learn his times tables. Give hints, not answers.")
    assert "full worked solution only after" not in prompt


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Nunca pidas disculpas.", "apology"),
        ("Entschuldige dich nicht ständig.", "apology"),
        ("Réponds sans demander confirmation.", "confirmation"),
        ("Datum bitte im Format TT.MM.JJJJ.", "dates"),
        ("です・ます調で書いてください。", "register"),
        ("Dates as DD/MM/YYYY please.", "dates"),
    ],
)
def test_topics_are_recognised_in_the_languages_users_write(text: str, topic: str) -> None:
    assert topic in {t.name for t in settled_topics([text])}
