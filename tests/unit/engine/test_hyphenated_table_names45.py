"""A schema pasted one table per line keeps tables whose qualified names hold hyphens or quotes.

BigQuery names tables `project-id.dataset.table`; before, the hyphen stopped the table line, the schema became a
`{{schema}}` slot and the column list in brackets was read as the reply's label set.
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate

TABLES = {
    "bigquery": (
        "acme-data-prod.sales.orders (order_id STRING, store_id STRING, placed_at TIMESTAMP, total_pence INT64)\n"
        "acme-data-prod.sales.stores (store_id STRING, city STRING, opened DATE)\n"
    ),
    "quoted": (
        '"analytics"."page_views" (view_id bigint, page text, viewed_at timestamptz)\n'
        '"analytics"."pages" (page text, section text)\n'
    ),
}


@pytest.mark.parametrize("dialect", sorted(TABLES))
def test_tables_with_hyphens_or_quotes_are_the_schema_not_labels(dialect: str) -> None:
    engine = "BigQuery" if dialect == "bigquery" else "Postgres"
    task = (
        f"SQL helper for the finance team at Acme Bakeries. We're on {engine}. "
        f"Tables:\n\n{TABLES[dialect]}\nRules:\n- SELECT only.\n- Add LIMIT 500 unless the query is an aggregate.\n"
        "Reply with one sql code block."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    first_table = TABLES[dialect].splitlines()[0]
    assert first_table in prompt
    assert "{{schema}}" not in prompt
    assert "Label:" not in prompt
    assert "label set" not in prompt
