"""Format, audience and age extraction: reply-format cues in other languages and terse briefs, bans written with
```/accents/CJK, ages stated as "students are 13-17" or "(members, 18+)", and audiences under a negation."""

from __future__ import annotations

import pytest

from app.engine import Brief
from app.engine.constraints.ages import find_ages
from app.engine.constraints.formats import find_format
from app.engine.generate import read_constraints


@pytest.mark.parametrize(
    "text",
    [
        "Gib die Daten als JSON zurück.",
        "Respuesta: solo un JSON con los campos nombre y fecha.",
        "Uitvoer alleen als JSON-object.",
        "The bot sends back this JSON and nothing else.",
        "remplis le JSON suivant, rien d'autre",
        "raw JSON please",
    ],
)
def test_json_reply_cues(text: str) -> None:
    found = find_format(text)
    assert found is not None
    assert found.value == "json"


def test_json_mentioned_as_input_is_not_a_reply_format() -> None:
    assert find_format("The webhook payload is JSON.") is None


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("solo el objeto, sin ``` alrededor", "code_blocks"),
        ("Kein Codeblock drumherum.", "code_blocks"),
        ("pas d'emoji dans les messages", "emoji"),
        ("Tutoiement, pas d'émojis.", "emoji"),
        ("回复里不要加emoji", "emoji"),
    ],
)
def test_forbidden_feature_spellings(text: str, feature: str) -> None:
    found = find_format(text)
    assert found is not None
    assert feature in found.forbidden


@pytest.mark.parametrize(
    "text",
    ["Show the comparison dans un tableau.", "Use markdown tables for the prices.", "il risultato è una tabella"],
)
def test_table_requests(text: str) -> None:
    found = find_format(text)
    assert found is not None
    assert found.value == "table"


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("The trainees are 15-18 and new to first aid.", (15, 18)),
        ("kids roughly 5 to 9 come with their parents", (5, 9)),
        ("A budgeting app (EU members, 21+).", (21, None)),
        ("It is for adults only (18+).", (18, None)),
    ],
)
def test_age_statements(text: str, bounds: tuple[int | None, int | None]) -> None:
    ages = find_ages(text)
    assert ages is not None
    assert (ages.minimum, ages.maximum) == bounds


def test_negated_audience_is_not_the_audience() -> None:
    brief = Brief(task="A spelling coach. It is not meant for grown-ups or adults: the learners are kids aged 7-10.")
    audience = [c for c in read_constraints(brief) if c.kind == "audience"]
    assert audience
    assert all("adult" not in (c.value or "") for c in audience)
    assert (audience[0].minimum, audience[0].maximum) == (7, 10)
