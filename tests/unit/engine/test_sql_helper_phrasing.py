"""A SQL helper brief in everyday words: "read-only queries only" says which queries (the reply still explains
them), "Build me a … helper" asks for the assistant (no "Build the user a helper" job line), and "after the code
block" is where the reply's query goes, not code the user pastes."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints

HELPER = (
    "Build me a Postgres SQL helper for our analytics team. Tables: orders(id, customer_id, created_at timestamptz, "
    "total_cents int, status text). Write read-only queries only (no INSERT/UPDATE/DELETE/DROP). Explain the query in "
    "one sentence after the code block."
)


def test_read_only_queries_only_is_no_code_only_reply() -> None:
    formats = [c.value for c in read_constraints(Brief(task=HELPER)) if c.kind == "format"]
    assert "code" not in formats
    assert "Reply with the code only" not in generate(Brief(task=HELPER, target="claude")).prompt


def test_sql_only_is_still_a_code_only_reply() -> None:
    task = "Postgres SQL helper. Tables: orders(id, total_cents int). Reply with the SQL only, no explanation."
    assert "code" in [c.value for c in read_constraints(Brief(task=task)) if c.kind == "format"]


def test_build_me_a_helper_is_no_job_line() -> None:
    prompt = generate(Brief(task=HELPER, target="claude")).prompt
    assert "Build the user" not in prompt
    assert "Build me" not in prompt


def test_the_code_block_of_the_reply_is_no_input() -> None:
    result = generate(Brief(task=HELPER, target="claude"))
    assert "code" not in [v.name for v in result.variables]
    assert "{{code}}" not in result.prompt
