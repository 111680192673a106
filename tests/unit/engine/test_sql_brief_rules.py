"""A SQL brief's rules in its own words: SQL keywords are no business name, a fact followed by the instruction it
calls for is a rule, and a built example that leaves out a clause every query must carry is dropped."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_BRIEF = (
    "SQL helper for our finance team. Postgres. Schema:\norders(id bigint, total_cents int, created_at timestamptz)\n"
    "Rules:\n- Every query ends with LIMIT 500 unless it returns one row.\n"
    "- Amounts are stored in cents; show them in euros with / 100.0.\n"
    "- Dates are UTC but the team works in Berlin time, so convert with AT TIME ZONE 'Europe/Berlin'."
)


def _prompt() -> str:
    return generate(Brief(task=_BRIEF, target="claude")).prompt


def test_sql_keywords_are_no_business_name() -> None:
    prompt = _prompt()
    assert "for LIMIT" not in prompt
    assert "for TIME ZONE" not in prompt


def test_a_fact_then_its_instruction_is_a_rule_not_context() -> None:
    prompt = _prompt()
    instructions = prompt[prompt.index("<instructions>") :]
    assert "Amounts are stored in cents; show them in euros with / 100.0." in instructions
    assert "so convert with AT TIME ZONE 'Europe/Berlin'." in instructions


def test_a_built_query_without_the_required_limit_is_no_example() -> None:
    prompt = _prompt()
    assert "```sql" not in prompt.split("<examples>")[-1] or "LIMIT 500" in prompt.split("<examples>")[-1]
