"""An order right after the requester's introduction is the job; a text to send is a writing task."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_GROOMER = (
    "I run a dog grooming salon. Write the reminder texts we send clients the day before their appointment: "
    "under 160 characters, friendly, include the time and the pet's name."
)


def test_the_order_after_the_introduction_is_the_job() -> None:
    result = generate(Brief(task=_GROOMER, target="claude"))
    assert "write the reminder texts we send clients" in result.spec.role + result.spec.objective
    assert "From the brief: I run a dog grooming salon." in result.spec.context


def test_the_blanked_limits_leave_no_stacked_punctuation() -> None:
    assert ":,," not in generate(Brief(task=_GROOMER, target="claude")).prompt


def test_a_text_sent_to_clients_is_a_writing_task_not_a_chat() -> None:
    prompt = generate(Brief(task=_GROOMER, target="claude")).prompt
    assert "Plain prose; use a numbered list for steps" not in prompt
    assert "a direct, accurate answer, or one clarifying question" not in prompt
    assert "The finished text, ready to use" in prompt


def test_an_assistant_that_talks_with_clients_is_no_writing_task() -> None:
    prompt = generate(
        Brief(task="Write answers for clients who ask about our grooming prices.", target="claude")
    ).prompt
    assert "The finished text, ready to use" not in prompt
