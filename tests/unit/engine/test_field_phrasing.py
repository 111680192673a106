"""Output fields a brief names in ordinary phrasing become the reply's own keys, not the archetype's default schema."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints

_INVOICE_KEYS = {"name", "date", "amount", "currency"}


def _schema(task: str) -> dict[str, Any]:
    prompt = generate(Brief(task=task)).prompt
    body = prompt.split("# Output format", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    schema: dict[str, Any] = json.loads(body)
    return schema


def _fields(task: str) -> list[str]:
    found = [c for c in read_constraints(Brief(task=task)) if c.kind == "fields"]
    return list(found[0].values) if found else []


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("Output a JSON object containing title, author and year.", ["title", "author", "year"]),
        ("Return JSON with customer (string) and items.", ["customer", "items"]),
        ("Turn each support email into JSON with customer, product and issue.", ["customer", "product", "issue"]),
        (
            "Pull the order out of each email as JSON: customer name, order date, "
            "and the items (each with sku and qty).",
            ["customer name", "order date", "items"],
        ),
        (
            "Classify the ticket and reply with JSON like {category, urgency, summary}.",
            ["category", "urgency", "summary"],
        ),
        ("Give me a json object that has isbn, title and price", ["isbn", "title", "price"]),
        ("Devuelve un objeto JSON con nombre, precio y fecha.", ["nombre", "precio", "fecha"]),
        (
            "Lies die Rechnung und gib ein JSON mit lieferant, datum und betrag zurück.",
            ["lieferant", "datum", "betrag"],
        ),
        ("Lis le CV et renvoie un JSON avec nom, email et compétences.", ["nom", "email", "compétences"]),
        ("Leia o contrato e devolva um JSON com partes, data e valor.", ["partes", "data", "valor"]),
        (
            "Output JSON containing ticket_id, status and priority, where status is one of open/closed.",
            ["ticket_id", "status", "priority"],
        ),
    ],
)
def test_named_fields_are_read(task: str, expected: list[str]) -> None:
    assert _fields(task) == expected
    keys = set(_schema(task)["properties"])
    assert not keys & _INVOICE_KEYS - {v.replace(" ", "_") for v in expected}


@pytest.mark.parametrize(
    "task",
    [
        "Extract orders from emails. Return JSON with customer (string) and items. "
        "items is an array of objects with sku and qty.",
        "Extract orders from emails. Return JSON with customer (string) and items (array of {sku, qty}).",
        "Extract orders from emails as JSON with customer and items (array of objects with sku and qty).",
        "Return JSON with customer and items. Each item has sku and qty.",
    ],
)
def test_a_list_field_keeps_its_item_keys_and_the_reply_stays_one_object(task: str) -> None:
    schema = _schema(task)
    assert schema["type"] == "object"
    assert list(schema["properties"]) == ["customer", "items"]
    assert schema["properties"]["customer"]["type"] == ["string", "null"]
    items = schema["properties"]["items"]
    assert "array" in items["type"]
    assert list(items["items"]["properties"]) == ["sku", "qty"]


def test_a_nested_list_is_not_a_second_list_of_reply_fields() -> None:
    prompt = generate(Brief(task="Return JSON with customer and items. Each item has sku and qty.")).prompt
    assert "Return exactly these fields: sku, qty" not in prompt
    assert "Give each item of `items` exactly these fields: sku, qty." in prompt


def test_each_line_item_has_reads_the_keys_of_line_items() -> None:
    schema = _schema(
        "Extract orders from emails as JSON with customer and line_items. Each line item has sku, qty and unit price."
    )
    line_items = schema["properties"]["line_items"]
    assert list(line_items["items"]["properties"]) == ["sku", "qty", "unit_price"]
    assert line_items["items"]["properties"]["qty"]["type"] == ["number", "null"]


def test_types_written_after_a_field_are_its_types() -> None:
    schema = _schema(
        "Give me a JSON object with the fields title (string), year (integer) and authors (array of strings)."
    )
    properties = schema["properties"]
    assert properties["title"]["type"] == ["string", "null"]
    assert properties["year"]["type"] == ["integer", "null"]
    assert properties["authors"] == {"type": ["array", "null"], "items": {"type": "string"}}


def test_a_list_of_strings_said_in_its_own_sentence() -> None:
    schema = _schema("Summarise each bug report as JSON with title, severity and steps. steps is a list of strings.")
    assert schema["properties"]["steps"]["items"] == {"type": "string"}


def test_a_field_value_set_after_where_is_its_enum() -> None:
    schema = _schema("Output JSON containing ticket_id, status and priority, where status is one of open/closed.")
    assert schema["properties"]["status"]["enum"] == ["open", "closed", None]


def test_as_json_colon_keeps_the_role_sentence_whole() -> None:
    prompt = generate(
        Brief(task="Pull the order out of each email as JSON: customer name, order date, and the items.")
    ).prompt
    assert "as:" not in prompt


def test_a_json_array_reply_still_reads_its_item_fields() -> None:
    schema = _schema("Return a JSON array; each item has file, line and message.")
    assert schema["type"] == "array"
    assert list(schema["items"]["properties"]) == ["file", "line", "message"]


@pytest.mark.parametrize(
    "task",
    [
        "Return JSON with no commentary and no markdown.",
        "Return JSON with the same keys as the input and nothing else.",
    ],
)
def test_json_with_an_instruction_names_no_fields(task: str) -> None:
    assert _fields(task) == []


@pytest.mark.parametrize(
    ("task", "key"),
    [
        ("Output a JSON object with a summary and a list of action items.", "action_items"),
        ("Return JSON with the title and an array of tags.", "tags"),
    ],
)
def test_a_list_of_things_is_one_list_field(task: str, key: str) -> None:
    properties = _schema(task)["properties"]
    assert len(properties) == 2
    assert properties[key] == {"type": ["array", "null"], "items": {"type": "string"}}
