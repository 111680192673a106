"""A spec fragment that opens with a count of things to deliver ('3 options, under 150 chars each') asks for that
many; a count of facts ('3 locations, open daily') asks for nothing."""

from __future__ import annotations

from app.engine.constraints.limits import find_limits


def test_a_fragment_opening_with_a_count_of_deliverables_asks_for_them() -> None:
    found = find_limits("3 options, under 150 chars each, only hashtag allowed is #moolessbk")
    assert [(f.unit, f.exact, f.maximum) for f in found] == [("items", 3, None), ("characters", None, 150)]


def test_a_count_of_facts_is_no_request() -> None:
    assert find_limits("5 locations, open daily") == []
