"""Limits: every common way people state a length or a count, in several languages, and what is not a limit."""

from __future__ import annotations

import pytest

from app.engine.constraints.limits import describe_limit, find_limits


def limits(text: str) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(f.unit, f.minimum, f.maximum, f.exact) for f in find_limits(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reply in at most 3 sentences.", ("sentences", None, 3, None)),
        ("keep it under 150 words pls", ("words", None, 150, None)),
        ("no more than five bullet points", ("bullets", None, 5, None)),
        ("max 5 bullets", ("bullets", None, 5, None)),
        ("Max. 2 paragraphs", ("paragraphs", None, 2, None)),
        ("answers should be one line", ("lines", None, None, 1)),
        ("Answer in a single sentence.", ("sentences", None, None, 1)),
        ("2-3 sentences", ("sentences", 2, 3, None)),
        ("2–3 short paragraphs", ("paragraphs", 2, 3, None)),
        ("give exactly 5 items", ("items", None, None, 5)),
        ("somewhere between 50 and 100 words", ("words", 50, 100, None)),
        ("tweet-sized: <= 280 characters", ("characters", None, 280, None)),
        ("keep it to two paragraphs", ("paragraphs", None, 2, None)),
        ("don't use more than 3 bullets", ("bullets", None, 3, None)),
        ("never write fewer than 100 words", ("words", 100, None, None)),
        ("at least three sentences", ("sentences", 3, None, None)),
        ("3 sentences max", ("sentences", None, 3, None)),
        ("summary of 2 paragraphs or less", ("paragraphs", None, 2, None)),
        ("limit replies to 80 words", ("words", None, 80, None)),
        ("a 150-word bio", ("words", None, 150, None)),
        ("word limit: 120", ("words", None, 120, None)),
        ("Suggest five titles", ("items", None, None, 5)),
        ("up to 10 tags", ("items", None, 10, None)),
        ("in one or two lines", ("lines", 1, 2, None)),
        ("Responses must not exceed 200 tokens", ("tokens", None, 200, None)),
        ("Keep answers within 1,000 characters", ("characters", None, 1000, None)),
        ("write twelve lines", ("lines", None, None, 12)),
        ("Responde en máximo 3 frases", ("sentences", None, 3, None)),
        ("no más de 50 palabras", ("words", None, 50, None)),
        ("entre 50 y 100 palabras", ("words", 50, 100, None)),
        ("höchstens 100 Wörter", ("words", None, 100, None)),
        ("Antworte in maximal drei Sätzen", ("sentences", None, 3, None)),
        ("mindestens 2 Absätze", ("paragraphs", 2, None, None)),
        ("pas plus de 50 mots", ("words", None, 50, None)),
        ("au maximum deux paragraphes", ("paragraphs", None, 2, None)),
        ("no máximo 2 parágrafos", ("paragraphs", None, 2, None)),
        ("responda em até 3 frases", ("sentences", None, 3, None)),
        ("3文以内で答えてください", ("sentences", None, 3, None)),
        ("100字以内", ("characters", None, 100, None)),
        ("200文字以下でまとめて", ("characters", None, 200, None)),
        ("不超过200字", ("characters", None, 200, None)),
        ("用三句话以内回答", ("sentences", None, 3, None)),
    ],
)
def test_limit_phrasings(text: str, expected: tuple[str, int | None, int | None, int | None]) -> None:
    assert limits(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The points are valid.",
        "Make your point clearly.",
        "Version 2 of the API returns words in lowercase.",
        "We have one question for you.",
        "Handle refunds over $500 carefully.",
        "Customers from 3 countries write in.",
        "Read the article in section 4.2 first.",
        "Help the user with their lines of code.",
        "",
    ],
)
def test_not_a_limit(text: str) -> None:
    assert limits(text) == []


def test_two_limits_in_one_clause_and_scope() -> None:
    found = find_limits("Give 3 bullets, each under 12 words.")
    assert [(f.unit, f.exact, f.maximum, f.scope) for f in found] == [
        ("bullets", 3, None, None),
        ("words", None, 12, "each bullet"),
    ]


def test_scope_names_what_it_applies_to() -> None:
    assert [f.scope for f in find_limits("Each bullet should be at most 15 words")] == ["each bullet"]
    assert [f.scope for f in find_limits("50 words per item")] == ["each item"]
    # "each answer" is the whole reply, not a narrower part.
    assert [f.scope for f in find_limits("keep each answer under 100 words")] == [None]


def test_span_covers_the_cue_and_the_unit() -> None:
    text = "Please keep it under 150 words, thanks"
    (found,) = find_limits(text)
    assert text[found.start : found.end] == "under 150 words"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("sentences", None, 3, None, None), "Keep the reply to at most 3 sentences."),
        (("lines", None, None, 1, None), "Reply in exactly 1 line."),
        (("words", 50, 100, None, None), "Keep the reply between 50 and 100 words."),
        (("words", None, 12, None, "each bullet"), "Keep each bullet to at most 12 words."),
        (("paragraphs", 2, None, None, None), "Write at least 2 paragraphs."),
    ],
)
def test_describe_limit(args: tuple, expected: str) -> None:  # type: ignore[type-arg]
    assert describe_limit(*args) == expected


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Subject line: under 60 characters.", "the subject line"),
        ("Titles must be at most 8 words", "the title"),
        ("Keep the headline under 10 words", "the headline"),
    ],
)
def test_named_parts_scope_a_limit(text: str, scope: str) -> None:
    assert [f.scope for f in find_limits(text)] == [scope]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("The articles can be up to 5,000 words long.", "the input"),
        ("Transcripts are usually over 2000 words", "the input"),
        ("Reply to each message with at most 2 sentences.", None),
        ("Answer the question in at most 3 sentences.", None),
    ],
)
def test_limits_on_the_input_are_not_reply_limits(text: str, scope: str | None) -> None:
    assert [f.scope for f in find_limits(text)] == [scope]
