"""A rubric pasted with lettered criteria is material that fills the rubric slot, and the brief's job stays a
grader's when the rubric's words are about spelling (round 17's review, new wording)."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.references import find_references


def test_a_rubric_about_spelling_does_not_make_a_grader_an_editor() -> None:
    task = (
        "Ich unterrichte Deutsch an einer Berufsschule. Ich möchte einen Korrektor, der die Bewerbungsschreiben "
        "meiner Klasse mit meinem Raster bewertet:\n\n"
        "RASTER\n"
        "A. Aufbau und Betreffzeile (0-4 Punkte)\n"
        "B. Rechtschreibung und Grammatik, bitte streng (0-4 Punkte)\n"
        "C. Stil, Ton und Überzeugungskraft gegenüber dem Betrieb (0-2 Punkte)\n"
        "Keine komplette Neufassung des Schreibens."
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "grader"
    assert "{{rubric}}" not in result.prompt
    assert "B. Rechtschreibung und Grammatik, bitte streng (0-4 Punkte)" in result.prompt


def test_lettered_criteria_under_a_capital_heading_are_material() -> None:
    task = (
        "Score each pitch deck with this.\n"
        "SCORING GRID\n"
        "a) Problem is specific and backed by data (0-3)\n"
        "b) Market size uses a bottom-up estimate (0-3)\n"
        "c) Ask and use of funds are stated (0-2)\n"
    )
    [reference] = find_references(task)
    assert reference.body.splitlines()[0] == "a) Problem is specific and backed by data (0-3)"
    assert len(reference.body.splitlines()) == 3
