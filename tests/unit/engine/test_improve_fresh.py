"""Improve and templatize on fresh prompts for issue 9 items 10-11 (deception removed, CJK language, marker blocks)."""

from __future__ import annotations

from app.engine.improve import improve
from app.engine.lint import lint_prompt
from app.engine.templatize import templatize

DOCTOR = (
    "Act as a doctor. Answer the patient's questions about their symptoms and tell them what medication to take."
    " Never say you don't know."
)


def test_improve_removes_a_fabrication_forcing_sentence_and_scores_higher() -> None:
    result = improve(DOCTOR, target="claude")
    assert isinstance(result.prompt, str)
    assert "Never say you don't know" not in result.prompt
    assert "Act as a doctor." in result.prompt
    assert "tell them what medication to take" in result.prompt
    assert any(c.kind == "removed" and c.rule_id == "SAF-02" for c in result.changes)
    assert "SAF-02" not in {f.rule_id for f in result.lint_after.findings}
    assert result.lint_after.score > result.lint_before.score


def test_improve_keeps_a_japanese_role_and_names_the_reply_language() -> None:
    text = "あなたは家電メーカーのサポート担当者です。ユーザーの質問に丁寧に答えてください。回答は3文以内、箇条書きで。"
    result = improve(text, target="claude")
    assert isinstance(result.prompt, str)
    assert "あなたは家電メーカーのサポート担当者です。" in result.prompt
    assert "Reply in Japanese." in result.prompt
    assert not any(c.rule_id == "STR-01" for c in result.changes)


EMAIL_REPLY = """Draft a polite reply to this email from Mr. Oliver Grant.

---
Dear team, I ordered a sofa three weeks ago and it still hasn't arrived. I want a refund. - Oliver
---

For refunds above $500, tell him that support@homely.example will follow up within 2 business days."""


def test_templatize_turns_a_marker_delimited_email_and_the_senders_name_into_slots() -> None:
    result = templatize(EMAIL_REPLY)
    kinds = {(p.kind, p.value) for p in result.variables}
    assert ("person_name", "Oliver Grant") in kinds
    assert any(kind == "pasted_block" and value.startswith("Dear team") for kind, value in kinds)
    assert "support@homely.example" in result.text
    report = lint_prompt(result.text, variables=[p.variable for p in result.variables])
    assert not {f.rule_id for f in report.findings} & {"VAR-01", "VAR-02", "VAR-03", "SEC-01"}
