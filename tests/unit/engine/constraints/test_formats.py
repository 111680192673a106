"""Formats and forbidden formatting, and the scope of negation they depend on."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.constraints.clauses import split_clauses
from app.engine.constraints.formats import find_format, required_features
from app.engine.constraints.negation import negated_ranges


def negated_words(text: str) -> list[str]:
    ranges = negated_ranges(text)
    words = []
    position = 0
    for word in text.split():
        start = text.index(word, position)
        position = start + len(word)
        if any(s <= start < e for s, e in ranges):
            words.append(word.strip(",.;"))
    return words


@pytest.mark.parametrize(
    ("text", "negated", "free"),
    [
        ("no markdown, no lists", ["markdown", "lists"], []),
        ("Don't use markdown, lists or emojis.", ["markdown", "lists", "emojis"], []),
        ("No markdown, keep it friendly", ["markdown"], ["keep", "friendly"]),
        ("not only accurate but also kind", [], ["accurate", "kind"]),
        ("Be concise and avoid jargon", ["jargon"], ["concise"]),
        ("without headings or tables, use short paragraphs", ["headings", "tables"], ["short", "paragraphs"]),
        ("sin listas ni emojis", ["listas", "emojis"], []),
        ("keine Tabellen und keine Emojis", ["Tabellen", "Emojis"], []),
    ],
)
def test_negation_scope(text: str, negated: list[str], free: list[str]) -> None:
    found = negated_words(text)
    for word in negated:
        assert word in found
    for word in free:
        assert word not in found


@pytest.mark.parametrize(
    ("text", "value", "forbidden"),
    [
        ("no markdown, no lists", None, ["markdown", "lists"]),
        ("Plain text only.", "plain", ["markdown"]),
        ("plain text, no emojis pls", "plain", ["markdown", "emoji"]),
        ("Don't use bullet points or headers.", None, ["lists", "headings"]),
        ("Never use emoji", None, ["emoji"]),
        ("Return JSON.", "json", []),
        ("respond only with the label", "label", []),
        ("Output just the category, nothing else", "label", []),
        ("Present the comparison as a table", "table", []),
        ("answer in bullet points", "bullets", []),
        ("Format the answer in Markdown with headings", "markdown", []),
        ("avoid tables and code blocks", None, ["tables", "code_blocks"]),
        ("Sin markdown ni listas.", None, ["markdown", "lists"]),
        ("Keine Aufzählungen, keine Emojis.", None, ["lists", "emoji"]),
        ("pas de markdown", None, ["markdown"]),
    ],
)
def test_format_statements(text: str, value: str | None, forbidden: list[str]) -> None:
    found = find_format(text)
    assert found is not None
    assert (found.value, found.forbidden) == (value, forbidden)


@pytest.mark.parametrize(
    "text",
    [
        "Don't use more than 3 bullets.",
        "Keep the list of steps short.",
        "Help users format their spreadsheets.",
        "Answer questions about our pricing table.",
        "Explain what JSON is to beginners.",
    ],
)
def test_no_format_statement(text: str) -> None:
    found = find_format(text)
    assert found is None or (found.value is None and found.forbidden == [])


def test_format_span_starts_at_the_negation() -> None:
    text = "Reply in at most 3 sentences, no markdown, no lists."
    found = find_format(text)
    assert found is not None
    assert text[found.start : found.end] == "no markdown, no lists"


@pytest.mark.parametrize(
    ("text", "features"),
    [
        ("Format answers in Markdown with short headings and lists.", ["markdown", "headings", "lists"]),
        ("Use bullet points for the steps.", ["lists"]),
        ("Do not use Markdown or lists.", []),
        ("Write plain text: no Markdown, no bullet points.", []),
    ],
)
def test_required_features(text: str, features: list[str]) -> None:
    assert [name for name, _, _ in required_features(text)] == features


def test_clauses_keep_offsets_and_drop_bullets() -> None:
    text = "Be brief. Use the article (see sec. 4.2); e.g. cite it.\n- no emojis\n* email help@acme.com if stuck"
    clauses = split_clauses(text)
    assert [c.text for c in clauses] == [
        "Be brief.",
        "Use the article (see sec. 4.2)",
        "e.g. cite it.",
        "no emojis",
        "email help@acme.com if stuck",
    ]
    for clause in clauses:
        assert text[clause.start : clause.end] == clause.text


def test_words_ending_like_an_abbreviation_still_end_a_sentence() -> None:
    assert [c.text for c in split_clauses("Ask for help. Then stop.")] == ["Ask for help.", "Then stop."]


@pytest.mark.parametrize(
    "task",
    [
        "Only use these tables. If the question cannot be answered with these tables, say so.",
        "Never invent columns that are not in our tables.",
        "Do not change those lists: copy them as they are.",
    ],
)
def test_particular_tables_and_lists_are_not_formatting_bans(task: str) -> None:
    assert not [c for c in extract_constraints(Brief(task=task)) if c.kind == "format" and c.forbidden]


def test_a_real_ban_on_tables_still_reads() -> None:
    [found] = [c for c in extract_constraints(Brief(task="Answer in prose: no tables.")) if c.kind == "format"]
    assert "tables" in found.forbidden
