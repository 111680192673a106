"""In a telegraphic spec line ("Max 80 words, no bullet points, plain everyday words") a ban's "no" governs its own
item; an item that says what the reply is like is never banned with it."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


def _prohibitions(task: str) -> list[str]:
    return [c.text for c in read_constraints(Brief(task=task)) if c.kind == "prohibition"]


@pytest.mark.parametrize(
    ("task", "kept"),
    [
        ("Answer patient questions. Max 80 words, no bullet points, plain everyday words.", "plain everyday words"),
        ("Answer questions about our clinic. No jargon, friendly tone, short answers.", "friendly tone"),
        ("Reply to guests. no emojis, short sentences", "short sentences"),
        ("Help customers. Without markdown, complete sentences only.", "complete sentences"),
    ],
)
def test_a_quality_item_is_never_banned(task: str, kept: str) -> None:
    assert not [text for text in _prohibitions(task) if kept in text.lower()]
    assert f"Avoid {kept}" not in generate(Brief(task=task)).prompt


@pytest.mark.parametrize(
    ("task", "banned"),
    [
        ("Moderate the chat. No swearing, slurs or violence.", "slurs"),
        ("Sales replies. Don't mention prices, short delivery times or discounts.", "short delivery times"),
    ],
)
def test_a_list_of_banned_things_stays_whole(task: str, banned: str) -> None:
    assert [text for text in _prohibitions(task) if banned in text]
