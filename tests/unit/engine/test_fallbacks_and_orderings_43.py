"""Fallbacks given as a bare upper-case code ("output exactly NO_DATA") and orderings of tools: a first step of all
comes before every other listed tool, and "dann erst" / "dan pas" / "erst danach" chain steps forward."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import fallbacks, tool_orders
from app.engine.generate import read_constraints


def _says(text: str) -> list[tuple[str, str | None]]:
    return [(f.value, f.condition) for f in fallbacks.find_fallbacks(text) if f.action == "say"]


def test_bare_code_after_exactly_is_the_fixed_reply() -> None:
    assert _says("When the table lacks the column, print exactly NO_DATA and stop.") == [
        ("NO_DATA", "When the table lacks the column")
    ]


def test_condition_without_comma_stops_at_output() -> None:
    assert _says("if nothing looks wrong output exactly: ALL CLEAR") == [("ALL CLEAR", "if nothing looks wrong")]


def test_foreign_bare_code() -> None:
    assert [v for v, _ in _says("Si el texto está vacío, responde exactamente SIN_TEXTO.")] == ["SIN_TEXTO"]
    assert [v for v, _ in _says("Se il testo è vuoto, rispondi solo con: -- NESSUN DATO")] == ["-- NESSUN DATO"]


def test_negated_code_is_no_reply() -> None:
    assert _says("If they ask, never reply exactly NO_DATA.") == []


def test_forward_chain_with_only_then_words() -> None:
    found = tool_orders.find_tool_orders("eerst vind_klant, dan pas maak_afspraak")
    assert [(o.first, o.then) for o in found] == [("call vind_klant", "call maak_afspraak")]
    found = tool_orders.find_tool_orders("zuerst konto_lesen, erst danach gutschrift_buchen")
    assert [(o.first, o.then) for o in found] == [("call konto_lesen", "call gutschrift_buchen")]


def test_before_other_tools_names_the_rest() -> None:
    tools = ["find_member", "a_b", "c_d"]
    then = tool_orders.before_other_tools("run find_member", "Always run find_member first", tools)
    assert then == "call any other tool (a_b, c_d)"
    # a tool the sentence itself names (an exception) is not one of the others
    then = tool_orders.before_other_tools(
        "find_member", "find_member first (only c_d does not need it)", ["find_member", "a_b", "c_d"]
    )
    assert then == "call any other tool (a_b)"


def test_first_of_all_order_reaches_the_rule_text() -> None:
    brief = Brief(
        task="Desk assistant for a gym. Tools: find_member(email), list_classes(day), book_class(member_id, class_id). "
        "Always call find_member first. Keep replies short."
    )
    orders = [c for c in read_constraints(brief) if c.kind == "ordering"]
    assert any(c.then and "book_class" in c.then and "book_class" in c.text for c in orders)
