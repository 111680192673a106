"""The user's own JSON structure, stated in plain words, is kept: the keys of each item of a JSON list, the values a
named field may take, and no schema from another job when the brief names no keys at all."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.engine.brief import Brief
from app.engine.generate import GenerationResult, generate

_INVOICE_KEYS = {"name", "date", "amount", "currency"}


def _result(task: str) -> GenerationResult:
    return generate(Brief(task=task, target="claude"))


def _items(schema: dict[str, Any] | None) -> dict[str, Any]:
    assert schema is not None
    assert schema["type"] == "array"
    items: dict[str, Any] = schema["items"]
    return items


@pytest.mark.parametrize(
    ("task", "keys"),
    [
        (
            "Extract order lines from purchase emails. Return a JSON array of objects with sku, qty and price.",
            ["sku", "qty", "price"],
        ),
        (
            "Extract books from the reading list and output a list of JSON objects, each with title, author and year.",
            ["title", "author", "year"],
        ),
        ("Read the product catalogue page. Return JSON. Each item should have name and price.", ["name", "price"]),
        (
            "Extrae las líneas de pedido de los correos. Devuelve un array JSON de objetos con sku, cantidad y precio.",
            ["sku", "cantidad", "precio"],
        ),
        (
            "Extrahiere die Bestellpositionen aus E-Mails. Gib ein JSON-Array mit Objekten mit sku, menge und preis "
            "zurück.",
            ["sku", "menge", "preis"],
        ),
        (
            "Extrais les lignes de commande des e-mails. Renvoie un tableau JSON d'objets avec sku, quantité et prix.",
            ["sku", "quantité", "prix"],
        ),
        (
            "Extraia as linhas do pedido dos e-mails. Devolva um array JSON de objetos com sku, quantidade e preço.",
            ["sku", "quantidade", "preço"],
        ),
    ],
)
def test_a_json_list_of_objects_keeps_the_keys_of_its_items(task: str, keys: list[str]) -> None:
    result = _result(task)
    assert [list(c.values) for c in result.constraints if c.kind == "fields"] == [keys]
    items = _items(result.spec.output_format.json_schema)
    assert list(items["properties"]) == keys
    assert result.spec.output_format.description.startswith("A JSON array")
    assert "A single JSON object" not in result.prompt
    assert result.spec.final_reminder.startswith("Return only the JSON array")
    assert '"currency"' not in result.prompt


def test_keys_written_in_braces_lose_the_braces() -> None:
    result = _result("Extract contacts from email signatures and return JSON: {name, email, company}")
    fields = [c for c in result.constraints if c.kind == "fields"]
    assert [list(c.values) for c in fields] == [["name", "email", "company"]]
    assert "{" not in fields[0].text
    assert "Return exactly these fields: name, email, company." in result.prompt


@pytest.mark.parametrize(
    ("task", "field", "values"),
    [
        (
            "Output JSON with fields category and urgency; urgency is low, medium or high.",
            "urgency",
            ["low", "medium", "high"],
        ),
        (
            "Return JSON with title, status and owner. status can be open, closed or pending.",
            "status",
            ["open", "closed", "pending"],
        ),
        (
            "Triage bug reports into JSON with summary and priority. priority must be P1, P2 or P3.",
            "priority",
            ["P1", "P2", "P3"],
        ),
        (
            "Analyse each review and output JSON with review_id and sentiment. "
            "sentiment: positive / negative / neutral",
            "sentiment",
            ["positive", "negative", "neutral"],
        ),
        (
            "Devuelve JSON con categoria y urgencia; urgencia es baja, media o alta.",
            "urgencia",
            ["baja", "media", "alta"],
        ),
    ],
)
def test_a_fields_stated_values_become_its_enum(task: str, field: str, values: list[str]) -> None:
    result = _result(task)
    schema = result.spec.output_format.json_schema
    assert schema is not None
    assert schema["properties"][field]["enum"] == [*values, None]
    label_sets = [c for c in result.constraints if c.kind == "labels"]
    assert [(list(c.values), c.scope) for c in label_sets] == [(values, field)]
    # the field's values, not a label for the whole reply
    assert "Reply with exactly one of these labels" not in result.prompt


def test_a_tone_described_beside_a_value_set_gets_no_enum() -> None:
    result = _result(
        "Write a reply email as JSON with subject, body and urgency; the tone is warm, friendly and short; "
        "urgency is low, medium or high."
    )
    schema = result.spec.output_format.json_schema
    assert schema is not None
    assert schema["properties"]["urgency"]["enum"] == ["low", "medium", "high", None]
    assert "enum" not in schema["properties"]["subject"]
    assert "enum" not in schema["properties"]["body"]
    assert all(c.scope == "urgency" for c in result.constraints if c.kind == "labels")


@pytest.mark.parametrize(
    "task",
    [
        "Extract the key data from supplier invoices and return it as JSON.",
        "Extract order lines from purchase emails as a JSON array.",
        "Classify each ticket as billing, bug or other. Output JSON.",
        "A general helper for trivia that answers in JSON",
    ],
)
def test_json_with_no_named_keys_gets_no_invented_schema_and_a_warning(task: str) -> None:
    result = _result(task)
    assert result.spec.output_format.kind == "json"
    assert result.spec.output_format.json_schema is None
    for key in (*_INVOICE_KEYS, "answer", "confidence", "key_data_from_supplier_invoices", "return_it"):
        assert f'"{key}"' not in result.prompt
    assert "schema" not in result.prompt.lower()  # no rule points to a schema the prompt does not have
    assert any(w.startswith("No JSON fields") for w in result.warnings)
    for example in result.spec.examples:
        json.loads(example.output)  # (a bare label, "billing", is no JSON reply)


def test_an_unnamed_json_array_says_array_throughout() -> None:
    result = _result("Extract order lines from purchase emails as a JSON array.")
    assert result.spec.output_format.description.startswith("A JSON array of objects")
    assert "A single JSON object" not in result.prompt
    assert result.spec.final_reminder.startswith("Return only the JSON array")


def test_a_json_array_of_labels_is_the_list_of_the_brief_labels() -> None:
    result = _result(
        "Tag github issues with one or more of: bug, feature, docs, question, duplicate. Output a JSON array of labels."
    )
    items = _items(result.spec.output_format.json_schema)
    assert items == {"type": "string", "enum": ["bug", "feature", "docs", "question", "duplicate"]}
    assert not any(w.startswith("No JSON fields") for w in result.warnings)


def test_a_nested_list_of_one_key_keeps_the_reply_one_object() -> None:
    result = _result("Return a JSON object with name and tags; each tag should have label and score.")
    schema = result.spec.output_format.json_schema
    assert schema is not None
    assert schema["type"] == "object"
    assert list(schema["properties"]["tags"]["items"]["properties"]) == ["label", "score"]


def test_a_fields_stated_numbers_are_an_integer_enum() -> None:
    schema = _result("Score each essay. Return JSON with score and feedback; score is 1, 2, 3, 4 or 5.").spec
    assert schema.output_format.json_schema is not None
    score = schema.output_format.json_schema["properties"]["score"]
    assert score == {"type": ["integer", "null"], "enum": [1, 2, 3, 4, 5, None]}


def test_values_of_another_things_type_are_no_enum_of_the_field() -> None:
    result = _result(
        "Return JSON with name, type and status. The input type is PDF or DOCX; status can be open or closed."
    )
    schema = result.spec.output_format.json_schema
    assert schema is not None
    assert schema["properties"]["status"]["enum"] == ["open", "closed", None]
    assert "enum" not in schema["properties"]["type"]


def test_details_collected_in_a_chat_are_the_keys_of_its_closing_json() -> None:
    result = _result(
        "Chat with callers and collect their name, phone and email. When done, output the details as JSON."
    )
    schema = result.spec.output_format.json_schema
    assert schema is not None
    assert list(schema["properties"]) == ["name", "phone", "email"]
    assert result.spec.output_format.description != "Plain prose."
    assert not any(w.startswith("No JSON fields") for w in result.warnings)
