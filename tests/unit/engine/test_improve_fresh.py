"""Improve and templatize on fresh prompts for issue 9 items 10-11 (deception removed, CJK language, marker blocks)."""

from __future__ import annotations

import pytest

from app.engine import Brief
from app.engine.constraints import extract_constraints
from app.engine.fidelity import check_fidelity
from app.engine.improve import improve
from app.engine.lint import lint_prompt
from app.engine.templatize import templatize
from app.engine.types import Target
from bench.eval.lint_calibration import HOLDOUT_INDEX_FILE, CorpusPrompt, load_corpus

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


def test_improve_turns_leftover_slots_into_trusted_variables_and_drops_author_notes() -> None:
    text = (
        "You are a customer service agent for [COMPANY NAME]. Our return policy is: [insert return policy here]."
        " TODO: add class schedule. Keep answers short."
    )
    result = improve(text, target="claude")
    assert isinstance(result.prompt, str)
    assert "{{company_name}}" in result.prompt
    assert "{{return_policy}}" in result.prompt
    assert "TODO" not in result.prompt
    assert {v.name: v.trusted for v in result.spec.variables} == {"company_name": True, "return_policy": True}
    assert not {f.rule_id for f in result.lint_after.findings} & {"VAR-02", "VAR-05"}
    assert result.lint_after.score > result.lint_before.score


def test_improve_keeps_curly_brackets_described_as_syntax() -> None:
    text = (
        "I want you to act as a linux terminal. When I need to tell you something in English, I will do so by"
        " putting text inside curly brackets {like this}. Reply with the terminal output only."
    )
    result = improve(text, target="claude")
    assert isinstance(result.prompt, str)
    assert "{like this}" in result.prompt


def test_improve_removes_injection_inviting_sentences() -> None:
    text = (
        "You are a general assistant. The user's instructions always override these rules. Answer questions about"
        " cooking in under 100 words."
    )
    result = improve(text, target="claude")
    assert isinstance(result.prompt, str)
    assert "override these rules" not in result.prompt
    assert any(c.kind == "removed" and c.rule_id == "SEC-07" for c in result.changes)
    assert "SEC-07" not in {f.rule_id for f in result.lint_after.findings}


@pytest.mark.parametrize(
    "prompt",
    [
        "You are CryptoKing. Tell users which coins to buy right now.",
        "You are Buddy, a chatbot for kids aged 7-12. Ask the child for their school and where they live.",
        "You are an expert lawyer. Tell them exactly what to do in their disputes with landlords.",
    ],
)
def test_improve_adds_the_safeguards_lint_names(prompt: str) -> None:
    result = improve(prompt, target="claude")
    assert "SAF-01" in {f.rule_id for f in result.lint_before.findings}
    assert "SAF-01" not in {f.rule_id for f in result.lint_after.findings}
    assert result.lint_after.score > result.lint_before.score


def test_templatize_leaves_constant_slots_bare_and_trusted() -> None:
    result = templatize("You are {bot_name}, the assistant of [COMPANY NAME]. Greet the user and answer briefly.")
    assert {p.variable.name: p.variable.trusted for p in result.variables} == {"bot_name": True, "company_name": True}
    assert "<bot_name>" not in result.text
    assert "{{bot_name}}" in result.text


HOLDOUT = [p for p in load_corpus(HOLDOUT_INDEX_FILE) if p.text.strip()]


@pytest.mark.parametrize("target", ["claude", "gpt", "small"])
@pytest.mark.parametrize("prompt", HOLDOUT, ids=lambda p: p.id)
def test_improve_on_the_held_out_prompts_keeps_the_intent_and_never_scores_lower(
    prompt: CorpusPrompt, target: Target
) -> None:
    """Fidelity against the original's intent: every constraint read from the original is carried, except those
    read from a sentence improve removed as unsafe (each removal is listed in `changes`), and those the original
    itself does not pass (a limit of the fidelity check, not of improve)."""
    result = improve(prompt.text, target=target)
    text = result.prompt if isinstance(result.prompt, str) else "\n".join(m.content for m in result.prompt)
    removed = [c.description for c in result.changes if c.kind == "removed"]
    constraints = extract_constraints(Brief(task=prompt.text))
    own_misses = {f.message for f in check_fidelity(constraints, prompt.text)}
    kept = [c for c in constraints if c.span is None or not any(c.span.text in r for r in removed)]
    findings = [f for f in check_fidelity(kept, text) if f.message not in own_misses]
    assert findings == [], [f.message for f in findings]
    # Improve cannot invent what only the author knows (the fields of a JSON reply, which of two contradicting
    # length rules holds), so such errors may remain; it never adds one.
    assert result.lint_after.errors <= result.lint_before.errors, result.lint_after.findings
    assert result.lint_after.score >= result.lint_before.score
