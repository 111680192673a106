"""Round 43 review, classes 3 and 4 (limits and negations): a bracketed limit after a named part is that part's, a
layout given for one step keeps its trigger, and a negated audience is no ban."""

from __future__ import annotations

from app.engine import generate
from app.engine.brief import Brief
from app.engine.constraints.prohibitions import find_prohibitions


def _limits(task: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.scope) for c in generate(Brief(task=task)).constraints if c.kind == "limit"]


def test_bracketed_limit_after_a_tldr_is_the_tldrs() -> None:
    task = (
        "You answer questions from warehouse staff about the forklift safety manual. Start with a TL;DR "
        "(max 2 sentences), then the details with the page number."
    )
    assert _limits(task) == [("Keep the summary to at most 2 sentences.", "the summary")]


def test_bracketed_limit_after_a_summary_line_is_that_lines() -> None:
    task = "Help support agents close tickets: write a summary line (under 15 words) and then the steps they took."
    assert _limits(task) == [("Keep the summary line to at most 15 words.", "the summary line")]


def test_bracketed_limit_after_a_style_word_stays_the_replys() -> None:
    task = "Answer questions about our bakery. Keep it short (max 2 sentences), then offer to help further."
    assert _limits(task) == [("Keep the reply to at most 2 sentences.", None)]


def test_semicolon_inside_tldr_ends_no_clause() -> None:
    task = "Answer questions about pension rules. The TL;DR should be at most 2 sentences, then explain the rule."
    assert [scope for _, scope in _limits(task)] == ["the summary"]


_STEP_BRIEF = (
    "I run a driving school and want a practice partner for learners. You play a strict examiner asking one question "
    "at a time about road signs. Max 40 words per turn.\n\n"
    "When the learner types DONE, stop the role and give a report in exactly this layout:\n"
    "Questions asked: n\nCorrect: x/n\nWeakest topic:\nAdvice:\n\n"
    "Each report line max 15 words. No emojis."
)


def test_step_layout_keeps_its_trigger() -> None:
    prompt = generate(Brief(task=_STEP_BRIEF)).prompt
    output = prompt.split("# Output format", 1)[1].split("\n#", 1)[0]
    assert "Use exactly this layout" not in output  # not every turn's layout
    assert "When the learner types DONE, stop the role and give a report in exactly this layout" in prompt
    assert "When the learner types DONE, keep each report line to at most 15 words." in output


def test_step_layout_after_a_typed_word_keeps_after_end() -> None:
    task = (
        "You play an angry hotel guest so my receptionists can practise complaints. Max 50 words per turn.\n"
        "After STOP give feedback in exactly this layout and nothing else:\nCalm: x/5\nSolution offered: yes/no\n"
        "One tip:\n\nEach feedback line max 20 words."
    )
    prompt = generate(Brief(task=task)).prompt
    assert "After STOP, keep each feedback line to at most 20 words." in prompt
    assert "Keep each feedback line to at most 20 words." not in prompt


def test_negated_audience_is_no_ban() -> None:
    assert find_prohibitions("Not aimed at adults.") == []
    assert find_prohibitions("Not for beginners.") == []
    assert [f.text for f in find_prohibitions("Not intended as legal advice.")] == ["Not intended as legal advice."]
    assert [f.text for f in find_prohibitions("Not too long.")] == ["Do not be too long."]
    assert [f.text for f in find_prohibitions("Not jargon.")] == ["Avoid jargon."]  # a thing to avoid stays


def test_negated_audience_in_a_brief_writes_no_avoid() -> None:
    task = "You are a reading buddy for kids aged 8 to 11 learning about stars. Not aimed at adults. Use easy words."
    prompt = generate(Brief(task=task)).prompt
    assert "Avoid aimed" not in prompt
