"""Defaults that give way to what the brief says: code first (no assumptions up front, no thinking block), an exact
all-clear reply, a ban on translator's notes written in Japanese, 'no list[int]' as code rather than a list ban,
'no X, use Y' as one rule, and Japanese list dots as items."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints

_LEDGERLY = Brief(
    task="coding help for the backend team at Ledgerly. we're stuck on python 3.8 (old RHEL box)",
    constraints=[
        "no match statements, no list[int] style generics, use typing.List etc",
        "logging only via `from ledgerly.obs import get_logger`, never print()",
        "code first, then max 3 bullet points of explanation",
        "dont rewrite whole files, show only the changed function",
    ],
    target="claude",
)


def test_code_first_drops_assumptions_up_front_and_the_thinking_block() -> None:
    prompt = generate(_LEDGERLY).prompt
    assert "<thinking>" not in prompt
    assert "Start with the assumptions" not in prompt
    assert "assumptions (language version, framework, environment) at the start" not in prompt


def test_a_generic_in_code_is_no_ban_on_lists() -> None:
    constraints = read_constraints(_LEDGERLY)
    assert all("lists" not in c.forbidden for c in constraints if c.kind == "format")
    texts = [c.text for c in constraints]
    assert "Avoid list[int] style generics; instead, use typing.List etc." in texts
    assert "Logging only via `from ledgerly.obs import get_logger`." in texts
    assert "Do not rewrite whole files; instead, show only the changed function." in texts


def test_an_exact_all_clear_reply_replaces_the_reviewers_default() -> None:
    task = (
        "PR review bot for our Terraform repo. Max 5 bullets, worst first. "
        "If you find nothing, reply exactly LGTM and nothing else."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "No blocking issues found" not in prompt
    assert "LGTM" in prompt


def test_a_japanese_ban_on_translator_notes_removes_the_note_default() -> None:
    task = (
        "製品説明書を英語に翻訳するためのシステムプロンプトを作ってください。\n"
        "・出力は英訳だけ。前置きや説明、訳注は一切いりません\n"
        "・寸法はmmのまま。インチに換算しない"
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "translator's note" not in prompt
    assert "・" not in prompt.split("</role>")[1]
    assert "システム」" not in prompt
