"""The extraction pipeline end to end: typed constraints, spans, order and determinism."""

from __future__ import annotations

import msgspec

from app.engine.brief import Brief
from app.engine.constraints import Constraint, extract_constraints
from app.engine.spec import Tool


def kinds(brief: Brief) -> list[str]:
    return [c.kind for c in extract_constraints(brief)]


def only(brief: Brief, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(brief) if c.kind == kind]


def test_support_brief_keeps_limit_negated_formats_and_fallback() -> None:
    brief = Brief(
        task="Support bot for Acme billing. Reply in at most 3 sentences, no markdown, no lists. "
        "If unsure, tell them to email help@acme.com."
    )
    found = extract_constraints(brief)
    limit = next(c for c in found if c.kind == "limit")
    assert (limit.unit, limit.maximum, limit.scope) == ("sentences", 3, None)
    fmt = next(c for c in found if c.kind == "format")
    assert fmt.forbidden == ["markdown", "lists"]
    fallback = next(c for c in found if c.kind == "fallback")
    assert (fallback.action, fallback.value, fallback.condition) == ("email", "help@acme.com", "If unsure")
    assert "help@acme.com" in fallback.text
    assert "prohibition" not in kinds(brief)


def test_spans_point_at_the_brief_words() -> None:
    brief = Brief(task="Answer FAQs.", constraints=["keep it under 150 words", "never promise refunds"])
    for constraint in extract_constraints(brief):
        span = constraint.span
        assert span is not None
        source = brief.task if span.field == "task" else brief.constraints[span.index or 0]
        assert source[span.start : span.end] == span.text
    limit = only(brief, "limit")[0]
    assert limit.span is not None
    assert (limit.span.field, limit.span.index) == ("constraints", 0)
    prohibition = only(brief, "prohibition")[0]
    assert prohibition.text == "Never promise refunds."


def test_order_is_by_field_then_position_and_duplicates_are_dropped() -> None:
    brief = Brief(
        task="Reply in Spanish. Never share internal notes.",
        constraints=["no more than 80 words", "reply in spanish"],
        language="es",
        tools=[Tool(name="search_kb", purpose="search the help center")],
    )
    found = extract_constraints(brief)
    assert [c.kind for c in found] == ["language", "prohibition", "limit", "tool"]


def test_extraction_is_deterministic() -> None:
    brief = Brief(
        task="Classify tickets as billing, bug or other. Tools: lookup_order(order_id). If angry, escalate to a human.",
        constraints=["2-3 sentences", "no emojis"],
    )
    first = msgspec.json.encode(extract_constraints(brief))
    for _ in range(3):
        assert msgspec.json.encode(extract_constraints(brief)) == first


def test_structured_fields_become_constraints() -> None:
    brief = Brief(
        task="Extract contacts.",
        json_schema={"type": "object", "properties": {"name": {"type": "string"}, "email": {"type": "string"}}},
        tools=[Tool(name="crm_lookup", purpose="find a contact")],
        audience="readers with low literacy",
        tone="warm, upbeat",
        language="German",
    )
    found = {c.kind: c for c in extract_constraints(brief)}
    assert found["schema"].values == ["name", "email"]
    assert found["tool"].name == "crm_lookup"
    assert found["audience"].value == "readers with low literacy"
    assert found["tone"].values == ["warm", "upbeat"]
    assert (found["language"].value, found["language"].code) == ("German", "de")


def test_non_english_brief_gets_its_own_language() -> None:
    brief = Brief(task="Asistente para una tienda online. Responde con amabilidad y nunca inventes precios.")
    language = only(brief, "language")
    assert [(c.value, c.code) for c in language] == [("Spanish", "es")]


def test_english_brief_gets_no_implicit_language() -> None:
    assert only(Brief(task="Help customers of our bike shop choose the right size of frame."), "language") == []
