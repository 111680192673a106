"""A brief that wants an update e-mail written from each transcript ("From each transcript I need: A) a client update
email …") is an e-mail drafting job, fed by the transcript; its "No subject line" and fixed sign-off win over the
drafting defaults, and an example that breaks them is left out."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.example_checks import fits
from app.engine.examples import ExampleInputs
from app.engine.generate import generate
from app.engine.spec import Example, OutputFormat

_BRIEF = (
    "two jobs in one prompt pls. I run Hollin Roofing (Sheffield).\n"
    "Crew leads send me voice note transcripts after each job.\n"
    "From each transcript I need:\n\n"
    "A) a customer update email. Start with 'Hi' and the customer's first name. Max 120 words.\n"
    "Sign off exactly: All the best, Hollin Roofing\n"
    "No subject line, no bullet points.\n\n"
    "B) under the email one internal line: JOB | ref | done | next\n"
)


def test_the_job_is_drafting_the_email_from_the_transcript() -> None:
    result = generate(Brief(task=_BRIEF, target="claude"))
    assert result.archetypes[0].id == "meeting_email_assistant"
    assert "drafts emails" in result.prompt
    assert "{{transcript}}" in result.prompt
    assert "{{notes}}" not in result.prompt


def test_no_subject_line_drops_the_default_subject_and_its_example() -> None:
    prompt = generate(Brief(task=_BRIEF, target="claude")).prompt
    assert 'A "Subject:" line' not in prompt
    assert "Subject:" not in prompt
    assert "All the best, Hollin Roofing" in prompt


def _inputs(task: str) -> ExampleInputs:
    prose = OutputFormat(kind="prose", description="")
    return ExampleInputs(kind="prose", task=task, own=(), output=prose, output_is_default=True)


def test_an_example_must_carry_the_fixed_sign_off() -> None:
    inputs = _inputs('Draft thank-you emails. Sign off as "The Northwind team".')
    signed = Example(input="Notes: thanks Ana.", output="Hi Ana,\n\nThank you.\n\nThe Northwind team")
    unsigned = Example(input="Notes: thanks Ana.", output="Hi Ana,\n\nThank you.\n\nBest, Sam")
    assert fits(signed, inputs)
    assert not fits(unsigned, inputs)
    casual = _inputs("Draft replies in my voice, no sign-off fluff.")
    assert fits(unsigned, casual)
