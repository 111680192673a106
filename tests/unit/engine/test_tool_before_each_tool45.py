"""A tool ordering written with a verb and "each" before the second tool, in the languages briefs arrive in.

"Appelez solde_compte avant chaque reserver_repas": before, only "solde_compte avant reserver_repas" (or with
"toujours" in front) was read as an order of two tools.
"""

from __future__ import annotations

import pytest

from app.engine import Brief
from app.engine.generate import read_constraints

TOOLS = (
    "Tools:\ncheck_balance(account_id) -> balance\nbook_lesson(account_id, date) -> confirmation\n"
    "cancel_lesson(account_id, date) -> ok\n\n"
)

SENTENCES = {
    "fr": "Appelez check_balance avant chaque book_lesson.",
    "es": "Usa check_balance antes de cada book_lesson.",
    "it": "Chiama check_balance prima di ogni book_lesson.",
    "de": "Rufe check_balance vor jeder book_lesson auf.",
    "nl": "Gebruik check_balance voor elke book_lesson.",
}


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_a_tool_run_before_each_call_of_another_is_an_ordering(language: str) -> None:
    brief = Brief(task=f"Booking assistant for a driving school.\n{TOOLS}Rules:\n- {SENTENCES[language]}\n")
    orders = [(c.first or "", c.then or "") for c in read_constraints(brief) if c.kind == "ordering"]
    assert any("check_balance" in first and "book_lesson" in then for first, then in orders), orders


def test_a_banned_order_is_not_read_as_an_order() -> None:
    brief = Brief(task=f"Booking assistant for a driving school.\n{TOOLS}Rules:\n- Never call cancel_lesson twice.\n")
    orders = [(c.first or "", c.then or "") for c in read_constraints(brief) if c.kind == "ordering"]
    assert not any("cancel_lesson" in first + then for first, then in orders), orders
