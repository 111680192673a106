"""Review-46 regressions: an arrow case stops at a standing rule, street abbreviations end a sentence, "No X ever"
keeps the brief's wording, a code review keeps its own priority order."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.constraints.clauses import split_clauses


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


def _clause_texts(task: str) -> list[str]:
    return [c.text for c in split_clauses(task)]


@pytest.mark.parametrize(
    ("task", "first", "second"),
    [
        ("Bike shop bot. We're at 22 Elm Rd. Answers must stay under 40 words.", "22 Elm Rd.", "Answers must"),
        ("Bakery bot. We are at 5 Queen Ave. Open 9-5. Never give prices.", "5 Queen Ave.", "Open 9-5."),
        ("Cafe bot. We are at 4 Church Rd. Kids are welcome. Never give prices.", "4 Church Rd.", "Kids are welcome"),
        ("Answer with yes or no. Do not explain.", "yes or no.", "Do not explain"),
        ("Reply only yes or no. Never add a reason.", "yes or no.", "Never add a reason"),
    ],
)
def test_street_word_or_plain_no_ends_its_sentence(task: str, first: str, second: str) -> None:
    clauses = _clause_texts(task)
    assert any(first in text and second not in text for text in clauses), clauses
    assert any(text.lstrip().startswith(second) for text in clauses), clauses


@pytest.mark.parametrize(
    ("task", "kept"),
    [
        ("Parish bot. Mass is at St. Mary's Church on Sundays.", "St. Mary's Church"),
        ("Clinic bot. Patients see Dr. Smith on Mondays.", "Dr. Smith on Mondays"),
        ("Hotel bot. Rooms are in building No. 5 near the lake.", "No. 5 near"),
    ],
)
def test_abbreviation_before_a_name_goes_on(task: str, kept: str) -> None:
    assert any(kept in text for text in _clause_texts(task))


@pytest.mark.parametrize(
    ("ban", "kept"),
    [
        ("No appointments on Sundays ever.", "No appointments on Sundays, ever."),
        # (a thing the business gives takes its obvious verb: helper jobs47's "Never offer discounts.")
        ("No discounts ever.", "Never offer discounts."),
        ("No refunds ever after 30 days.", "Never offer refunds after 30 days."),
    ],
)
def test_no_x_ever_keeps_the_briefs_wording(ban: str, kept: str) -> None:
    texts = [c.text for c in extract_constraints(Brief(task=f"Front desk assistant for a clinic. {ban}"))]
    assert kept in texts, texts
    assert not any(t.startswith(("Never use", "Avoid")) and "ever" in t for t in texts)
