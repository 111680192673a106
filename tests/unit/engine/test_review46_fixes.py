"""Findings of session 46's hostile review that the lead fixed after the merges."""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.brief import Brief


def _instructions(task: str) -> str:
    prompt = generate(Brief(task=task, target="claude")).prompt
    return prompt.split("<instructions>")[1].split("</instructions>")[0]


@pytest.mark.parametrize(
    ("task", "ranked"),
    [
        (
            "Review PRs. What to check, in priority order:\n1. security\n2. correctness\n3. readability\n"
            "Keep each finding to one line.",
            "1) security; 2) correctness; 3) readability",
        ),
        (
            "You review our Terraform pull requests. What to look for, in order of importance:\n1. secrets\n"
            "2. public buckets\n3. naming\nMax 5 findings.",
            "1) secrets; 2) public buckets; 3) naming",
        ),
    ],
)
def test_a_ranked_list_of_short_items_under_a_checks_heading_keeps_its_order(task: str, ranked: str) -> None:
    assert ranked in _instructions(task)


def test_a_checks_heading_over_sentences_still_gives_a_rule_per_item() -> None:
    task = (
        "Review PRs. What to check, in priority order:\n1. Flag any secret committed to the repo.\n"
        "2. Point out missing tests for new functions.\nKeep each finding to one line."
    )
    rules = _instructions(task)
    assert "Flag any secret committed to the repo." in rules
    assert "Point out missing tests for new functions." in rules
    assert "What to check, in priority order:" not in rules


def _language_texts(task: str) -> list[str]:
    from app.engine.constraints import extract_constraints

    return [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "language"]


@pytest.mark.parametrize(
    "task",
    [
        "Write product descriptions. Languages supported: British English, French, German. Reply in the language "
        "of the request.",
        "Audience: Canadian English, French speakers. You write our newsletter.",
    ],
)
def test_a_variant_in_a_list_of_languages_is_no_reply_language(task: str) -> None:
    assert not any(text.startswith("Always reply in") for text in _language_texts(task))


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("You summarise our weekly safety notes for team leads. Keep it under 250 words, UK English.", "British"),
        ("You write our shop's FAQ answers. Tone: friendly, US English, no jargon.", "American"),
    ],
)
def test_a_bare_variant_on_its_own_is_still_the_reply_language(task: str, expected: str) -> None:
    assert any(expected in text for text in _language_texts(task))


@pytest.mark.parametrize(
    "task",
    [
        "Summarise guest emails for our hotel staff in 3 bullets. Mention the language of the guest and their room "
        "number.",
        "Klassifiziere Kundenbewertungen nach Stimmung und nenne die Sprache der Bewertung als ISO-Code. Nur JSON.",
    ],
)
def test_the_language_of_a_message_asked_for_as_data_mirrors_nothing(task: str) -> None:
    assert not any("language of the message" in text or "same language" in text for text in _language_texts(task))


def test_a_reply_in_the_language_of_the_review_still_mirrors() -> None:
    task = "Eres el asistente de Casa Lupe que contesta reseñas de Google. Responder en el idioma de la reseña."
    assert _language_texts(task) == ["Reply in the language of the message you are answering."]
