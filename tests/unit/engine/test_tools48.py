"""Round 48 classes 4 and 6: tool tables, code calls that are no tools, parameter values, inverted orders."""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.brief import Brief


def _tools(task: str) -> dict[str, object]:
    return {c.name: c for c in generate(Brief(task=task)).constraints if c.kind == "tool"}


@pytest.mark.parametrize(
    ("task", "names", "returns"),
    [
        (
            "Booking bot for a bike hire shop. We set up these tools:\n\n| tool | params | returns | notes |\n"
            "|---|---|---|---|\n| find_bike | size, kind (road / gravel / ebike) | {bike_id} | |\n"
            "| book_bike | bike_id, dates[] | {booking_ref} | ask first |\n\nKeep replies short.",
            ["find_bike", "book_bike"],
            "returns {booking_ref}",
        ),
        (
            "Chatbot für unseren Bootsverleih.\n\n| Werkzeug | Parameter | Rückgabe |\n|---|---|---|\n"
            "| boot_suchen | datum, typ | [boot_id] |\n| reservieren | boot_id, zusatz[] | {res_nr} |\n\n"
            "Immer höflich.",
            ["boot_suchen", "reservieren"],
            "returns {res_nr}",
        ),
        (
            "眼鏡店のLINE予約ボットです。\n\n| ツール | 引数 | 戻り値 |\n|---|---|---|\n"
            "| find_member | phone | member_id |\n| reserve_slot | member_id, times[] | reservation_id |\n\n敬語で。",
            ["find_member", "reserve_slot"],
            "returns reservation_id",
        ),
    ],
)
def test_tool_table_rows_are_tools_with_returns(task: str, names: list[str], returns: str) -> None:
    tools = _tools(task)
    assert set(names) <= set(tools)
    assert returns in (tools[names[1]].value or "")  # type: ignore[attr-defined]
    assert "Reference material" not in generate(Brief(task=task)).prompt


@pytest.mark.parametrize(
    "task",
    [
        "You review React pull requests. One finding per line, worst first. Always MAJOR: network calls inside "
        "render().",
        "SQL helper for our Postgres warehouse. Tables: events(ts TIMESTAMP, user_id BIGINT, kind Nullable(String)). "
        "Show dates with date_trunc(), never SELECT *.",
        "Revisas PRs de Flutter. Siempre MAJOR: llamadas de red (network calls) dentro de build().",
    ],
)
def test_code_calls_without_tools_are_no_tools(task: str) -> None:
    assert _tools(task) == {}


def test_calls_with_arguments_beside_an_empty_one_stay_tools() -> None:
    tools = _tools("Shop assistant. It can search_products(query), add_to_cart(sku) and get_cart().")
    assert {"search_products", "add_to_cart", "get_cart"} <= set(tools)


@pytest.mark.parametrize(
    ("task", "tool", "values"),
    [
        (
            "Chatbot für Termine. Tools:\n\ntools:\n  - name: termine_finden\n"
            '    params: {dienst: "montage | wartung | reparatur", ab: date}\n\nMax. 3 Sätze.',
            "termine_finden",
            ["montage", "wartung", "reparatur"],
        ),
        (
            "Bot pour nos casiers. Outils :\n\ntools:\n  - name: reserver_casier\n"
            '    params: {taille: "petit | moyen | grand", heures: int}\n\nPhrases courtes.',
            "reserver_casier",
            ["petit", "moyen", "grand"],
        ),
        (
            "Luggage storage bot. API:\n\npaths:\n  /lockers:\n    get:\n      operationId: listLockers\n"
            "      parameters: [station (string), size (S|M|L)]\n\nShort replies.",
            "listLockers",
            ["S", "M", "L"],
        ),
    ],
)
def test_parameter_value_strings_give_values(task: str, tool: str, values: list[str]) -> None:
    tools = _tools(task)
    assert tool in tools
    assert f"one of: {', '.join(values)}" in tools[tool].text  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        (
            "Bike shop chat. Tools: find_bike(size), book_bike(bike_id).\n\nOrder matters:\n"
            "1) find_bike before book_bike\n"
            "2) read back the bike and the hire dates, book_bike ONLY after they say yes",
            "Read back the bike and the hire dates; call book_bike only after they say yes.",
        ),
        (
            "Hotel chat. Tools: get_room(ref), charge_card(ref).\n\nSteps:\n"
            "1) get_room first\n2) quote the total and the deposit, charge_card ONLY after the guest agrees",
            "Quote the total and the deposit; call charge_card only after the guest agrees.",
        ),
        (
            "Utility chat. Tools: check_id(account), get_bill(account).\n\nOrder matters:\n"
            "1) check_id before ANYTHING about their bill\n2) get_bill before quoting",
            "Call check_id before you discuss ANYTHING about their bill.",
        ),
    ],
)
def test_inverted_orders_read_the_right_way(task: str, expected: str) -> None:
    assert expected in generate(Brief(task=task)).prompt
