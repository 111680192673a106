"""Job words that real briefs use for specialist jobs: "pull data out of" an abstract is the extraction keyword, and
Instagram or LinkedIn posts to write are the copywriting one, in several languages; a job verb in an opening sentence
leads over a general answer only for extraction (a game campaign to brainstorm is no game to run)."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.classify import score_all


def _features(task: str, archetype: str) -> list[str]:
    return next((m.features for m in score_all(task) if m.id == archetype), [])


@pytest.mark.parametrize(
    "task",
    ["I need to pull data out of trial abstracts.", "Get the details out of each delivery note and return JSON."],
)
def test_pulling_data_out_of_a_text_is_the_extraction_keyword(task: str) -> None:
    assert "extract" in _features(task, "data_extraction")


@pytest.mark.parametrize(
    "task",
    [
        "Mi serve un aiuto per scrivere i post Instagram: io ti do due righe e tu scrivi il post.",
        "Necesito ayuda con las publicaciones de Instagram de mi floristería.",
        "Help me write LinkedIn posts for our recruiting agency.",
        "インスタの投稿文を考えてほしいです。",
    ],
)
def test_social_posts_to_publish_are_the_copywriting_keyword(task: str) -> None:
    assert "social posts" in _features(task, "marketing_copy")


def test_posts_people_send_us_are_no_copywriting_keyword() -> None:
    assert "social posts" not in _features("Answer customer questions that arrive as Instagram DMs.", "marketing_copy")


def test_an_opening_extraction_sentence_leads_over_a_json_answer() -> None:
    task = (
        "For our systematic review (physio dept) I need to pull data out of trial abstracts. I'll paste one at a "
        'time. Return JSON exactly in this shape: {"first_author": string, "year": integer, "country": string | null}'
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "data_extraction"


def test_a_brainstorm_partner_for_a_game_keeps_the_general_frame() -> None:
    task = 'be my brainstorm buddy for my D&D campaign "Ashen Coast". give me 3 ideas when i ask, then ask which.'
    assert generate(Brief(task=task, target="claude")).archetypes[0].id == "general_assistant"


def test_a_schema_sentence_is_not_repeated_as_a_rule() -> None:
    task = (
        "Pull data out of trial abstracts. Return JSON exactly in this shape, no extra keys, no text before or after: "
        '{"first_author": string, "year": integer, "country": string | null, "sample_size": integer | null, '
        '"intervention": string, "comparator": string | null, "follow_up_weeks": number | null}'
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    instructions = prompt.split("<instructions>")[1].split("</instructions>")[0]
    assert '"first_author": string' not in instructions
    assert "first_author" in prompt.split("<output_format>")[1]
