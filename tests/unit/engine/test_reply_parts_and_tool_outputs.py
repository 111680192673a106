"""What a tool returns is not the reply; a limit on one part of the reply (a JSON field named in any language, a
change list, "the answer in plain English") stays on that part; a domain word brings no second job's rule pack."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints


def _limits(task: str) -> list[tuple[str | None, int | None]]:
    return [(c.scope, c.maximum) for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


BREWERY = (
    "Internal helper for Kettle & Hop Brewing (6 people, we're not data folks). It answers questions by writing "
    "Postgres SQL and running it with the tool run_query(sql), which returns up to 500 rows as JSON.\n"
    "Tables:\nbatches(batch_id, style, brewed_on, volume_l)\nsales(sale_id, batch_id, sold_on, litres, channel)\n"
    "Show the SQL first, then the answer in plain English in max 3 sentences."
)


def test_what_a_tool_returns_is_neither_a_reply_limit_nor_a_reply_format() -> None:
    found = extract_constraints(Brief(task=BREWERY))
    assert not any(c.kind == "limit" and c.maximum == 500 for c in found)
    assert not any(c.kind == "format" and c.value == "json" for c in found)
    prompt = _prompt(BREWERY)
    assert "500 rows as." not in prompt
    assert "Return only valid JSON" not in prompt
    assert "6_people" not in prompt


def test_what_a_tool_returns_makes_no_data_extraction_job() -> None:
    matches = generate(Brief(task=BREWERY)).archetypes
    assert "data_extraction" not in [m.id for m in matches]
    assert "Set a field to null" not in _prompt(BREWERY)


def test_a_reply_format_stated_outside_a_tool_description_still_counts() -> None:
    task = "Look up orders with get_order(order_id). Reply as JSON with status and eta."
    assert any(c.kind == "format" and c.value == "json" for c in extract_constraints(Brief(task=task)))


@pytest.mark.parametrize(
    ("task", "scope", "maximum"),
    [
        ("Show the SQL first, then the answer in plain English in max 3 sentences.", "the answer", 3),
        ("Write the SQL, then an explanation in simple words of at most 2 sentences.", "the explanation", 2),
        ("Reply in plain English in max 3 sentences.", None, 3),
    ],
)
def test_a_part_named_with_its_language_keeps_its_limit(task: str, scope: str | None, maximum: int) -> None:
    assert _limits(task) == [(scope, maximum)]


@pytest.mark.parametrize(
    "task",
    [
        '各投稿をOK / REVIEW / REMOVEに分類してください。出力はJSONのみ：{"label": "OK", "reason": "..."}\n'
        "reasonは日本語で30文字以内。",
        '把每条评论分类为 OK、REVIEW 或 REMOVE。输出JSON：{"label": "OK", "reason": "..."}。reason用中文，不超过30字。',
    ],
)
def test_a_limit_after_a_json_key_and_a_cjk_topic_marker_limits_that_field(task: str) -> None:
    assert _limits(task) == [("the reason field", 30)]
    assert "Keep the reply to at most 30 characters" not in _prompt(task)


NEWSLETTER = (
    "Editor for the Friday newsletter at Millbrook Primary School (it goes to parents). I paste the draft, you fix "
    "spelling and grammar, use British spelling, shorten long sentences and keep the head teacher's voice. Output the "
    "edited newsletter first, then a short 'What I changed' list: max 5 bullets (the newsletter itself can be any "
    "length)."
)


def test_a_change_list_keeps_its_own_limit_and_replaces_the_default_change_list() -> None:
    assert _limits(NEWSLETTER) == [("the change list", 5)]
    prompt = _prompt(NEWSLETTER)
    assert "Keep the reply to at most 5 bullets" not in prompt
    assert "List the three most important changes" not in prompt


def test_a_school_subject_word_brings_no_tutor_rules_into_an_editor() -> None:
    prompt = _prompt(NEWSLETTER)
    assert "You are an editor" in prompt
    assert "Guide the student" not in prompt
    assert "two real attempts" not in prompt


def test_a_tutoring_brief_still_gets_the_tutor_rules() -> None:
    assert "Guide the student" in _prompt("Help Year 9 students with their chemistry homework.")
