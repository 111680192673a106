"""A glossary built from a text (its terms with their equivalents) is not a translation of the whole text, and a
glossary the brief gives to follow changes nothing; 条 counts entries and 一段 before a noun counts no paragraphs."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints


def _prompt(task: str) -> str:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert isinstance(prompt, str)
    return prompt


@pytest.mark.parametrize(
    "task",
    [
        "I'm a medical interpreter. From each discharge letter I get, pick out the key medical terms and translate "
        "them into Spanish. Output a table: Term | Spanish | Note. At most 20 rows.",
        "我是专利代理人。输入：一份英文专利说明书。"
        "任务：把里面的技术术语找出来，翻译成中文，输出表格：English | 中文 | 说明。",
    ],
)
def test_terms_picked_from_a_text_make_a_glossary(task: str) -> None:
    prompt = _prompt(task)
    assert "terminologist who builds bilingual glossaries" in prompt
    assert "Return only the" not in prompt
    assert "Always reply in" not in prompt
    assert "Give each equivalent in" in prompt


@pytest.mark.parametrize(
    "task",
    [
        'Translate our app strings into Italian. Glossary: "workspace" -> "area di lavoro", "sign in" -> "accedi".',
        "取扱説明書を日本語に翻訳してください。用語集を必ず守ること：torque → トルク。",
    ],
)
def test_a_glossary_to_follow_keeps_the_translator(task: str) -> None:
    prompt = _prompt(task)
    assert "terminologist" not in prompt
    assert "professional translator" in prompt


def test_tiao_counts_entries_and_a_passage_is_no_paragraph_limit() -> None:
    limits = [
        c.text
        for c in extract_constraints(Brief(task="输入：一段中文合同。输出：最多12条，表格形式。"))
        if c.kind == "limit"
    ]
    assert limits == ["Give at most 12 entries."]
    spoken = [c.text for c in extract_constraints(Brief(task="用一段话回答。")) if c.kind == "limit"]
    assert spoken == ["Reply in exactly 1 paragraph."]
