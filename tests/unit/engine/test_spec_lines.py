"""Telegraphic spec lines, third-person prohibitions, paired tones and inbox reply drafting (round 20 classes)."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.rules import find_prohibitions
from app.engine.generate import generate


@pytest.mark.parametrize(
    ("clause", "rule"),
    [
        ("It never sends anything.", "Never send anything."),
        ("The bot never deletes emails.", "Never delete emails."),
        ("Our assistant never replies to trolls.", "Never reply to trolls."),
        ("You never send anything.", "Never send anything."),
    ],
)
def test_a_prohibition_about_the_assistant_in_the_third_person_reads_as_an_order(clause: str, rule: str) -> None:
    assert [found.text for found in find_prohibitions(clause)] == [rule]


def test_the_same_subject_carries_to_a_second_never() -> None:
    found = find_prohibitions("It never discusses prices and never pushes upgrades.")
    assert [f.text for f in found] == ["Never discuss prices.", "Never push upgrades."]


_TASK = (
    "Build an assistant that drafts replies to customer emails for our bakery. It never sends anything. "
    "24-hour times. British spelling. Two vets, small practice. "
    "Members paste a recipe from a book or forum (any units, any batch size). "
    "Tables: sales(id, sold_at, qty), products(id, name)."
)


def _rules_and_context(task: str) -> tuple[str, list[str]]:
    result = generate(Brief(task=task))
    return result.prompt, result.spec.context


@pytest.mark.parametrize("line", ["24-hour times.", "British spelling."])
def test_a_verbless_spec_line_is_a_rule(line: str) -> None:
    prompt, context = _rules_and_context(_TASK)
    assert line in prompt
    assert f"From the brief: {line}" not in context


@pytest.mark.parametrize(
    "line",
    [
        "Two vets, small practice.",
        "Members paste a recipe from a book or forum (any units, any batch size).",
        "Tables: sales(id, sold_at, qty), products(id, name).",
    ],
)
def test_a_statement_or_material_line_stays_context(line: str) -> None:
    _, context = _rules_and_context(_TASK)
    assert f"From the brief: {line}" in context


def test_a_label_line_with_a_limit_is_a_rule() -> None:
    prompt, context = _rules_and_context(
        'Write replies to guest reviews for our B&B. Drafts: 120 words max, warm but businesslike, signed "Imogen".'
    )
    assert not any(line.startswith("From the brief: Drafts:") for line in context)
    assert 'Drafts: 120 words max, warm but businesslike, signed "Imogen".' in prompt


def test_a_tone_word_paired_with_another_keeps_the_pair() -> None:
    prompt = generate(
        Brief(task="Draft replies to supplier emails for our shop. Keep it warm but businesslike.")
    ).prompt
    assert "Warm and personal" not in prompt
    assert "arm but businesslike" in prompt


def test_an_inbox_assistant_that_drafts_replies_writes_replies_not_meeting_notes() -> None:
    prompt = generate(
        Brief(
            task="I'd like an assistant that goes through the practice inbox each morning, drafts replies and books "
            "meetings. Meetings: 30 minutes, Tuesday to Friday only.",
            target="claude",
        )
    ).prompt
    assert "Action items" not in prompt
    assert '"Summary"' not in prompt
    assert "reply" in prompt.lower()
