"""A label set is the whole reply only when the brief says so; in a blend it is one part of the reply."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import Constraint, extract_constraints


def labels_of(task: str, *constraints: str) -> Constraint:
    found = extract_constraints(Brief(task=task, constraints=list(constraints)))
    return next(c for c in found if c.kind == "labels")


@pytest.mark.parametrize(
    ("task", "text"),
    [
        (
            "Condense each support email into 3 bullets and add a priority tag (low/medium/high).",
            "Assign exactly one priority label: low, medium or high.",
        ),
        (
            "Answer questions about our API, then label the question's topic as auth, billing or limits.",
            "Assign exactly one label: auth, billing or limits.",
        ),
        (
            "Translate the review to English and mark its tone as angry, calm or happy",
            "Assign exactly one label: angry, calm or happy.",
        ),
    ],
)
def test_label_in_a_blend_is_scoped(task: str, text: str) -> None:
    found = labels_of(task)
    assert found.text == text
    assert found.scope is not None


def test_label_beside_a_schema_is_scoped() -> None:
    found = labels_of('Sort bug reports as crash, ui or perf. Output {"label": ..., "reason": ...}')
    assert found.text == "Assign exactly one label: crash, ui or perf."


@pytest.mark.parametrize(
    ("task", "constraints"),
    [
        ("Classify each tweet as positive, negative or neutral.", ()),
        ("Sortiere E-Mails als Rechnung, Versand oder Sonstiges ein.", ("Antworte nur mit dem Label.",)),
        ("Clasifica cada reseña como buena, regular o mala.", ("Responde solo con la etiqueta.",)),
        ("Summarise the thread? No: only tag it as urgent or later.", ("Reply only with the label.",)),
    ],
)
def test_label_only_reply_stays_whole(task: str, constraints: tuple[str, ...]) -> None:
    found = labels_of(task, *constraints)
    assert found.text.startswith("Reply with exactly one of these labels")
    assert found.scope is None


@pytest.mark.parametrize(
    "sentence",
    ["Antworte nur mit dem Label.", "Réponds uniquement avec l’étiquette.", "Responde únicamente con la etiqueta."],
)
def test_label_only_in_other_languages_is_a_format(sentence: str) -> None:
    found = extract_constraints(Brief(task="Classify tickets into billing, tech or other.", constraints=[sentence]))
    assert [c.value for c in found if c.kind == "format"] == ["label"]
