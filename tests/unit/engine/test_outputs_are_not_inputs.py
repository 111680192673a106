"""An email the assistant writes is its output, never an input slot; "incl." and "e.g." end no sentence; "the summary
part" names the summary."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


@pytest.mark.parametrize(
    "task",
    [
        "Turn my messy meeting notes into a follow-up email to the client.",
        "Summarise the director's notes, then an email to the cast with next week's schedule.",
        "Read the transcript and draft a short email to the attendees with the action items.",
    ],
)
def test_an_email_the_assistant_writes_gets_no_email_input_slot(task: str) -> None:
    assert "{{email}}" not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Sort the emails in our support inbox into billing, bugs and other.",
        "Read the customer's email and suggest a reply.",
    ],
)
def test_an_email_the_assistant_reads_keeps_its_slot(task: str) -> None:
    prompt = _prompt(task)
    assert "{{email}}" in prompt or "{{ticket}}" in prompt or "{{message}}" in prompt


def test_incl_does_not_end_a_sentence() -> None:
    task = (
        "Write the weekly email to our choir. Never put anyone's phone number in it, it goes to the whole list "
        "incl. a few parents of the youth choir. Sign it off as Jo."
    )
    prompt = _prompt(task)
    assert "incl. a few parents of the youth choir" in prompt
    assert "whole list incl.\n" not in prompt


def test_the_summary_part_names_the_summary() -> None:
    task = (
        "Summarise the rehearsal notes for the cast, then write the schedule email. The email can be as long as it "
        "needs to be. The summary part has to be under 120 words."
    )
    limits = [(c.scope, c.maximum) for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]
    assert limits == [("the summary", 120)]
    assert "Keep the reply to at most 120 words" not in _prompt(task)
