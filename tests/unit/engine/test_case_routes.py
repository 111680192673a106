"""A route the brief gives for one case stays that case's route, whole: a list of cases before a colon, "only by
phone" for a case, and a French number of five pairs; a "(not the attic)" aside clarifies, it bans nothing."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.constraints.phones import find_dial_numbers


def _routes(task: str) -> dict[str, str | None]:
    return {c.value or "": c.condition for c in extract_constraints(Brief(task=task)) if c.kind == "fallback"}


def test_a_french_number_of_five_pairs_is_read_whole() -> None:
    assert [n.value for n in find_dial_numbers("sinon, donne le 04 72 10 33 90 (notre agence de Lyon).")] == [
        "04 72 10 33 90"
    ]


def test_a_list_of_cases_before_a_colon_is_the_routes_condition() -> None:
    routes = _routes(
        "Booking assistant for a tyre-fitting garage.\nRules:\n"
        "1. Vans, trailers over 2.5 t and quad bikes: we can't fit those here, give them 0117 496 0852 (our depot).\n"
        "2. Keep it short."
    )
    assert routes["0117 496 0852"] == "For vans, trailers over 2.5 t and quad bikes"


def test_the_one_channel_for_a_case_is_that_cases_route() -> None:
    routes = _routes(
        "Chat assistant for a dance school. Late cancellations only by phone on 0161 496 0731. "
        "Invoices only via email at accounts@dance.example. We answer general questions only by email at "
        "hello@dance.example."
    )
    assert routes["0161 496 0731"] == "For late cancellations"
    assert routes["accounts@dance.example"] == "For invoices"
    # "We answer … only by email": the business's own channel, the general route
    assert routes["hello@dance.example"] is None


def test_an_aside_that_says_which_one_is_meant_bans_nothing() -> None:
    task = (
        "Booking assistant for a pest-control firm.\n"
        "If a bird is inside the kitchen (not the loft or the garage), do not book. Tell them to call us."
    )
    texts = [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "prohibition"]
    assert not any(t.startswith("Avoid the loft") for t in texts)
    assert any("do not book" in t and "kitchen" in t for t in texts)
