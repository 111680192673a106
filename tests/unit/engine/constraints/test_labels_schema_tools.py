"""Label sets, JSON literals, field lists and tool signatures."""

from __future__ import annotations

import pytest

from app.engine.constraints.label_blocks import find_label_block
from app.engine.constraints.labels import find_labels
from app.engine.constraints.structure import find_fields, find_objects, schema_keys, to_json_schema
from app.engine.constraints.tools import find_tools


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "Classify tickets as one of: billing, bug, feature_request, other",
            ["billing", "bug", "feature_request", "other"],
        ),
        ("sentiment classifier (positive/negative/neutral)", ["positive", "negative", "neutral"]),
        ("label each review positive, negative or mixed", ["positive", "negative", "mixed"]),
        ("Tag each email as urgent, normal or low", ["urgent", "normal", "low"]),
        ("categories: Billing | Technical | Account | Other", ["Billing", "Technical", "Account", "Other"]),
        ('Reply with "yes" or "no" only', ["yes", "no"]),
        ("answer YES or NO", ["YES", "NO"]),
        ("Route it to either sales or support", ["sales", "support"]),
        ("it must be one of 'low', 'medium', 'high'", ["low", "medium", "high"]),
        ("classify into spam, ham based on the content", ["spam", "ham"]),
        ("priority (P1, P2, P3)", ["P1", "P2", "P3"]),
        ("Clasifica cada mensaje como queja, consulta u otro", ["queja", "consulta", "otro"]),
        ("Clasifica el mensaje en una de estas categorías: queja, consulta, otro", ["queja", "consulta", "otro"]),
        ("Kategorien: Rechnung, Technik, Sonstiges", ["Rechnung", "Technik", "Sonstiges"]),
        ("Labels possibles : urgent, normal, faible", ["urgent", "normal", "faible"]),
    ],
)
def test_label_sets(text: str, values: list[str]) -> None:
    found = find_labels(text)
    assert found is not None
    assert found.values == values


@pytest.mark.parametrize(
    "text",
    [
        "Answer billing questions (e.g. refunds, invoices) politely.",
        "Help users with orders, returns and shipping.",
        "Read the ticket and summarise it for the on-call engineer.",
        "Respond in a friendly tone.",
    ],
)
def test_no_label_set(text: str) -> None:
    assert find_labels(text) is None


def test_multi_label() -> None:
    found = find_labels("Assign one or more tags: bug, ux, performance, docs")
    assert found is not None
    assert found.multi
    assert found.values == ["bug", "ux", "performance", "docs"]
    single = find_labels("Pick one of: bug, ux, docs")
    assert single is not None
    assert not single.multi


def test_bullet_label_block() -> None:
    text = "Classify the ticket.\nLabels:\n- billing: payment questions\n- bug — something broken\n- other\nThanks"
    blocks = find_label_block(text)
    assert [(values, multi) for values, multi, _, _ in blocks] == [(["billing", "bug", "other"], False)]


def test_json_object_with_type_names_becomes_a_schema() -> None:
    text = 'Return JSON like {"name": string, "email": string, "company": string|null, "age": int}'
    (found,) = find_objects(text)
    schema = to_json_schema(found.value)
    assert schema_keys(schema) == ["name", "email", "company", "age"]
    assert schema["properties"]["age"] == {"type": "integer"}
    assert schema["properties"]["company"] == {"type": ["null", "string"]}
    assert schema["required"] == ["name", "email", "company", "age"]


def test_json_ish_object_with_unquoted_keys_and_enum() -> None:
    (found,) = find_objects("output: {sentiment: 'positive' | 'negative', score: number, tags: string[]}")
    schema = to_json_schema(found.value)
    assert schema["properties"]["sentiment"] == {"type": "string", "enum": ["positive", "negative"]}
    assert schema["properties"]["tags"] == {"type": "array", "items": {"type": "string"}}


def test_real_json_example_and_json_schema() -> None:
    (example,) = find_objects('e.g. {"order_id": "A123", "refund": true, "amount": 12.5, "items": [{"sku": "x"}]}')
    schema = to_json_schema(example.value)
    assert schema["properties"]["refund"] == {"type": "boolean"}
    assert schema["properties"]["items"]["items"]["properties"] == {"sku": {"type": "string"}}
    given = {"type": "object", "properties": {"a": {"type": "string"}}}
    assert to_json_schema(given) is given


@pytest.mark.parametrize("text", ["Insert {{name}} here", "Use {name} as a placeholder", "sets like {a, b}", "{}"])
def test_no_json_object(text: str) -> None:
    assert find_objects(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Extract the name, email and company", ["name", "email", "company"]),
        ("fields: invoice_number, total, due_date", ["invoice_number", "total", "due_date"]),
        ("Return JSON with the keys title, summary and tags", ["title", "summary", "tags"]),
        ("pull out vendor, amount, currency from each receipt", ["vendor", "amount", "currency"]),
        ("columns: date, merchant, amount", ["date", "merchant", "amount"]),
    ],
)
def test_field_lists(text: str, values: list[str]) -> None:
    found = find_fields(text)
    assert found is not None
    assert found.values == values


@pytest.mark.parametrize(
    "text",
    ["Return a summary and a label", "Extract insights from the report", "Answer questions about orders and returns"],
)
def test_no_field_list(text: str) -> None:
    assert find_fields(text) is None


@pytest.mark.parametrize(
    ("text", "tools"),
    [
        (
            "Tools: lookup_order(order_id), refund(order_id, amount)",
            [("lookup_order", ["order_id"]), ("refund", ["order_id", "amount"])],
        ),
        ("You can call get_weather(city: str, unit='c') to get the forecast", [("get_weather", ["city", "unit"])]),
        ("use the `search_kb` tool for policy questions", [("search_kb", [])]),
        ("there is a tool called createTicket", [("createTicket", [])]),
        ("call crm.find_contact(email) first", [("crm.find_contact", ["email"])]),
        ("Use the search(query) function when unsure", [("search", ["query"])]),
    ],
)
def test_tools(text: str, tools: list[tuple[str, list[str]]]) -> None:
    assert [(t.name, t.parameters) for t in find_tools(text)] == tools


@pytest.mark.parametrize(
    "text",
    [
        "Summarise the document (e.g. a contract) in plain words.",
        "List the format(s) we support.",
        "Answer (briefly) and cite the article.",
        "Write a function that reverses a string.",
    ],
)
def test_no_tools(text: str) -> None:
    assert find_tools(text) == []


def test_tool_purpose() -> None:
    (tool,) = find_tools("lookup_order(order_id) - fetches the order status and items")
    assert tool.purpose == "fetches the order status and items"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Categorize reviews: positive / negative / neutral", ["positive", "negative", "neutral"]),
        ("Is it spam? Answer yes or no.", ["yes", "no"]),
        ("sort each ticket into one of three buckets - billing, tech, other", ["billing", "tech", "other"]),
        ("Rate urgency as low, medium, high or critical", ["low", "medium", "high", "critical"]),
        ("decide whether the email is a complaint, a question or feedback", ["complaint", "question", "feedback"]),
        ("Output: BUG | FEATURE | QUESTION", ["BUG", "FEATURE", "QUESTION"]),
    ],
)
def test_more_label_phrasings(text: str, values: list[str]) -> None:
    found = find_labels(text)
    assert found is not None
    assert found.values == values


def test_a_trailing_instruction_is_not_a_label() -> None:
    found = find_labels("Classify incoming leads into hot / warm / cold and return JSON")
    assert found is not None
    assert found.values == ["hot", "warm", "cold"]


@pytest.mark.parametrize("text", ["Use this format: Name | Email | Phone", "| date | amount | merchant |"])
def test_pipe_separated_headers_are_not_labels(text: str) -> None:
    assert find_labels(text) is None


def test_tool_names_listed_after_a_colon() -> None:
    text = "The assistant has access to: web_search, calculator, and code_interpreter"
    assert [t.name for t in find_tools(text)] == ["web_search", "calculator", "code_interpreter"]
    assert [t.name for t in find_tools("Tools: lookup_order(order_id), refund(order_id, amount)")] == [
        "lookup_order",
        "refund",
    ]
