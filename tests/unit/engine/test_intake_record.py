"""An assistant that questions a person one question at a time and then outputs a record is an intake conversation,
in any language: it asks first, and only its closing reply is the JSON record."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate

_BRIEFS = [
    (
        "en",
        "Pre-visit helper for Alder Vets. Ask the owner one question at a time (max 5 questions) about the pet's "
        "symptoms, how long, eating and drinking, and current medication, then output JSON with fields species, "
        "symptoms, duration, eating, medication for the vet.",
    ),
    (
        "es",
        "Asistente de admisión para la clínica Fisiomar. Haz una pregunta a la vez sobre la lesión, desde cuándo "
        "duele y si hay tratamiento previo. Al terminar, devuelve un JSON con los campos zona, inicio, dolor, "
        "tratamiento_previo.",
    ),
    (
        "de",
        "Für unsere Schadensmeldung bei der Kfz-Versicherung: stelle immer nur eine Frage auf einmal zu Unfallort, "
        "Datum und Beteiligten und gib am Ende JSON mit den Feldern ort, datum, beteiligte, verletzte aus.",
    ),
    (
        "ja",
        "来院前の問診アシスタント。患者に質問は一つずつして、症状・期間・服用中の薬を聞いてください。"
        "終わったら JSON で返す（フィールド: symptoms, duration, medications）。",
    ),
]


@pytest.mark.parametrize(("lang", "task"), _BRIEFS, ids=[lang for lang, _ in _BRIEFS])
def test_a_questioning_assistant_asks_first_and_records_last(lang: str, task: str) -> None:
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "general_assistant", lang
    prompt = result.prompt
    assert "Ask one question at a time" in prompt
    output = prompt.split("<output_format>")[1].split("</output_format>")[0]
    assert output.startswith("\nWhile you collect the details, reply in short plain turns with one question each.")
    assert "Return only valid JSON" not in output
    assert "You are a data extraction engine" not in prompt


def test_an_extractor_of_given_text_stays_an_extractor() -> None:
    task = (
        "Extract the patient's symptoms, duration and medications from the intake notes the nurse pastes, as JSON "
        "with fields symptoms, duration, medications."
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "data_extraction"
