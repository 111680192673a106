"""Round 52 language and rule reading: a translation into several languages names every target everywhere; "3
Punkte" in a marking job is a score, not a bullet limit; a purpose clause before "before" is no ordering."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.extract import extract_constraints
from app.engine.constraints.model import Constraint
from app.engine.generate import generate


def _all(task: str) -> list[Constraint]:
    return extract_constraints(Brief(task=task))


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


# ---- a translation into several languages names each target everywhere ----
@pytest.mark.parametrize(
    ("task", "targets"),
    [
        ("Translate each product text into German, French and Italian.", ["German", "French", "Italian"]),
        ("Traduce cada descripción al inglés y al francés.", ["English", "French"]),
        ("Übersetze jede Produktbeschreibung ins Englische und Französische.", ["English", "French"]),
        ("翻译成英文和日文。", ["English", "Japanese"]),
        ("Traduis chaque fiche produit en anglais, en allemand et en espagnol.", ["English", "German", "Spanish"]),
        ("Translate every support macro into Spanish and Portuguese, keep placeholders.", ["Spanish", "Portuguese"]),
    ],
)
def test_every_target_language_is_named_everywhere(task: str, targets: list[str]) -> None:
    prompt = _prompt(task)
    role = prompt.split("# Inputs")[0]
    reminder = prompt.split("# Reminder")[-1]
    why = [line for line in prompt.splitlines() if "Why: The brief asks for the translation" in line]
    for name in targets:
        assert name in role, (name, role)
        assert name in reminder, (name, reminder)
        assert why, prompt
        assert name in why[0], (name, why)
    assert f"a native {targets[0]} speaker" not in prompt
    assert "Always reply in" not in prompt


# ---- points awarded in a marking job are a score, not bullets ----
@pytest.mark.parametrize(
    "task",
    [
        "Beoordeel elk antwoord en ken max 3 punten toe per vraag.",
        "Grade each short answer and award 3 points maximum per question.",
        "Corrige les copies et attribue 3 points maximum par question.",
        "Assistant for teachers: mark each student answer, give up to 5 points per answer and explain the mark.",
    ],
)
def test_points_awarded_are_no_bullet_limit(task: str) -> None:
    limits = [c for c in _all(task) if c.kind == "limit" and c.unit in ("bullets", "items")]
    assert limits == [], limits
    assert "bullets" not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Write a summary of the meeting, 3 points maximum.",
        "Summarise each article for the newsletter in at most 4 bullet points.",
    ],
)
def test_points_of_a_list_stay_bullets(task: str) -> None:
    assert any(c.kind == "limit" and c.unit == "bullets" for c in _all(task))


# ---- a purpose clause before "before" is no ordering ----
@pytest.mark.parametrize(
    "task",
    [
        "Check the stock so you can answer before the customer leaves.",
        "Lies die Notiz, damit du antworten kannst, bevor der Kunde auflegt.",
        "Revisa el pedido para poder responder antes de que el cliente cuelgue.",
        "Read the ticket history in order to reply before the SLA runs out.",
    ],
)
def test_purpose_before_is_no_ordering(task: str) -> None:
    assert [c for c in _all(task) if c.kind == "ordering"] == []
    assert "Follow this order" not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Verify the customer before any refund.",
        "Prüfe die Identität des Kunden, bevor du eine Erstattung auslöst.",
        "Confirma el pedido antes de cobrar.",
    ],
)
def test_real_ordering_stays(task: str) -> None:
    assert any(c.kind == "ordering" for c in _all(task))
