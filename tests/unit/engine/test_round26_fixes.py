"""Fixes from sealed round 26 (bench/eval/fresh/round26-review.md), tested on briefs written for these tests."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import classify_brief, read_constraints


def primary(task: str) -> str:
    brief = Brief(task=task)
    return classify_brief(brief, read_constraints(brief))[0].id


@pytest.mark.parametrize(
    "task",
    [
        "our scout troop wants a knot helper the cubs can use at home. ages 8 to 10.\n"
        "- teach, don't tie it for them: never give the full steps straight away\n- max 3 sentences per message",
        "the youth orchestra wants a theory helper for its juniors, ages 9-12.\n"
        "- coach, don't answer for them: never name the chord straight away, give a hint first\n- short messages",
    ],
)
def test_an_instruction_before_a_negation_still_names_the_job(task: str) -> None:
    """'Teach, don't …' opens a prohibition: blanking the whole sentence hid the only word naming the job."""
    assert primary(task) == "tutor"


def test_a_scope_before_a_negation_stays_blanked() -> None:
    """'En el resumen no …': the words before the negation are the prohibition's scope, not a job."""
    task = (
        "Convierte cada mensaje del formulario en una ficha JSON: "
        '{"tipo": "A | B | OTRO", "urgente": true/false, "notas": "texto"}. '
        "En el resumen no pongas nombres ni teléfonos."
    )
    assert primary(task) != "summarization"


@pytest.mark.parametrize(
    "task",
    [
        "Le modèle reçoit des fiches produit en anglais et rend des fiches en français, même structure.",
        "Pasa las fichas de producto del inglés al español, sin cambiar los códigos.",
        "Il bot porta i comunicati dall'inglese all'italiano, tono formale.",
        "Der Bot bringt Pressemitteilungen vom Deutschen ins Englische, Zahlen unverändert.",
        "O assistente passa os avisos do inglês para o português, sem mudar os códigos.",
        "De assistent zet klantmails van het Engels naar het Nederlands, zonder iets toe te voegen.",
    ],
)
def test_a_language_pair_written_in_another_language_is_translation(task: str) -> None:
    assert primary(task) == "translation"


@pytest.mark.parametrize(
    "task",
    [
        "Chat assistant on the clinic tablets that answers questions about wound care using ONLY our "
        '"Caring For Your Stitches" booklet, which I\'ll paste in. Short sentences, max 3 per answer.',
        "Visitor helper for the castle: answers questions using only the guidebook we upload. "
        "If something is not in the guidebook, say so.",
        "Assistente per il sito del negozio: risponde alle domande dei clienti sui prodotti usando solo le schede e "
        "i fogli illustrativi che carichiamo.",
    ],
)
def test_answers_from_a_booklet_or_leaflet_are_document_qa(task: str) -> None:
    assert primary(task) == "document_qa"
