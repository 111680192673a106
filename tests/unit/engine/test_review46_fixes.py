"""Findings of session 46's hostile review that the lead fixed after the merges."""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.brief import Brief


def _instructions(task: str) -> str:
    prompt = generate(Brief(task=task, target="claude")).prompt
    return prompt.split("<instructions>")[1].split("</instructions>")[0]


@pytest.mark.parametrize(
    ("task", "ranked"),
    [
        (
            "Review PRs. What to check, in priority order:\n1. security\n2. correctness\n3. readability\n"
            "Keep each finding to one line.",
            "1) security; 2) correctness; 3) readability",
        ),
        (
            "You review our Terraform pull requests. What to look for, in order of importance:\n1. secrets\n"
            "2. public buckets\n3. naming\nMax 5 findings.",
            "1) secrets; 2) public buckets; 3) naming",
        ),
    ],
)
def test_a_ranked_list_of_short_items_under_a_checks_heading_keeps_its_order(task: str, ranked: str) -> None:
    assert ranked in _instructions(task)


def test_a_checks_heading_over_sentences_still_gives_a_rule_per_item() -> None:
    task = (
        "Review PRs. What to check, in priority order:\n1. Flag any secret committed to the repo.\n"
        "2. Point out missing tests for new functions.\nKeep each finding to one line."
    )
    rules = _instructions(task)
    assert "Flag any secret committed to the repo." in rules
    assert "Point out missing tests for new functions." in rules
    assert "What to check, in priority order:" not in rules
