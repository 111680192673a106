"""Scope restrictions written as fragments become requirements; compact age ranges become audiences."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints


def texts(task: str, kind: str) -> list[str]:
    return [c.text for c in extract_constraints(Brief(task=task)) if c.kind == kind]


@pytest.mark.parametrize(
    ("task", "rule"),
    [
        ("study buddy for year 9, algebra only, be patient", "Only help with algebra."),
        ("Bash helper; only read-only commands, explain flags briefly", "Write only read-only commands."),
        ("Support bot for our CRM. Billing questions only.", "Only answer Billing questions."),
        ("Chemistry tutor, only stoichiometry problems", "Only answer stoichiometry problems."),
        ("Postgres assistant: only SELECT statements", "Write only SELECT statements."),
    ],
)
def test_scope_fragment_is_a_requirement(task: str, rule: str) -> None:
    assert rule in texts(task, "requirement")


@pytest.mark.parametrize(
    "task",
    ["Reply in JSON only.", "English only, please.", "Return the label only.", "Summarise the call, 3 bullets only."],
)
def test_format_language_and_count_fragments_are_not_topics(task: str) -> None:
    assert not [t for t in texts(task, "requirement") if t.startswith(("Only help", "Only answer", "Write only"))]


@pytest.mark.parametrize(
    ("task", "bounds"),
    [
        ("spelling coach for 7-9 year olds", (7, 9)),
        ("storytime bot for kids (ages 4-6)", (4, 6)),
        ("Quiz para niños de 9 a 12 años", (9, 12)),
        ("Vokabeltrainer für Kinder von 10 bis 12", (10, 12)),
        ("Aide aux devoirs pour enfants de 8 à 11 ans", (8, 11)),
        ("career chatbot for teens (14-18)", (14, 18)),
    ],
)
def test_compact_age_ranges_are_read(task: str, bounds: tuple[int, int]) -> None:
    found = [c for c in extract_constraints(Brief(task=task)) if c.kind == "audience"]
    assert [(c.minimum, c.maximum) for c in found] == [bounds]
