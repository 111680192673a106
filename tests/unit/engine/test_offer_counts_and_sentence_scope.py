"""A count after a price or "free" describes an offer, not the reply's length; a per-part limit keeps the part it
names ("no more than 12 words each" after "short sentences", "pro Satz", "por frase")."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints.limits import find_limits


def _limits(text: str) -> list[tuple[str, int | None, str | None]]:
    return [(f.unit, f.maximum, f.scope) for f in find_limits(text)]


@pytest.mark.parametrize(
    "text",
    [
        "A bulky pickup costs £25 for up to 3 items.",
        "Bulky items: £25 for up to 3 items, £40 for up to 6.",
        "Entry is free for up to 2 kids per adult.",
        "The plan costs $9 a month for up to 5 users.",
        "Es gratis para hasta 2 niños por adulto.",
        "Le forfait à 30 € pour 4 personnes maximum.",
        "Der Verleih kostet 10 € für bis zu 3 Teile.",
    ],
)
def test_a_count_after_a_price_is_no_limit(text: str) -> None:
    assert _limits(text) == []


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("Suggest up to 3 items.", ("items", 3, None)),
        ("It is free. Keep answers to at most 3 sentences.", ("sentences", 3, None)),
        ("Reply in at most 3 sentences; the service is free for everyone.", ("sentences", 3, None)),
    ],
)
def test_limits_near_prices_or_free_still_count(text: str, limit: tuple[str, int, None]) -> None:
    assert _limits(text) == [limit]


def test_a_price_note_in_a_tool_description_does_not_cap_the_reply() -> None:
    task = (
        "Helper for a bike hire shop. book_bike(date, size) books a bike (€15 per day, free for up to 2 child "
        "seats). Max 3 sentences per reply."
    )
    prompt = generate(Brief(task=task)).prompt
    assert "at most 2" not in prompt
    assert "at most 3 sentences" in prompt


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Use short sentences, no more than 12 words each.", "each sentence"),
        ("Short lines, at most 8 words each.", "each line"),
        ("máximo 12 palabras por frase", "each sentence"),
        ("höchstens 12 Wörter pro Satz", "each sentence"),
        ("12 mots maximum par phrase", "each sentence"),
        ("massimo 15 parole per riga", "each line"),
        ("Max 12 words per sentence.", "each sentence"),
    ],
)
def test_the_part_a_per_part_limit_names_is_kept(text: str, scope: str) -> None:
    assert _limits(text)[-1][2] == scope


def test_a_reply_noun_before_each_is_not_a_part() -> None:
    assert _limits("Keep answers short, at most 50 words each.")[-1][2] != "each answer"


def test_the_prompt_says_each_sentence() -> None:
    task = "Museum chat helper for kids aged 7 to 9. Use short sentences, no more than 10 words each."
    assert "Keep each sentence to at most 10 words." in generate(Brief(task=task)).prompt
