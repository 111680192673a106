"""Fixes after reading round 18's review (judged before them), on new wording: ages that are not the reader's,
adults named as the readers, a table under a capital heading, abbreviations
with full stops, "the language they write in" and "answer only from this text" in other languages."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import Constraint, extract_constraints
from app.engine.generate import read_constraints
from app.engine.job_choice import classify_brief
from app.engine.references import find_references


def _kinds(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


def test_a_range_of_words_is_no_age() -> None:
    assert _kinds("Comentarios breves. Entre 30 y 60 palabras por comentario.", "audience") == []
    [audience] = _kinds("Un tutor para niños de entre 8 y 10 años.", "audience")
    assert (audience.minimum, audience.maximum) == (8, 10)


def test_a_companion_or_a_case_is_no_audience() -> None:
    assert _kinds("If the caller is flying with a baby under 1, tell them to ring the clinic.", "audience") == []
    assert _kinds("Answer questions. Anyone travelling with their kids aged 3-5 should book early.", "audience") == []


@pytest.mark.parametrize(
    "task",
    [
        "Un assistant pour nos apprenants. Ce sont des adultes débutants en lecture; ne jamais les traiter comme des "
        "enfants.",
        "Convierte mis notas sobre los alumnos en un comentario para las familias. Nunca menciones diagnósticos ni "
        "informes médicos.",
    ],
)
def test_no_children_or_medical_pack_where_the_brief_rules_them_out(task: str) -> None:
    result = generate(Brief(task=task, target="claude"))
    assert "The readers are children" not in result.prompt
    assert "chest pain" not in result.prompt


def test_table_rows_under_a_capital_heading_are_material() -> None:
    task = (
        "Answer questions using only the table below.\n\n"
        "OPENING TIMES\n"
        "Site | Weekdays | Saturday\n"
        "Northgate | 8:00-18:00 | 9:00-13:00\n"
        "Riverside | 7:30-20:00 | closed\n"
    )
    [reference] = find_references(task)
    assert reference.title == "Opening Times"
    assert reference.body.splitlines()[-1] == "Riverside | 7:30-20:00 | closed"


def test_abbreviations_with_full_stops_end_no_sentence() -> None:
    result = generate(
        Brief(task="Soy técnica de RR. HH. en Grupo Ondara. Quiero un asistente para la plantilla.", target="claude")
    )
    assert "HH." not in [line.split(". ", 1)[-1] for line in result.prompt.splitlines()]
    assert "\n- From the brief, in Spanish: HH." not in result.prompt


def test_the_language_they_write_in_is_mirrored_in_spanish() -> None:
    [language] = _kinds("Responde siempre en el idioma en que te escriban (español o inglés).", "language")
    assert language.code is None


def test_answering_only_from_a_text_is_question_answering() -> None:
    brief = Brief(task="Quiero un asistente que conteste solo con lo que pone este resumen del reglamento del club.")
    assert classify_brief(brief, read_constraints(brief))[0].id in ("document_qa", "customer_support")
    routing = Brief(task="Clasifica los correos en VENTAS, SOPORTE u OTRO. Responde solo con la categoría.")
    assert classify_brief(routing, read_constraints(routing))[0].id == "classification"


def test_a_positive_instruction_after_a_no_list_is_not_forbidden() -> None:
    from app.engine.constraints.prohibitions import find_prohibitions

    assert [f.text for f in find_prohibitions("max 80 words, no bullet points, speak like a neighbour")] == [
        "Avoid bullet points."
    ]


def test_nothing_as_a_subject_and_items_held_until_then_are_no_bans() -> None:
    from app.engine.constraints.prohibitions import find_prohibitions

    assert find_prohibitions("Nothing gets booked until check_slot confirms the time.") == []
    assert find_prohibitions("No prices, no dates, nothing until that.") == []
    assert [f.text for f in find_prohibitions("No prices, no dates.")] == ["Avoid prices.", "Avoid dates."]
