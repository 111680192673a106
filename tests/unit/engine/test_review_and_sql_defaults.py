"""Defaults that contradicted a brief in round 16's review (r16-05, r16-08), each tested on new wording: a guardrail
that asks a question beside "don't ask follow-up questions", an example query on a table the schema lacks, "30
minutes" read as meeting minutes, a quoted all-clear cut at its dash, "don't comment on formatting" read as "no
Markdown", and a second all-clear string beside the brief's own."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.constraints.clauses import split_clauses

_SQL = (
    "You'll help the support leads at Routemark write Postgres queries. They're not SQL people. Don't ask follow-up "
    "questions; pick the most reasonable reading and state your assumption. A ticket counts as slow when "
    "closed_at > opened_at + interval '45 minutes'.\n\n"
    "Schema:\n"
    "agents (agent_id int pk, name text, team text)\n"
    "tickets (ticket_id bigint pk, agent_id int fk, opened_at timestamptz, closed_at timestamptz NULL)\n"
)


def _prompt(task: str, **fields: str) -> str:
    return generate(Brief(task=task, target="claude", **fields)).prompt  # type: ignore[arg-type]


def test_no_default_asks_a_question_the_brief_rules_out() -> None:
    prompt = _prompt(_SQL)
    assert "Ask which table" not in prompt
    assert "pick the most reasonable reading" in prompt


def test_an_example_query_reads_only_tables_the_schema_names() -> None:
    result = generate(Brief(task=_SQL, target="claude"))
    assert "FROM orders" not in result.prompt
    assert any("No examples" in w for w in result.warnings)


def test_a_duration_in_minutes_is_no_meeting() -> None:
    result = generate(Brief(task=_SQL))
    assert [m.id for m in result.archetypes] == ["sql_analyst"]
    assert "Capture every decision, owner and due date" not in result.prompt


def test_a_dash_inside_a_quote_does_not_split_the_clause() -> None:
    clauses = split_clauses('If nothing needs fixing, end with exactly "Ship it — no notes." after the summary.')
    assert any('"Ship it — no notes."' in c.text for c in clauses)


def test_a_quoted_all_clear_is_no_prohibition_and_replaces_the_default() -> None:
    prompt = _prompt(
        "Review merge requests for our Rust services. Don't comment on formatting, rustfmt handles that.",
        output_format="Each finding: severity (high / low), file:line, fix. If there's nothing worth flagging, end "
        'with exactly "Ship it — no notes." after the summary.',
    )
    assert "Avoid notes" not in prompt
    assert "No blocking issues found" not in prompt
    assert "Ship it — no notes." in prompt
    assert "Do not use Markdown" not in prompt


def test_an_instruction_before_and_if_keeps_its_own_rule() -> None:
    result = generate(
        Brief(
            task="Bot that answers staff questions about the leave policy. Answer only from the policy, cite the "
            'clause you used (e.g. "§2.1"), and if the policy is silent, reply exactly: "Not covered — ask '
            'hr@kestrel.example."'
        )
    )
    kinds = {c.kind for c in result.constraints}
    assert {"fallback", "requirement"} <= kinds
    assert "cite the clause you used" in result.prompt.lower()
