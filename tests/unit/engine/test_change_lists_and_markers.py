"""A limit in brackets after a part limits that part ("a short list of what you changed (max 5 bullets)"), "plain
text" is a format and no "plain version", a marker the brief tells the model to write ("put [NEED DATA]") is no
leftover template text, and tightening grant sections is an editor's job."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints
from app.engine.lint import lint_prompt

GRANTS = (
    "You're a writing assistant for our nonprofit's grant team (Riverbend Literacy Project). Help us tighten grant "
    "narrative sections. Don't invent statistics or outcomes; if a claim needs a number we don't have, put [NEED "
    "DATA]. Use plain English, active voice. Return the revised section, then a short list of what you changed (max 5 "
    "bullets)."
)


def _limits(task: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.scope) for c in read_constraints(Brief(task=task)) if c.kind == "limit"]


@pytest.mark.parametrize(
    "task",
    [
        "Return the revised section, then a short list of what you changed (max 5 bullets).",
        "Return the revised text, then a list of changes (max 5 bullets).",
    ],
)
def test_a_bracketed_limit_after_the_change_list_limits_the_list(task: str) -> None:
    assert _limits(task) == [("Keep the change list to at most 5 bullets.", "the change list")]


@pytest.mark.parametrize(
    "task",
    [
        "Answer in plain text, max 80 words.",
        "Answer in plain text (max 80 words).",
        "Plain text only, max 80 words.",
    ],
)
def test_plain_text_is_no_plain_version(task: str) -> None:
    assert _limits(task) == [("Keep the reply to at most 80 words.", None)]


def test_a_short_version_is_still_a_version() -> None:
    assert _limits("Give a short version (max 20 words) and a long version.")[0][1] == "the short version"


def test_a_marker_to_write_is_no_leftover() -> None:
    report = lint_prompt("Never invent numbers; if a claim needs a number we do not have, put [NEED DATA].")
    assert not [f for f in report.findings if f.rule_id == "VAR-05"]
    report = lint_prompt("Mark it [CHECK] when you are unsure of a date.")
    assert not [f for f in report.findings if f.rule_id == "VAR-05"]


def test_a_fill_in_slot_is_still_a_leftover() -> None:
    report = lint_prompt("Write a bio for [your name here] in 100 words.")
    assert [f for f in report.findings if f.rule_id == "VAR-05"]


def test_tightening_grant_sections_is_editing() -> None:
    result = generate(Brief(task=GRANTS, target="claude"))
    assert result.archetypes[0].id == "writing_editor"
    assert "Keep the reply to at most 5 bullets" not in result.prompt
    assert not [f for f in result.lint.findings if f.rule_id == "VAR-05"]


def test_the_requesters_team_is_the_team_in_the_role() -> None:
    prompt = generate(Brief(task=GRANTS, target="claude")).prompt
    assert "You are a writing assistant for the nonprofit's grant team" in prompt
