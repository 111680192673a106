"""A limit written inside a lettered part of the reply ("A) a client update email. … Max 150 words.") bounds that
part: the other parts (a log line, a CRM record) are no part of its word count."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_TASK = (
    "From each site visit note I need two things.\n\n"
    "A) a short update email to the homeowner. Start with Hi and their first name. Max 120 words.\n\n"
    "B) one CRM line: visit date | stage | next step."
)


def test_a_limit_inside_a_lettered_part_is_that_parts() -> None:
    result = generate(Brief(task=_TASK, target="claude"))
    limits = [c for c in result.constraints if c.kind == "limit"]
    assert [(c.maximum, c.scope) for c in limits] == [(120, "the short update email")]
    assert "Keep the short update email to at most 120 words." in result.prompt
    assert "Keep the reply to at most 120 words." not in result.prompt


def test_a_single_lettered_paragraph_scopes_nothing() -> None:
    task = "Support chat for a bakery.\n\nA) a reply to the customer. Max 80 words."
    result = generate(Brief(task=task, target="claude"))
    assert [c.scope for c in result.constraints if c.kind == "limit"] == [None]
