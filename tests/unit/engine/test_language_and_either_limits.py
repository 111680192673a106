"""Limits the brief gives per reply language, limits it offers as alternatives, and pasted material under a
bracketed Japanese or Chinese heading."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import limits
from app.engine.render._common import slug


def _prompt(task: str) -> str:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert isinstance(prompt, str)
    return prompt


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "日本語は丁寧に、1回の返信は200文字以内。英語と韓国語は2文以内。",
            [("characters", "replies in Japanese"), ("sentences", "replies in English and Korean")],
        ),
        (
            "English replies: max 4 sentences. En español, máximo 80 palabras.",
            [("sentences", "replies in English"), ("words", "replies in Spanish")],
        ),
        ("Auf Englisch höchstens 3 Sätze.", [("sentences", "replies in English")]),
    ],
)
def test_a_limit_a_clause_gives_one_language_is_scoped_to_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(found.unit, found.scope) for found in limits.find_limits(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Spanish speakers are welcome, keep replies under 50 words.",
        "Keep it to 3 sentences.",
        "Summary: max 3 sentences.",
    ],
)
def test_a_clause_that_names_no_reply_language_scopes_no_limit_to_one(text: str) -> None:
    assert not any((found.scope or "").startswith("replies in") for found in limits.find_limits(text))


def test_per_language_limits_reach_the_output_section_scoped() -> None:
    prompt = _prompt(
        "温泉旅館のチャット案内係です。返信はお客様の言語で。日本語は1回の返信は150文字以内。英語は3文以内。"
    )
    assert "Keep replies in Japanese to at most 150 characters." in prompt
    assert "Keep replies in English to at most 3 sentences." in prompt
    assert "Keep the reply to at most 150 characters" not in prompt


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Answers: up to 4 bullet points or 2 sentences, whichever fits the question.",
            "Keep the reply to at most 4 bullets or at most 2 sentences, whichever fits the request better.",
        ),
        (
            "Reply in either one sentence or up to 40 words.",
            "Keep the reply to exactly 1 sentence or at most 40 words, whichever fits the request better.",
        ),
    ],
)
def test_limits_offered_as_alternatives_are_one_either_or_rule(sentence: str, expected: str) -> None:
    prompt = _prompt(f"Answer members' questions about our climbing gym. {sentence}")
    assert expected in prompt
    assert "Reply in exactly 2 sentences" not in prompt
    assert "Use only these categories" not in prompt


def test_whichever_is_shorter_keeps_both_limits() -> None:
    prompt = _prompt(
        "Answer members' questions about our climbing gym. Keep it to 3 sentences or 50 words, whichever is shorter."
    )
    assert "Keep the reply to at most 3 sentences." in prompt
    assert "Keep the reply to at most 50 words." in prompt


def test_material_under_a_bracketed_heading_is_its_own_section() -> None:
    prompt = _prompt(
        "小さな民宿のチャット案内係です。下の館内案内だけで答えてください。\n\n"
        "【館内案内】\n"
        "チェックイン 15:00〜20:00／チェックアウト 10:00\n"
        "朝食 7:00〜8:30、夕食なし\n"
        "駐車場：3台、無料\n"
    )
    assert "<館内案内>\nチェックイン 15:00〜20:00" in prompt
    assert not any(line[:1].isdigit() and "チェックイン" in line for line in prompt.splitlines())


@pytest.mark.parametrize(("title", "tag"), [("館内案内", "館内案内"), ("Price list", "price_list"), ("!!", "section")])
def test_a_section_tag_keeps_letters_of_any_script(title: str, tag: str) -> None:
    assert slug(title) == tag
