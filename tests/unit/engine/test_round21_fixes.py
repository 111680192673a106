"""Fixes for round 21's output-section defects: a stated line key, a replacement word, an inline JSON scale, a CJK
label list that runs on into the reason, and a label that leads a limited part."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.fallbacks import find_fallbacks
from app.engine.constraints.label_cjk import find_cjk_labels
from app.engine.constraints.structure import to_json_schema
from app.engine.generate import generate

_SOLAR = (
    "Summarise sales call transcripts for Brightlane Solar. Reps paste the transcript after each call. "
    "Output exactly:\n"
    "- 3 bullets: the homeowner's situation, their main objection, what was promised\n"
    '- a line "Next step: ..." with a date if one was agreed\n'
    '- a line "Lead: " followed by one of hot, warm, cold, not_qualified\n'
    "Under 90 words total. Don't put the homeowner's name in the summary, say \"the homeowner\"."
)


def test_the_stated_line_key_carries_the_label() -> None:
    prompt = generate(Brief(task=_SOLAR, target="claude")).prompt
    output = prompt.split("<output_format>")[1]
    # the outline's own line names the key; no second closing line repeats it under another name
    assert 'a line "Lead: " followed by one of hot, warm, cold, not_qualified' in output
    assert '"Label:"' not in prompt


def test_output_exactly_introduces_the_replys_lines() -> None:
    prompt = generate(Brief(task=_SOLAR, target="claude")).prompt
    output = prompt.split("<output_format>")[1]
    assert 'a line "Next step: ..." with a date if one was agreed' in output


def test_a_word_to_use_instead_is_no_reply_to_give() -> None:
    found = find_fallbacks("Don't put the homeowner's name in the summary, say \"the homeowner\".")
    assert not any(f.action == "say" for f in found)
    assert 'reply exactly: "the homeowner"' not in generate(Brief(task=_SOLAR, target="claude")).prompt


def test_numbers_joined_by_bars_in_a_json_literal_are_an_integer_scale() -> None:
    result = generate(
        Brief(
            task="Bewerte Kurzantworten (Kurs der Gastro-Akademie Rheinhessen, Mainz). Feedback höchstens 25 Wörter.",
            output_format='Nur JSON, ohne Codeblock: {"punkte": 0|1|2, "feedback": "..."}',
            target="claude",
        )
    )
    assert '"punkte": {"type": "integer", "enum": [0, 1, 2]}' in result.prompt
    assert "mainz" not in result.prompt.lower().split("<output_format>")[1]
    assert to_json_schema({"grade": "1|2|3"})["properties"]["grade"] == {"type": "integer", "enum": [1, 2, 3]}


def test_a_cjk_label_list_ends_at_the_full_width_comma() -> None:
    found = find_cjk_labels("每条评论只输出一个标签：PASS、REMOVE、REVIEW，然后换行，写一句不超过20个字的理由。")
    assert found is not None
    assert found.values == ["PASS", "REMOVE", "REVIEW"]


def test_a_label_that_leads_a_limited_reason_starts_the_reply() -> None:
    prompt = generate(
        Brief(
            task="每条评论只输出一个标签：PASS、REMOVE、REVIEW，然后换行，写一句不超过20个字的理由。", target="claude"
        )
    ).prompt
    output = prompt.split("<output_format>")[1]
    assert "Start the reply with exactly one of these labels: PASS, REMOVE, REVIEW." in output
    assert "Keep the reason to at most 20 characters." in output
    assert "Make the reason exactly 1 sentence." in output


_DBT = (
    "Can you make me a prompt for a PR review bot for our analytics repo? It's dbt on Snowflake. The bot gets the "
    "diff of the .sql and .yml files and comments on it.\n\nWhat to check:\n"
    "- SELECT * in anything under models/marts/\n"
    "- hardcoded dates or environment names\n\nOutput: a numbered list, each item starts with a severity tag, one of "
    "[BLOCKER], [SHOULD-FIX], [NIT], then file:line, then one sentence. If there's nothing to flag, reply with "
    "exactly: LGTM"
)


def test_a_pr_review_bot_is_the_code_reviewer() -> None:
    result = generate(Brief(task=_DBT, target="claude"))
    assert result.archetypes[0].id == "code_reviewer"


def test_what_to_check_is_a_rule_and_a_tagged_list_gets_no_thinking_block() -> None:
    result = generate(Brief(task=_DBT, target="claude"))
    assert not any(line.startswith("From the brief: What to check") for line in result.spec.context)
    assert "What to check: SELECT * in anything under models/marts/" in result.prompt
    assert "<thinking>" not in result.prompt


def test_a_stated_number_of_questions_and_its_end_replace_the_role_play_defaults() -> None:
    prompt = generate(
        Brief(
            task="Quero um prompt para um simulador de entrevista de emprego. O bot faz o papel da recrutadora.\n"
            "- Faça exatamente 6 perguntas, uma de cada vez.\n"
            "- Depois da sexta resposta, saia do personagem e dê o feedback.",
            target="claude",
        )
    ).prompt
    assert '"end session"' not in prompt
    assert "probing question" not in prompt
