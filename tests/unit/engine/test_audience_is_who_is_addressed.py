"""An audience is who the assistant talks to or writes for: not the object of a verb ("to list volunteers who are
free"), nor who an offer the brief mentions is for ("cursos para principiantes"), unless the assistant makes it."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints.people import find_audience


def _phrase(text: str) -> str | None:
    found = find_audience(text)
    return None if found is None else found.phrase


@pytest.mark.parametrize(
    "text",
    [
        "It can call find_cover(shift_id) to list volunteers who are free and trained for that shift.",
        "Use search_members(name) to find members who have not paid.",
        "The tool lets you rank candidates with the highest scores.",
        "Responde dudas sobre las salidas de campo y los cursos para principiantes.",
        "Beantworte Fragen zu Öffnungszeiten und Kursen für Anfänger.",
        "Réponds aux questions sur les horaires et les ateliers pour enfants.",
        "Answer questions about opening hours, parking and the free classes for seniors.",
        "We have discounts for students on Tuesdays.",
        "Tire dúvidas sobre horários e aulas para iniciantes.",
    ],
)
def test_no_audience(text: str) -> None:
    assert _phrase(text) is None


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Design a course for beginners who have never coded.", "beginners who have never coded"),
        ("Write the class newsletter for parents.", "parents"),
        ("An assistant to coach new managers.", "new managers"),
        ("A chatbot for beginners learning Spanish.", "beginners learning Spanish"),
        ("Ein Assistent für Anfänger.", "Anfänger"),
        ("Prepara una clase para principiantes sobre fotografía.", "principiantes"),
    ],
)
def test_audience(text: str, phrase: str) -> None:
    assert _phrase(text) == phrase


def test_a_member_helper_that_mentions_beginner_courses_writes_for_no_beginners() -> None:
    task = (
        "Asistente para la asociación de fotografía de Cuenca. Responde dudas sobre las salidas, las cuotas "
        "y los talleres para principiantes. Si no sabes algo, di que escriban a info@fotocuenca.es."
    )
    result = generate(Brief(task=task))
    assert not [c for c in result.constraints if c.kind == "audience"]
    assert "Write for principiantes" not in result.prompt
