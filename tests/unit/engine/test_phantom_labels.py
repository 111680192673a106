"""A label set is read only from a set the reply must name: not from ages, score templates, contact channels,
output formats or choices the user makes; real sets (PASS or FAIL, answer letters) are still read."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints.labels import find_labels


def _values(text: str) -> list[str] | None:
    found = find_labels(text)
    return None if found is None else found.values


@pytest.mark.parametrize(
    "text",
    [
        "Story helper for my nephews (they're 7 and 10), keep it gentle.",
        "Los niños tienen 8 y 9 años, así que usa frases cortas.",
        "Die Kinder sind 6 oder 7 Jahre alt.",
        "Write every verdict as Rating: x/5 then one line on why.",
        "Give each pitch a score from 1 to 5 and one sentence on why.",
        "Show it like Score: n/20 - then the comments.",
        "Customers reach us either by phone or through the app.",
        "Ask whether they would like a callback either by email or text.",
        "Customers can pick small, medium or large.",
        "Let the player choose one of these classes: warrior, mage or rogue.",
        "Ask the user to pick one of: beginner, intermediate, advanced.",
        "The student chooses a level (easy/medium/hard) and you set the questions.",
        "El usuario elige una de estas opciones: básico, estándar o premium.",
        "Der Kunde wählt eine der folgenden Größen: klein, mittel, groß.",
        "Return JSON or CSV.",
        "Output one of: json, csv, xml.",
    ],
)
def test_no_label_set_where_the_reply_names_none(text: str) -> None:
    assert _values(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Classify each message as spam, ham or unsure.", ["spam", "ham", "unsure"]),
        ("Reply with one of: A, B, C.", ["A", "B", "C"]),
        ("Answer with A, B, C or D only.", ["A", "B", "C", "D"]),
        ("Grade the essay PASS or FAIL.", ["PASS", "FAIL"]),
        ("For each answer give a mark out of 20 and PASS or FAIL.", ["PASS", "FAIL"]),
        ("Mark each one SAFE or UNSAFE and explain in one sentence.", ["SAFE", "UNSAFE"]),
        ("Mark each answer as correct or wrong and then explain why in a line.", ["correct", "wrong"]),
        ("Reply either yes or no.", ["yes", "no"]),
        ("Mark it either approved or rejected.", ["approved", "rejected"]),
        ("Rate the urgency 1, 2 or 3.", ["1", "2", "3"]),
        ("Assign each account one of: Tier 1, Tier 2 or Tier 3.", ["Tier 1", "Tier 2", "Tier 3"]),
        ("Triage each ticket: P1, P2 or P3.", ["P1", "P2", "P3"]),
        ("The status is one of open, pending, closed.", ["open", "pending", "closed"]),
        ("Clasifica cada mensaje como queja, duda o elogio.", ["queja", "duda", "elogio"]),
        (
            "Classify the call as EMERGENCY, URGENT (same day), or ROUTINE and say why.",
            ["EMERGENCY", "URGENT", "ROUTINE"],
        ),
    ],
)
def test_real_label_sets_are_read(text: str, expected: list[str]) -> None:
    assert _values(text) == expected


def test_a_negated_list_of_statements_is_no_verdict() -> None:
    assert _values("Grade the queries, but never run INSERT, UPDATE or DELETE.") is None


@pytest.mark.parametrize(
    "task",
    [
        "Reading buddy for my class (they're 8 and 9). Ask one question at a time about the story.",
        "Support chat for our ISP. Customers reach us either by phone or through the app. Be brief.",
        "Booking helper for our climbing gym. Visitors choose one of: taster, half day or full day sessions.",
    ],
)
def test_generated_prompt_has_no_phantom_label_rule(task: str) -> None:
    result = generate(Brief(task=task))
    assert not [c for c in result.constraints if c.kind == "labels"]
    assert "exactly one of these labels" not in result.prompt


def test_verdict_beside_a_score_becomes_the_label_set() -> None:
    result = generate(
        Brief(
            task="Mark practice answers for our first-aid quiz. For each answer give a score out of 10 and PASS or "
            "FAIL (PASS is 6 or more). Lay it out as: Score: n/10 - PASS or FAIL, then Feedback:."
        )
    )
    sets = [c.values for c in result.constraints if c.kind == "labels"]
    assert sets == [["PASS", "FAIL"]]
