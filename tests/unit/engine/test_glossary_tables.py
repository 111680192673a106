"""A glossary of terms and definitions picked out of a manual, as a table, in the brief's language."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.constraints.structure import find_fields
from app.engine.generate import generate

_GLOSARIO = (
    "En la Cooperativa Olivarera (Cabra, Córdoba) estamos formando a temporeros nuevos para la almazara. Tenemos el "
    "manual técnico de la maquinaria (lo pego entero) y quiero un asistente que saque de ahí un glosario.\n\n"
    "Lo que necesito:\n- Una tabla con tres columnas: Término | Definición | Página\n"
    "- Definición: máximo 20 palabras, con palabras sencillas.\n- Orden alfabético, máximo 40 términos."
)


def test_a_glossary_of_definitions_is_an_extraction_into_a_table() -> None:
    result = generate(Brief(task=_GLOSARIO, target="claude"))
    assert result.archetypes[0].id == "data_extraction"
    assert "JSON" not in result.prompt
    assert "table" in result.spec.objective


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Una tabla con tres columnas: Término | Definición | Página", ["Término", "Definición", "Página"]),
        ("A table with three columns: Term | Definition | Page", ["Term", "Definition", "Page"]),
    ],
)
def test_columns_separated_by_bars_are_the_fields(text: str, fields: list[str]) -> None:
    found = find_fields(text)
    assert found is not None
    assert found.values == fields


def test_a_table_and_a_term_count_are_read_in_spanish() -> None:
    found = extract_constraints(Brief(task=_GLOSARIO))
    assert any(c.kind == "format" and c.value == "table" for c in found)
    assert any(c.kind == "limit" and c.unit == "items" and c.maximum == 40 for c in found)


def test_a_where_and_who_introduction_is_not_the_job() -> None:
    result = generate(Brief(task=_GLOSARIO, target="claude"))
    assert "quiero un asistente que saque de ahí un glosario" in result.spec.context[0]


def test_a_record_with_one_labelled_column_stays_a_record() -> None:
    result = generate(
        Brief(
            task="Convert meeting transcripts into a decision log. Output a Markdown table with exactly these columns: "
            "Decision | Owner | Due date | Status. Status is either open or done."
        )
    )
    assert result.archetypes[0].id != "classification"
