"""Common misspellings are corrected before a brief is read, and spans still point at the user's own words."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import brief_fidelity, generate
from app.engine.spelling import correct_brief, correct_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a chat asistant for our gym", "a chat assistant for our gym"),
        ("NEVER give diet or suplement advice", "NEVER give diet or supplement advice"),
        ("keep replys short, dont ramble", "keep replies short, don't ramble"),
        ("it should NOT give any medical advise", "it should NOT give any medical advice"),
        ("Pls answer in English", "Please answer in English"),
        ("we run a gym and i want a bot", "we run a gym and I want a bot"),
        ("Recieve and SEPERATE them", "Receive and SEPARATE them"),
    ],
)
def test_common_misspellings_are_corrected(text: str, expected: str) -> None:
    assert correct_text(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        'reply exactly "we dont know yet, pls wait"',  # a quoted reply is said word for word
        "email suplement@shop.example or see https://shop.example/asistant",
        "keep {{dont}} and `recieve()` as they are",
        "we advise users to use postgres and nginx",  # a real verb and technical words stay
        "(i) first item (ii) second item",  # a list marker is not the pronoun
    ],
)
def test_protected_and_correct_text_is_left_alone(text: str) -> None:
    assert correct_text(text) == (text, [])


def test_constraint_spans_point_at_the_original_brief() -> None:
    task = "chat asistant for a gym. never give suplement advice. keep replys under 80 words."
    result = generate(Brief(task=task))
    assert "supplement" in result.prompt
    assert "suplement" not in result.prompt
    for constraint in result.constraints:
        span = constraint.span
        assert span is not None
        assert task[span.start : span.end] == span.text
    limit = next(c for c in result.constraints if c.kind == "limit")
    assert limit.span is not None
    assert limit.span.text == "under 80 words"
    prohibition = next(c for c in result.constraints if c.kind == "prohibition")
    assert prohibition.span is not None
    assert "suplement" in prohibition.span.text


def test_brief_constraints_list_is_corrected_with_its_own_edits() -> None:
    corrected = correct_brief(Brief(task="Answer questions.", constraints=["dont mention prices", "fine as is"]))
    assert corrected.brief.constraints == ["don't mention prices", "fine as is"]
    assert set(corrected.edits) == {"constraints:0"}
    # "mention" in the corrected text starts one character later than in the original
    assert corrected.original_span("constraints", 0, 6, 13) == (5, 12)


def test_the_lint_fidelity_check_reads_both_sides_corrected() -> None:
    brief = Brief(task="Support bot for a gym. never give suplement advice.")
    prompt = generate(brief).prompt
    assert brief_fidelity(brief, prompt) == []
