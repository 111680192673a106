"""Formatting words read in their context: a negation after the noun (Japanese), a list or table the reply draws
on, how a feature would look on screen, and a hand-off told in the brief's own words all keep the fidelity check
from reporting a contradiction the prompt does not make."""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.constraints.format_nouns import names_a_thing
from app.engine.constraints.negation import negated_ranges
from app.engine.fidelity import check_fidelity
from app.engine.fidelity.formats import requests


def _negated(text: str, word: str) -> bool:
    position = text.index(word)
    return any(start <= position < end for start, end in negated_ranges(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("返信は150字以内、絵文字なし、です・ます調で", "絵文字"),
        ("顔文字・絵文字は使わないでください", "顔文字"),
        ("マークダウン不要。", "マークダウン"),
    ],
)
def test_japanese_negation_after_the_noun_negates_it(text: str, word: str) -> None:
    assert _negated(text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("只回复一条SQL，表格外面不要任何文字。", "表格"),
        ("代码块之外不要写解释", "代码块"),
    ],
)
def test_chinese_negation_before_its_object_leaves_the_topic_alone(text: str, word: str) -> None:
    assert not _negated(text, word)


def test_a_feature_banned_after_its_noun_is_not_requested() -> None:
    assert requests("返信は150字以内、絵文字なし、丁寧語で") == []


@pytest.mark.parametrize(
    "text",
    [
        "Quote fees only from this list, never add them up.",
        "Check the postcode against the table and say which van comes.",
        "If the size is not in the table, say so.",
        "Pick the answer according to the list the club sent.",
    ],
)
def test_a_list_or_table_the_reply_draws_on_names_a_thing(text: str) -> None:
    word = "list" if " list" in text else "table"
    start = text.rindex(word)
    assert names_a_thing(text, start, start + len(word))


@pytest.mark.parametrize("text", ["Reply as a list.", "Put the figures in a table.", "Use the table below."])
def test_a_list_or_table_as_the_reply_form_is_still_a_form(text: str) -> None:
    word = "list" if " list" in text else "table"
    start = text.rindex(word)
    assert not names_a_thing(text, start, start + len(word))


@pytest.mark.parametrize(
    "text",
    [
        "No markdown please, it shows up as raw asterisks in the app.",
        "Avoid markdown: it renders as stray asterisks on the kiosk.",
    ],
)
def test_how_a_banned_feature_would_look_is_not_a_request(text: str) -> None:
    assert [feature.name for feature in requests(text)] == []


def test_an_actual_request_for_the_feature_is_still_read() -> None:
    assert [feature.name for feature in requests("Format the answer as a bulleted list.")] != []


def _fidelity_ids(brief: Brief) -> list[str]:
    result = generate(brief)
    return [finding.rule_id for finding in check_fidelity(extract_constraints(brief), result.prompt)]


def test_a_hand_off_in_the_briefs_own_words_is_carried() -> None:
    brief = Brief(
        task=(
            "Answer members' questions about the Brookfield rowing club handbook, only from the handbook. "
            "For questions about their own membership fees, point them to the club portal's billing page. "
            "Max 3 sentences."
        )
    )
    handoffs = [c for c in extract_constraints(brief) if c.kind == "fallback" and c.action == "handoff"]
    assert handoffs
    prompt = (
        "You answer questions about the Brookfield rowing club handbook, only from the handbook, in at most 3 "
        "sentences.\nFor questions about their own membership fees, point them to the club portal's billing page."
    )
    assert check_fidelity(handoffs, prompt) == []
    assert _fidelity_ids(brief) == []


def test_prices_from_a_list_beside_a_ban_on_bullets_is_no_contradiction() -> None:
    brief = Brief(
        task=(
            "Draft email replies for a dog-grooming salon. Plain text, no bullet points. "
            "Quote prices only from this list: bath 30, full groom 55, nail trim 12."
        )
    )
    assert "FID-02" not in _fidelity_ids(brief)


def test_a_japanese_brief_banning_emoji_passes_its_own_check() -> None:
    brief = Brief(
        task=(
            "当店（自転車修理店）のLINE問い合わせに答えるアシスタントです。修理の予約と料金の質問に答えてください。"
            "1メッセージ100字以内、絵文字なし、丁寧語で。わからないことは店舗（03-1234-5678）に電話するよう伝えてください。"
        )
    )
    assert "FID-02" not in _fidelity_ids(brief)
