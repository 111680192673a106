"""The brief's own output format, kept verbatim: what was read from it is not said a second time, a sentence can
follow it, and a code review graded on the brief's severity scale has no separate "optional" grade for style."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_TABLE = (
    "ONLY a markdown table with columns File | Line | Severity | Comment. Severity is one of blocker, major, nit. "
    "Max 10 rows, most severe first. If there's nothing worth flagging, output exactly LGTM and nothing else."
)


def _prompt(task: str, output_format: str | None = None) -> str:
    return generate(Brief(task=task, output_format=output_format, target="claude")).prompt


def test_constraints_read_from_the_output_format_are_not_repeated() -> None:
    prompt = _prompt("Reviewer for PR diffs in our Django monolith. Do not praise the code.", _TABLE)
    assert _TABLE in prompt
    assert "Severity is exactly one of" not in prompt
    assert "Keep to at most 10 rows." not in prompt
    assert "Present the result as a table." not in prompt


def test_a_style_point_is_graded_on_the_brief_scale_not_marked_optional() -> None:
    prompt = _prompt("Reviewer for PR diffs in our Django monolith. Do not praise the code.", _TABLE)
    assert "Mark style preferences as optional." not in prompt


def test_without_a_severity_scale_style_preferences_stay_optional() -> None:
    prompt = _prompt("Review PR diffs in our Django monolith before they merge.")
    assert "Mark style preferences as optional." in prompt


def test_a_sentence_after_an_output_format_without_a_full_stop_starts_cleanly() -> None:
    prompt = _prompt("Write a care guide for our rescue dogs, between 150 and 250 words.", "plain text, no headings")
    assert "plain text, no headings." in prompt
    assert "no headings Keep" not in prompt
