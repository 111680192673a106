"""Checking an existing translation is a review job, not a translation job; a label set given as the values of a named
field ("Fehlerart ist genau eine von …") belongs to that field, not to a closing label line."""

from __future__ import annotations

import msgspec
import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints

QA = Brief(
    task=(
        "Wir sind ein Übersetzungsbüro in Stuttgart. Der Assistent ist unser QA-Schritt nach der Übersetzung: er "
        "bekommt den englischen Ausgangstext und die deutsche Übersetzung. Er soll prüfen: Sinnfehler, Zahlen, "
        "Glossar, ausgelassene Sätze."
    ),
    constraints=[
        "Sonst eine Markdown-Tabelle mit den Spalten Segment-ID | Fehlerart | Vorschlag.",
        "Fehlerart ist genau eine von BEDEUTUNG, ZAHL_EINHEIT, TERMINOLOGIE, AUSLASSUNG, STIL.",
    ],
)


@pytest.mark.parametrize(
    "task",
    [
        "Review our German translations against the English source and list every mistake with a fix.",
        "Check each translation our freelancers deliver before it goes to the client.",
        "Revisar la traducción al español de nuestros manuales y señalar los errores.",
    ],
)
def test_reviewing_a_translation_is_no_translation_job(task: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "You are a translation reviewer" in prompt
    assert "Return only the" not in prompt
    assert "translator's note" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "translate customer reviews from any language into English, keep the star rating",
        "We get hotel guest reviews in any language. Translate each one into English. If the review is already "
        "English, copy it unchanged on the Translation line.",
    ],
)
def test_translating_reviews_is_still_translation(task: str) -> None:
    assert "You are a professional translator" in generate(Brief(task=task, target="claude")).prompt


def test_qa_step_in_german_and_labels_of_a_named_column() -> None:
    labels = [c for c in extract_constraints(QA) if c.kind == "labels"]
    assert [(c.scope, c.values) for c in labels] == [
        ("Fehlerart", ["BEDEUTUNG", "ZAHL_EINHEIT", "TERMINOLOGIE", "AUSLASSUNG", "STIL"])
    ]
    prompt = generate(msgspec.structs.replace(QA, target="claude")).prompt
    assert "You are a translation reviewer" in prompt
    assert "Fehlerart is exactly one of: BEDEUTUNG" in prompt
    assert 'starts with "Label:"' not in prompt  # the values go in the Fehlerart column, not on a line of their own
