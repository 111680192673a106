"""Guards from the hostile review of session 19's engine changes: the probes that misfired, kept as tests so the
narrowed rules stay narrow."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import Constraint, extract_constraints
from app.engine.safety import detect_domains


def _kinds(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


@pytest.mark.parametrize(
    "task",
    [
        "Chat with kids aged 8-10 about science.",
        "Play word games with children aged 5-7.",
        "A tutor that works with pupils aged 9 to 11.",
    ],
)
def test_the_people_the_assistant_talks_with_are_its_audience(task: str) -> None:
    [audience] = _kinds(task, "audience")
    assert audience.maximum is not None
    assert audience.maximum <= 11
    assert "The readers are children" in generate(Brief(task=task, target="claude")).prompt


def test_a_children_brief_with_a_simile_keeps_the_childrens_pack() -> None:
    task = "Bedtime story generator for young children. Make the stories silly, like kids love."
    assert "children" in detect_domains([task])


def test_a_crisis_cue_after_a_topic_to_avoid_keeps_its_pack() -> None:
    task = (
        "Chat with students about study stress. Keep it light and don't talk about grades, but if someone mentions "
        "self-harm or suicide, give them 988 and stop."
    )
    assert "mental_health" in detect_domains([task])


@pytest.mark.parametrize(
    "task",
    [
        "Cuando respondas, usa como máximo 3 frases.",
        "Wenn du antwortest, höchstens 3 Sätze.",
        "Si possible, réponds en 3 phrases maximum.",
    ],
)
def test_when_you_reply_is_no_condition(task: str) -> None:
    [limit] = _kinds(task, "limit")
    assert limit.text == "Keep the reply to at most 3 sentences."


@pytest.mark.parametrize(
    ("task", "code"),
    [
        ("Réponds toujours en français, la langue dans laquelle nos clients écrivent.", "fr"),
        ("Reply to the customer in English even if the language of the email is Welsh.", "en"),
        ("Always reply in English; the language of the ticket does not matter.", "en"),
    ],
)
def test_a_stated_reply_language_wins_over_the_messages(task: str, code: str) -> None:
    [language] = _kinds(task, "language")
    assert language.code == code


@pytest.mark.parametrize(
    "task",
    ["Our last two headlines flopped. Write ad copy for our bakery.", "We post 2 captions a day; write a caption."],
)
def test_reported_counts_are_no_stated_pieces(task: str) -> None:
    assert "pieces the brief asks for" not in generate(Brief(task=task, target="claude")).prompt


def test_a_value_set_binds_a_parameter_only_on_its_tool_line() -> None:
    task = "Tools: draft_reply(message, tone). The tone is warm, concise and professional."
    assert not [c for c in _kinds(task, "labels") if c.name == "draft_reply"]


def test_a_points_line_without_a_bracketed_length_keeps_its_limits() -> None:
    [limit] = _kinds("Summarise each article: a summary of max 60 words, key takeaways: 3 points.", "limit")
    assert limit.maximum == 60


def test_for_each_category_limits_each_category() -> None:
    [limit] = _kinds("Give at most 3 tags for each category of product.", "limit")
    assert limit.scope == "each category"
