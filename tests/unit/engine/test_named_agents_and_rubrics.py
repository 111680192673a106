"""A brief that asks for someone by their job's name ("un correcteur qui évalue…") names its job, and a rubric
pasted with lettered criteria is material that fills the rubric slot (round 17's review, new wording)."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.classifier.named_agent import named_agent
from app.engine.references import find_references


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Je veux un correcteur qui évalue les rédactions de mes élèves.", "grader"),
        ("Necesitamos un evaluador estricto para los informes de laboratorio.", "grader"),
        ("We need a fair but strict grader for lab reports.", "grader"),
        ("Ich brauche einen Übersetzer für unsere Produkttexte.", "translation"),
        ("Cerco un tutor paziente per mio figlio.", "tutor"),
        ("I want a proofreader for our newsletter.", "writing_editor"),
        ("Necesito un corrector de estilo para mis textos.", "writing_editor"),
        ("We want a moderator for the comments under our videos.", "content_moderation"),
    ],
)
def test_an_agent_noun_asked_for_names_the_job(sentence: str, expected: str) -> None:
    assert named_agent(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "I'm a translator and need an assistant that summarises contracts.",
        "Je suis traductrice, il me faut un assistant pour mes factures.",
        "Help students, not as a grader but as a coach.",
        "Write the marker colour on each line.",
    ],
)
def test_a_requester_or_a_refusal_names_no_job(sentence: str) -> None:
    assert named_agent(sentence) is None


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
