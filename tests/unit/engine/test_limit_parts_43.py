"""A limit on one named part of the reply keeps that part: a line the brief names by its label ("a "Result:" line
(max 6 words)", "the Memo line is at most 12 words", "a TL;DR line"), a part noun after a comma ("captions max 20
words each, teaser max 40 words"), feedback whose contents are listed before its size, and a headline named as such."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints
from app.engine.constraints.limits import find_limits


def _scopes(task: str) -> list[tuple[str, int | None, str | None]]:
    return [(c.unit or "", c.maximum, c.scope) for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]


@pytest.mark.parametrize(
    ("task", "scope"),
    [
        ('We sell shoes online. List the defects as bullets, then a line starting "Result:" (max 6 words).',
         'the "Result:" line'),
        ('We sell shoes online. List the defects as bullets. Then a "Result:" line (max 6 words).',
         'the "Result:" line'),
        ("We sell shoes online. Give the findings as bullets, then the Memo line is at most 12 words.",
         'the "Memo" line'),
        ("We sell shoes online. Answer in a paragraph, then a TL;DR line of at most 20 words.", 'the "TL;DR" line'),
    ],
)  # fmt: skip
def test_a_line_named_by_its_label_keeps_its_limit(task: str, scope: str) -> None:
    assert ("words", 6 if "Result" in task else 12 if "Memo" in task else 20, scope) in _scopes(task)


def test_an_ordinary_line_count_stays_the_replys() -> None:
    assert ("words", 15, None) in _scopes("We sell shoes online. Write one line of at most 15 words.")


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("Our cafe posts daily. Captions max 20 words each, teaser max 40 words.",
         [("words", 20, "each caption"), ("words", 40, "the teaser")]),
        ("Our cafe posts daily. Write the post: summary under 30 words; intro max 2 sentences.",
         [("words", 30, "the summary"), ("sentences", 2, "the intro")]),
    ],
)  # fmt: skip
def test_a_part_noun_after_a_comma_owns_its_limit(task: str, expected: list[tuple[str, int, str]]) -> None:
    assert _scopes(task) == expected


def test_a_style_word_after_a_comma_names_no_part() -> None:
    assert _scopes("Our cafe posts daily. Keep it warm, max 50 words.") == [("words", 50, None)]


def test_feedback_listed_before_its_size_is_the_feedbacks() -> None:
    task = (
        "Run a mock job interview, one question at a time. At the end, give feedback: three strengths and one "
        "thing to improve, under 80 words."
    )
    assert ("words", 80, "the feedback") in _scopes(task)


def test_a_headline_keeps_its_name() -> None:
    # (named "the headline", as the brief does, not "the title")
    found = find_limits("The digest has: a headline, 9 words max, then the story in 3 paragraphs.")
    assert [(f.unit, f.scope) for f in found] == [("words", "the headline"), ("paragraphs", None)]


def test_the_named_line_reaches_the_prompt() -> None:
    task = 'We sell shoes online. List the defects as bullets, then a line starting "Result:" (max 6 words).'
    assert 'Keep the "Result:" line to at most 6 words.' in generate(Brief(task=task)).prompt
