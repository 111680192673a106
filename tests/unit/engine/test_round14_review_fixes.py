"""Fixes after the round 14 review: JSON null is no label, table columns are no label set, "when in doubt: X" and a
stated score for a missing point replace the defaults that decide those cases otherwise."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def test_json_null_in_a_value_list_is_no_label() -> None:
    task = 'Turn each message into JSON exactly like this: {"part": "", "side": "left|right|null"}. Output JSON only.'
    labels = [c for c in extract_constraints(Brief(task=task)) if c.kind == "labels"]
    assert [c.values for c in labels] == [["left", "right"]]
    prompt = _prompt(task)
    assert '"enum": ["left", "right", null]' in prompt
    assert '"enum": ["left", "right", "null"]' not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Pour une comparaison, réponds avec un tableau markdown (colonnes : Acte | Sécu | Mutuelle | Reste à charge).",
        "Bei Fehlern antworte mit einer Tabelle, Spalten: Segment-ID | Fehlerart | Ausgangstext | Vorschlag.",
        "Answer with a table (columns: Date | Amount | Payee) when they ask for a statement.",
    ],
)
def test_table_columns_are_no_label_set(task: str) -> None:
    assert not any(c.kind == "labels" for c in extract_constraints(Brief(task=task)))
    assert "label" not in _prompt(task).lower()


@pytest.mark.parametrize("doubt", ["Bij twijfel: REVIEW.", "When in doubt, pick REVIEW.", "Im Zweifel: REVIEW."])
def test_when_in_doubt_replaces_the_default_tie_break(doubt: str) -> None:
    prompt = _prompt(f"Classify each listing as OK, SPAM or REVIEW. {doubt}")
    assert "fit equally well" not in prompt
    assert "fits the main point best" not in prompt.split("If you are unsure", 1)[-1].split("\n", 1)[0]


def test_a_classifier_without_its_own_doubt_rule_keeps_the_tie_break() -> None:
    assert "fit equally well" in _prompt("Classify each listing as OK, SPAM or REVIEW.")


def test_a_stated_score_for_a_missing_point_replaces_not_assessable() -> None:
    task = (
        "Mark my apprentices' answers against the mark scheme below. Be strict: if they don't mention re-proving, "
        "that row gets 0."
    )
    assert "not assessable" not in _prompt(task)
    assert "not assessable" in _prompt("Mark my apprentices' answers against the mark scheme below.")
