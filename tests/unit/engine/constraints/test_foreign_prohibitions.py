"""Common prohibitions in Spanish, German, French and Portuguese become English imperatives."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.fidelity import check_fidelity


def prohibitions(task: str) -> list[str]:
    return [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "prohibition"]


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("Recepcionista virtual de un veterinario. Jamás des un diagnóstico.", "Never give diagnoses."),
        ("Asistente de una inmobiliaria, pero no menciones a la competencia.", "Do not mention competitors."),
        ("Kundenservice-Bot für einen Shop. Nenne niemals Preise.", "Never mention prices."),
        ("Bot für eine Arztpraxis, aber gib keine medizinische Beratung.", "Do not give medical advice."),
        ("Agent pour une banque. Ne partage jamais de données personnelles.", "Never share personal data."),
        ("Assistant d'un cabinet, mais ne donne pas d'avis juridique.", "Do not give legal advice."),
        (
            "Assistente de uma farmácia. Nunca indique dosagem de remédios.",
            "Never give prescriptions or medication doses.",
        ),
        ("Suporte da loja online. Não faça promessas sobre prazos.", "Do not make promises."),
    ],
)
def test_common_foreign_prohibitions_are_translated(task: str, expected: str) -> None:
    assert expected in prohibitions(task)


@pytest.mark.parametrize(
    ("task", "quoted"),
    [
        ("Asistente de cocina, pero nunca uses ajo en las recetas", "nunca uses ajo"),
        ("Reiseassistent, aber erwähne keine Nachtzüge.", "erwähne keine Nachtzüge"),
    ],
)
def test_unknown_objects_stay_quoted_without_the_conjunction(task: str, quoted: str) -> None:
    (text,) = prohibitions(task)
    assert text.startswith("Follow this prohibition from the brief:")
    assert quoted in text
    assert '"pero' not in text
    assert '"aber' not in text


def test_translated_prohibition_is_carried_by_an_english_prompt() -> None:
    constraints = extract_constraints(Brief(task="Asistente de una clínica. Nunca des diagnósticos."))
    prohibition = [c for c in constraints if c.kind == "prohibition"]
    english = "You are the clinic's assistant. Never give diagnoses; suggest seeing a dentist instead."
    assert check_fidelity(prohibition, english) == []
    assert check_fidelity(prohibition, "You are the clinic's assistant. Be kind.") != []
