"""Leftover "Lorem ipsum" markers are found with either capital, in long and short prompts alike."""

from __future__ import annotations

from app.engine.lint._templates import find_slots


def test_lorem_ipsum_markers_are_found_in_a_long_prompt() -> None:
    text = "Answer the customer's question politely.\n" * 500 + "Intro: Lorem ipsum dolor. Footer: lorem ipsum."
    markers = [(s.start, s.end) for s in find_slots(text, []) if s.kind == "marker"]
    first = text.index("Lorem")
    second = text.index("lorem")
    assert markers == [(first, first + len("Lorem ipsum")), (second, second + len("lorem ipsum"))]


def test_lower_case_lorem_ipsum_alone_is_found() -> None:
    text = "Answer the customer's question politely.\n" * 500 + "Footer: lorem ipsum."
    start = text.index("lorem")
    assert [(s.start, s.end) for s in find_slots(text, []) if s.kind == "marker"] == [(start, start + 11)]


def test_no_marker_without_lorem_ipsum() -> None:
    assert [s for s in find_slots("Loremipsum and orem ipsum are not it.", []) if s.kind == "marker"] == []
