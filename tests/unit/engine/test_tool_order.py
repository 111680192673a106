"""Order rules around tools that run on into the rest of their sentence."""

from __future__ import annotations

from app.engine.constraints.orderings import find_ordering


def test_a_tool_named_as_the_later_step_ends_the_step() -> None:
    found = find_ordering('ALWAYS call get_contract before raise_po and check the supplier status is "active"')
    assert found is not None
    assert found.text == "Call get_contract before raise_po."
    assert found.end == len("ALWAYS call get_contract before raise_po")  # the rest stays a rule of its own


def test_first_and_only_then_is_an_order() -> None:
    found = find_ordering("Always call lookup_order(order_id, email) first and only continue if the email matches.")
    assert found is not None
    assert found.text == "Always call lookup_order(order_id, email) first, and only continue if the email matches."


def test_a_long_later_step_ends_at_its_coordinated_clause() -> None:
    text = (
        "Always check availability before booking anything, and read the slot back to the customer and get a yes "
        "before calling book_job."
    )
    found = find_ordering(text)
    assert found is not None
    assert found.text == "Check availability before booking anything."
    assert text[found.end :].startswith(", and read the slot back")


def test_a_step_with_a_colon_is_not_cut() -> None:
    text = (
        "Check for red-flag symptoms first, before answering anything else: if they mention chest pain, shortness of "
        "breath, calf pain or swelling, or a fever, tell them to call 911 now."
    )
    assert find_ordering(text) is None
