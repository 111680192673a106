"""Guards from the hostile review of this session's engine changes (review22): the probes that misfired, kept as
tests so the new rules stay narrow."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import Constraint, extract_constraints
from app.engine.safety import detect_domains


def _result(task: str) -> tuple[str, list[str]]:
    result = generate(Brief(task=task, target="claude"))
    return result.prompt, [m.id for m in result.archetypes]


def _kinds(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


@pytest.mark.parametrize(
    "task",
    [
        "Make a bot that answers my team's questions about our onboarding process, using the notes I've collected "
        "in Confluence. If it doesn't know, it should say so.",
        "Support chatbot for Quillpad, our note-taking app. Users ask how to share notes, how to make notes private, "
        "and how to turn notes into checklists.",
        "Create a tutor for piano students. Explain how to read notes on the staff, and make short practice "
        "exercises for each lesson.",
        "Help me prepare for my history exam. I'll give you my class notes; quiz me on them with one question at a "
        "time, tell me if I'm right, and make a short revision sheet at the end.",
        "Moderate comments on our parenting forum. Moderators add notes to flagged posts; read the post and the "
        "notes and decide approve, remove or escalate, and write a one-line reason.",
    ],
)
def test_notes_read_by_another_job_make_no_writer(task: str) -> None:
    prompt, _ = _result(task)
    assert "who turns notes into finished texts" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Help our analysts write SQL against the warehouse. The orders table has these columns:\norder_id\n"
        "customer_id\ncreated_at\ntotal_gbp\nstatus\n\nReturn the query in a code block, then one sentence "
        "explaining it.",
        "Chat with the customer and collect these fields:\nname\nphone\npostcode\npreferred_date\n\nThen confirm the "
        "booking back to the customer in one short message.",
    ],
)
def test_columns_described_or_details_to_collect_make_no_record(task: str) -> None:
    prompt, _ = _result(task)
    assert "A single JSON object" not in prompt
    assert "one per line as `field: value`" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "We need to create Spanish versions of our terms and conditions and privacy policy. Translate faithfully.",
        "Translate our product manuals from English into Japanese. Make sure the technical terms are translated "
        "consistently, and keep product names in English.",
        "Translate contracts from German into English for our legal team. Identify any terms that have no exact "
        "English equivalent and add a translator's note in brackets.",
        "把下面的用户手册翻译成英文。找出原文中有歧义的术语，在译文后面列出来。",
    ],
)
def test_whole_text_translations_are_no_glossaries(task: str) -> None:
    prompt, _ = _result(task)
    assert "terminologist" not in prompt


@pytest.mark.parametrize(
    "line",
    [
        "必ず敬語を使わなければならない。",
        "手順が多いときは箇条書きにしても構わない。",
        "キャンセル料はかからない。",
        "混雑時は返信が遅れるかもしれない。",
        "土曜日は午前しか診療していない。",
    ],
)
def test_japanese_facts_permissions_and_obligations_forbid_nothing(line: str) -> None:
    assert not _kinds(f"旅館の問い合わせチャットボット。\n{line}", "prohibition")


def test_a_japanese_rule_in_the_plain_negative_still_forbids() -> None:
    assert _kinds("旅館の問い合わせチャットボット。\n- 他の旅館の名前は出さない", "prohibition")


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        (
            "A chatbot for our yoga studio that answers questions about class times. Keep replies friendly; they are "
            "usually 2-3 sentences.",
            "Keep the reply between 2 and 3 sentences.",
        ),
        ("Write product blurbs for our wine shop. Each blurb is typically 40-60 words.", "40 and 60 words"),
        (
            "Draft social posts for our gym. Instagram captions are at most 150 characters. Facebook posts can be up "
            "to 80 words.",
            "Keep facebook posts to at most 80 words.",
        ),
    ],
)
def test_a_written_piece_keeps_its_length(task: str, expected: str) -> None:
    texts = [c.text for c in _kinds(task, "limit")]
    assert any(expected in text for text in texts), texts
    assert not any(text.startswith("Expect inputs") for text in texts), texts


def test_a_sentiment_classifier_with_fields_stays_a_classifier() -> None:
    _, archetypes = _result(
        "Classify the sentiment of each product review. Return JSON with the fields review_id, sentiment (one of: "
        "positive, negative, neutral) and reason (one sentence)."
    )
    assert archetypes[0] == "classification"


def test_go_over_without_a_length_keeps_the_briefs_words() -> None:
    texts = [
        c.text
        for c in _kinds(
            "A support bot for Linden Bank. Customers ask about last year's data breach. Don't go over it; say that "
            "the bank has published a statement.",
            "prohibition",
        )
    ]
    assert "Never exceed the length limits stated here." not in texts


@pytest.mark.parametrize("text", ["回复控制在两段以内。", "用3段回答用户的问题。"])
def test_chinese_paragraph_limits_are_read(text: str) -> None:
    assert [c.unit for c in _kinds(text, "limit")] == ["paragraphs"]


def test_a_quiz_with_a_pass_command_keeps_the_tutor() -> None:
    prompt, _ = _result(
        'A Spanish vocabulary tutor. It quizzes me on 10 words per session and keeps score. If I type "pass", show '
        "me the answer straight away and move on."
    )
    assert "Never reveal an answer before the student has tried it" not in prompt


def test_a_clients_briefing_is_no_summary_job() -> None:
    _, archetypes = _result(
        "Você é redator publicitário da nossa agência. A partir do briefing do cliente, crie três opções de anúncio "
        "para o Google Ads, com títulos de até 30 caracteres."
    )
    assert archetypes[0] != "summarization"


def test_a_childrens_hospital_keeps_the_childrens_pack() -> None:
    assert "children" in detect_domains(
        ["A chatbot for young patients at Riverside Children's Hospital. It explains their appointment simply."]
    )


def test_an_escalation_address_stays_out_of_the_written_text() -> None:
    prompt, _ = _result(
        "Draft replies to supplier emails for our procurement team. Keep them short and formal, and never agree to "
        "new prices. Escalations: procurement-lead@acme.com"
    )
    assert "as the contact wherever the text needs one" not in prompt


def test_a_house_rule_in_italian_forbids_nothing_to_the_assistant() -> None:
    assert not _kinds("Assistente per il nostro B&B a Lucca. È vietato fumare nelle camere.", "prohibition")


def test_a_goal_line_is_no_job_line() -> None:
    prompt, _ = _result(
        "Context: we're Ledgerly, an invoicing app.\nGoal: cut our support ticket volume by 30% this quarter.\n"
        "What we want: a chatbot on the help centre that answers questions about invoices."
    )
    assert "Use case: Goal:" not in prompt
