"""Extraction briefs written in German, Spanish or French: the job is extraction, every listed field is kept, a field's
own value set is its enum (no label rule for the reply), "(true/false)" is a boolean, "one object per …" an array,
and a rule about changing a value is never turned into "do not give" it."""

from __future__ import annotations

from typing import Any

import pytest

from app.engine import Brief, generate
from app.engine.constraints import structure
from app.engine.constraints.foreign_rules import translate_prohibition

LAB_REPORTS = (
    "Wir sind ein Labor in Jena. Aus den Befundberichten sollen die Messwerte herausgezogen werden, damit unser "
    "Team sie ins LIMS übernehmen kann.\n"
    "Ausgabe: nur ein JSON-Array, ein Objekt pro Messwert mit genau diesen Feldern: parameter, wert, einheit, "
    'referenz (z. B. "3.5-5.1"), auffaellig (true/false), bewertung, kommentar. bewertung ist einer von "normal", '
    '"erhoeht", "erniedrigt".\n'
    "- Keine Werte umrechnen oder runden.\n"
    "- Fehlende Werte = null."
)


def _result(task: str) -> Any:
    return generate(Brief(task=task, target="claude"))


def test_a_german_extraction_brief_is_an_extraction_job() -> None:
    assert _result(LAB_REPORTS).archetypes[0].id == "data_extraction"


def test_an_abbreviation_inside_a_field_list_does_not_end_it() -> None:
    found = structure.find_fields(
        'mit genau diesen Feldern: parameter, wert, referenz (z. B. "3.5-5.1"), auffaellig, kommentar.'
    )
    assert found is not None
    assert found.values == ["parameter", "wert", "referenz", "auffaellig", "kommentar"]


def test_a_fields_value_set_is_its_enum_and_no_label_rule() -> None:
    result = _result(LAB_REPORTS)
    schema = result.spec.output_format.json_schema
    assert schema is not None
    assert schema["type"] == "array"  # "ein Objekt pro Messwert"
    properties = schema["items"]["properties"]
    assert properties["bewertung"]["enum"] == ["normal", "erhoeht", "erniedrigt", None]
    assert properties["auffaellig"]["type"] == ["boolean", "null"]
    assert "Choose exactly one label" not in result.prompt


@pytest.mark.parametrize(
    "task",
    [
        "Extrae de cada factura los datos: proveedor, fecha, total. Devuelve un objeto por factura en JSON.",
        "Extract vendor, date and total from each receipt. Return JSON, one object per receipt.",
    ],
)
def test_one_object_per_item_is_an_array(task: str) -> None:
    schema = _result(task).spec.output_format.json_schema
    assert schema is not None
    assert schema["type"] == "array"


@pytest.mark.parametrize(
    "words",
    [
        "Keine Dosis ergänzen, umrechnen oder korrigieren",
        "No cambies la dosis",
        "ne convertis pas les prix",
        # alternatives, one of them with an object the table does not know: "Do not promise discounts." would drop it
        "no inventes otros ni prometas descuentos",
    ],
)
def test_a_rule_about_changing_a_value_is_not_translated_into_not_giving_it(words: str) -> None:
    assert translate_prohibition(words) is None


@pytest.mark.parametrize(
    ("words", "english"),
    [
        ("nunca peça a senha completa do cliente", "Never ask for passwords."),
        ("no prometas descuentos", "Do not promise discounts."),
    ],
)
def test_other_prohibitions_still_translate(words: str, english: str) -> None:
    assert translate_prohibition(words) == english


def test_a_forbidden_reply_is_no_reply_to_write() -> None:
    result = _result(
        "Sort each tenant enquiry into exactly one area: repairs, rent, noise, other. Output JSON only, like "
        '{"area": "repairs", "summary": "one sentence"}. This is internal triage only. Never draft a reply to the '
        "person."
    )
    assert "Draft replies for the user to send" not in result.prompt
    assert result.archetypes[0].id == "classification"


def test_a_label_set_fills_the_schema_key_it_names() -> None:
    result = _result(
        "Sort each tenant enquiry into exactly one area: repairs, rent, noise, other. Output JSON only, like "
        '{"area": "repairs", "summary": "one sentence"}.'
    )
    schema = result.spec.output_format.json_schema
    assert schema is not None
    assert schema["properties"]["area"]["enum"] == ["repairs", "rent", "noise", "other"]
    assert "enum" not in schema["properties"]["summary"]
