"""Review-46 regressions: an arrow case stops at a standing rule, street abbreviations end a sentence, "No X ever"
keeps the brief's wording, a code review keeps its own priority order."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints


def _kinds(task: str) -> list[tuple[str, str]]:
    return [
        (str(c.kind), c.span.text if c.span else "") for c in extract_constraints(Brief(task=task, target="claude"))
    ]


@pytest.mark.parametrize(
    ("task", "kind", "span_part"),
    [
        ("Support assistant. If the customer is angry -> apologise once. Keep every reply under 80 words. "
         "Never offer refunds.", "prohibition", "Never offer refunds"),
        ("Support assistant. If the customer is angry -> apologise once. Keep every reply under 80 words. "
         "Never offer refunds.", "limit", "80 words"),
        ("Billing assistant. When the invoice is overdue -> send the reminder template. Be polite. "
         "Never threaten legal action.", "prohibition", "Never threaten legal action"),
        ("Tienda online. Si el pedido llega tarde -> pide disculpas. Nunca ofrezcas reembolsos. Máximo 60 palabras.",
         "prohibition", "Nunca ofrezcas reembolsos"),
        ("Tienda online. Si el pedido llega tarde -> pide disculpas. Nunca ofrezcas reembolsos. Máximo 60 palabras.",
         "limit", "60 palabras"),
        ("Shop-Bot. Wenn der Kunde nach Preisen fragt -> Hinweis fett. Keine Superlative. Maximal 80 Wörter.",
         "limit", "80 Wörter"),
        ("Bank helper. If the user reports fraud => give them the hotline 0800 555 0101. For all other questions, "
         "answer from the FAQ. Never ask for PINs.", "prohibition", "Never ask for PINs"),
    ],
)  # fmt: skip
def test_arrow_case_ends_at_a_standing_rule(task: str, kind: str, span_part: str) -> None:
    kinds = _kinds(task)
    assert any(k == kind and span_part in text and "->" not in text and "=>" not in text for k, text in kinds), kinds
