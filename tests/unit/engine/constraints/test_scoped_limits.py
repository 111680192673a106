"""Limits that narrow one part of the reply keep that scope; whole-reply limits stay unscoped."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints


def limit_scopes(task: str) -> list[tuple[str | None, int | None, int | None]]:
    found = extract_constraints(Brief(task=task))
    return [(c.scope, c.maximum, c.exact) for c in found if c.kind == "limit"]


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("Regex helper: write the pattern, explain every part in at most 2 sentences.", ("the explanation", 2, None)),
        ("Code reviewer. Justify your verdict in one sentence.", ("the justification", None, 1)),
        ("Return the fixed code and describe each change in under 20 words", ("the description", 20, None)),
        ("Write the migration and add a two-sentence explanation below it.", ("the explanation", None, 2)),
        ("Give a summary of no more than 40 words followed by a table of risks.", ("the summary", 40, None)),
        ("Pick the best title, then justify the choice in 30 words max.", ("the justification", 30, None)),
    ],
)
def test_limit_on_one_part_keeps_its_scope(task: str, expected: tuple[str | None, int | None, int | None]) -> None:
    assert limit_scopes(task) == [expected]


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("Answer customer questions in at most 3 sentences.", (None, 3, None)),
        ("Explain the concept in 4 sentences for a beginner.", (None, None, 4)),
        ("Write a summary of at most 60 words.", (None, 60, None)),
        ("Reply in one sentence.", (None, None, 1)),
    ],
)
def test_whole_reply_limits_stay_unscoped(task: str, expected: tuple[str | None, int | None, int | None]) -> None:
    assert limit_scopes(task) == [expected]


def test_scoped_limit_text_names_its_part() -> None:
    found = extract_constraints(Brief(task="SQL helper for Postgres; describe every query in one sentence"))
    limit = next(c for c in found if c.kind == "limit")
    assert limit.text == "Make the description exactly 1 sentence."


@pytest.mark.parametrize(
    ("task", "scope"),
    [
        ("Show notes: a 3-sentence summary, chapter markers, and a tweet under 280 characters.", "the tweet"),
        ("Draft the speaker bio in under 60 words and the abstract in 200.", "the bio"),
        ("Campaign kit: three ad variants plus a slogan of at most 6 words.", "the slogan"),
    ],
)
def test_a_limit_on_a_named_piece_of_a_blended_reply_keeps_its_scope(task: str, scope: str) -> None:
    limits = [c for c in extract_constraints(Brief(task=task)) if c.kind == "limit" and c.scope == scope]
    assert limits, [(c.kind, c.scope, c.text) for c in extract_constraints(Brief(task=task))]
