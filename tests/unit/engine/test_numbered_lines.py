"""A reply the brief lays out line by line ("- line 1: Sentiment: …", "- line 3: summary, 40 words max") is that
layout: stated once in the output format, its label sets and limits bound to their lines, and its line names no job
(round 30: r30-11 became a one-label classifier)."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate

CRM_NOTE = (
    "summarise support calls for Brightwater Boilers into the CRM notes field (plain text only)\n"
    "- line 1: Mood: happy / neutral / angry\n"
    "- line 2: Product: COMBI, SYSTEM, HEAT_PUMP\n"
    "- line 3: summary, 30 words max\n"
    '- line 4: Follow-up: who + what + when (or "Follow-up: none")\n'
    "never include the caller's phone number."
)


@pytest.mark.parametrize("target", ["claude", "gpt"])
def test_numbered_lines_are_the_reply(target: str) -> None:
    result = generate(Brief(task=CRM_NOTE, target=target))
    assert "Exactly 4 lines, in this order:\nLine 1: Mood: happy / neutral / angry" in result.prompt
    assert 'Line 4: Follow-up: who + what + when (or "Follow-up: none")' in result.prompt
    assert result.prompt.count("COMBI, SYSTEM, HEAT_PUMP") == 1
    assert "Return exactly one label" not in result.prompt
    assert 'starts with "Label:"' not in result.prompt


def test_a_line_limit_bounds_its_line() -> None:
    result = generate(Brief(task=CRM_NOTE, target="claude"))
    limits = [c for c in result.constraints if c.kind == "limit"]
    assert [(c.maximum, c.scope) for c in limits] == [(30, "line 3")]
    assert not [f for f in result.lint.findings if f.category == "fidelity"]


def test_line_names_are_no_job() -> None:
    result = generate(Brief(task=CRM_NOTE, target="claude"))
    assert result.archetypes[0].id == "summarization"
