"""Words the brief quotes (a banned phrase, words to say) never name the audience."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


@pytest.mark.parametrize(
    "task",
    [
        'Product descriptions for a yarn shop. Don\'t use "perfect for beginners", "must-have" or "luxurious". '
        "60-90 words.",
        "Listings for a bike shop. Never write 'ideal for kids' or 'great for families' unless the spec says so.",
    ],
)
def test_a_quoted_phrase_names_no_audience(task: str) -> None:
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "audience"]


def test_an_audience_outside_quotes_is_still_read() -> None:
    task = 'Write knitting tips for beginners who have never knitted. Never say "easy".'
    audiences = [c.value for c in read_constraints(Brief(task=task)) if c.kind == "audience"]
    assert audiences == ["beginners who have never knitted"]


@pytest.mark.parametrize(
    "task",
    [
        'Product descriptions for a yarn shop. Don\'t use "perfect for beginners", "must-have" or "luxurious". '
        "60-90 words.",
        "Listings for a bike shop. Never write 'ideal for kids' or 'great for families' unless the spec says so.",
    ],
)
def test_the_prompt_names_no_audience_from_a_quote(task: str) -> None:
    prompt = generate(Brief(task=task)).prompt
    assert "Audience:" not in prompt
    assert "Pitch vocabulary and depth at" not in prompt
