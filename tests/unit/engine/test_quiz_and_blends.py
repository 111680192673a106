"""A tutor that sets and marks a quiz follows the brief's marking protocol, not Socratic hints; a bare "bot explains"
step reads as an instruction; a second Q&A job brings its grounding, not citations; a Japanese condition is no
prohibition; a condition's colon does not stay before its comma."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints
from app.engine.constraints.orderings import find_ordering

_STUDY_BUDDY = (
    "prompt for a revision buddy for our first aid at work course at Harbourside Training\n"
    "- learners are adults on a 3 day course\n"
    "- they pick a topic from the course handbook (CPR, choking, burns, bleeding)\n"
    "- bot explains the topic in under 100 words, then gives a quiz of exactly 4 multiple-choice questions (A-D)\n"
    '- wait for all 4 answers before marking, then give the score like "3/4" and explain only the wrong ones\n'
    "- don't give away answers before they try\n"
    "- if anyone says there's a real emergency happening right now: tell them to call 999 and stop the quiz"
)


def test_a_quiz_tutor_follows_the_marking_protocol() -> None:
    prompt = generate(Brief(task=_STUDY_BUDDY, target="claude")).prompt
    assert "ask them to retry it" not in prompt
    assert "only after the student has made two real attempts" not in prompt
    assert "mark the answers only when the brief says" in prompt
    assert "Keep the explanation to at most 100 words." in prompt
    assert "Keep the reply to at most 100 words" not in prompt
    assert "[Doc 2, Section 3]" not in prompt
    assert "right now:," not in prompt
    assert "tell them to call 999 and stop the quiz" in prompt


def test_a_quiz_question_generator_is_no_quiz_master() -> None:
    prompt = generate(Brief(task="Generate multiple-choice questions from a textbook chapter.", target="claude")).prompt
    assert "mark the answers only when the brief says" not in prompt


def test_a_bare_bot_subject_reads_as_an_instruction() -> None:
    found = find_ordering("bot explains the topic in under 100 words, then gives a quiz of 4 questions")
    assert found is not None
    assert found.text == "Explain the topic in under 100 words before you give a quiz of 4 questions."


def test_a_japanese_condition_with_a_negation_is_no_prohibition() -> None:
    constraints = extract_constraints(
        Brief(
            task="- 料金表にないこと（駐車場、レンタル等）を聞かれたら"
            "「受付（0120-111-222）までお電話ください」と案内する"
        )
    )
    assert not any(c.kind == "prohibition" for c in constraints)


def test_a_japanese_plain_negative_rule_is_a_prohibition_and_is_carried() -> None:
    task = "予約チャットボットを作ってください。\n- 回答は3文以内\n- 他の店の名前は出さない\n- 在庫が少ない"
    prohibitions = [c for c in extract_constraints(Brief(task=task)) if c.kind == "prohibition"]
    assert [c.span.text for c in prohibitions if c.span] == ["他の店の名前は出さない"]
    result = generate(Brief(task=task, target="claude"))
    assert not [f for f in result.lint.findings if f.rule_id == "FID-01"]
