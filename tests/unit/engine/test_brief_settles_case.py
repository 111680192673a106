"""A case the brief settles in its own words drops the archetype default that settles it differently."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


@pytest.mark.parametrize(
    "task",
    [
        "Review pull requests for our data team's pandas code. If theres nothing wrong just say LGTM.",
        "Code review bot for our PRs. When there are no issues, reply with 'Ship it'.",
    ],
)
def test_the_brief_s_own_all_clear_replaces_the_default_one(task: str) -> None:
    assert "No blocking issues found" not in _prompt(task)


def test_a_diff_review_without_its_own_all_clear_keeps_the_default() -> None:
    assert "No blocking issues found" in _prompt("Review pull requests for our Django app and flag security problems.")


@pytest.mark.parametrize(
    "task",
    [
        "Turn our residents' meeting notes into a to-do list. If no owner is mentioned write TBD.",
        "把业委会会议记录整理成待办清单，没提到负责人的写待定。",
    ],
)
def test_the_brief_s_own_marker_for_a_missing_owner_replaces_unassigned(task: str) -> None:
    assert "owner: unassigned" not in _prompt(task)


def test_meeting_notes_without_an_owner_rule_keep_the_default_marker() -> None:
    assert "owner: unassigned" in _prompt("Turn our weekly meeting notes into a list of action items.")


def test_suggesting_practical_things_drops_advice_only_when_asked() -> None:
    prompt = _prompt(
        "Wellbeing check-in companion for students: listen, and suggest small practical things they can try."
    )
    assert "Offer advice or opinions only when" not in prompt
