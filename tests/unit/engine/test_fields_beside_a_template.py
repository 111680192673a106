"""A field list in words beside a JSON template with as many keys names what goes under each key; a zero placeholder
for money is a number, not an integer."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

INVOICES = (
    "we get supplier invoices as PDFs (already OCRd to text). pull out: supplier name, invoice number, invoice date "
    "(YYYY-MM-DD), due date, total incl VAT, currency, and line items (description, qty, unit price). output json like "
    '{"supplier": "", "invoice_no": "", "date": "", "due": "", "total": 0, "currency": "EUR", "lines": [{"desc": "", '
    '"qty": 0, "unit_price": 0}]}. if something is missing use null, dont guess. no explanation'
)


def test_the_words_name_the_keys() -> None:
    result = generate(Brief(task=INVOICES, target="claude"))
    assert "invoice_no = invoice number" in result.prompt
    assert "date = invoice date (YYYY-MM-DD)" in result.prompt
    assert "Return exactly these fields: supplier name" not in result.prompt


def test_the_engines_own_examples_do_not_contradict_the_brief() -> None:
    result = generate(Brief(task=INVOICES, target="claude"))
    assert not [f for f in result.lint.findings if f.rule_id == "FID-02"]


def test_money_placeholders_are_numbers() -> None:
    schema = next(c.schema for c in generate(Brief(task=INVOICES)).constraints if c.kind == "schema")
    assert schema is not None
    assert schema["properties"]["total"]["type"] in ("number", ["number", "null"])
    line = schema["properties"]["lines"]["items"]["properties"]
    assert line["unit_price"]["type"] == "number"
    assert line["qty"]["type"] == "integer"  # a count stays whole


def test_a_field_list_of_other_length_stays_as_written() -> None:
    task = 'Extract the name and email from each signup message. Return JSON: {"name": "", "email": "", "source": ""}.'
    result = generate(Brief(task=task, target="claude"))
    assert "Fill each key" not in result.prompt
