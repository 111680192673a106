"""A code-review brief read as its writer meant it: a limit after a part's label inside a one-line layout narrows
that part ("… - problem. Fix: one sentence"), "won't link" is a statement about code, "I'll paste a diff" says what
arrives, and "BLOCKER first" is the order of findings (so the default ranking by impact goes)."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.generate import generate

_REVIEW = (
    "Code review prompt. We write embedded Rust (no_std).\n"
    "I'll paste a unified diff. Look only for panics and heap allocation (there is no allocator, Vec/Box won't link).\n"
    "Output one finding per line, exactly: SEVERITY path:line - problem. Fix: one sentence.\n"
    "SEVERITY is BLOCKER, MAJOR or MINOR. BLOCKER first. Max 8 findings."
)


def test_a_limit_after_a_parts_label_in_a_line_layout_is_that_parts() -> None:
    limits = [c for c in extract_constraints(Brief(task=_REVIEW)) if c.kind == "limit" and c.unit == "sentences"]
    assert [(c.exact, c.scope) for c in limits] == [(1, "the fix")]


def test_a_sequence_word_before_a_colon_names_no_part() -> None:
    limits = [
        c
        for c in extract_constraints(Brief(task="Answer the question. Then: one sentence of advice."))
        if c.kind == "limit"
    ]
    assert all(c.scope != "the then" for c in limits)


def test_wont_link_bans_no_links() -> None:
    formats = [c for c in extract_constraints(Brief(task=_REVIEW)) if c.kind == "format"]
    assert all("links" not in c.forbidden for c in formats)
    banned = extract_constraints(Brief(task="Answer menu questions. Don't use links."))
    assert any("links" in c.forbidden for c in banned if c.kind == "format")


def test_the_review_prompt_keeps_the_briefs_order_and_no_whole_reply_sentence_limit() -> None:
    prompt = generate(Brief(task=_REVIEW, target="claude")).prompt
    assert "Reply in exactly 1 sentence" not in prompt
    assert "Do not use links" not in prompt
    assert "BLOCKER first" in prompt
    assert "Rank findings by impact" not in prompt


def test_an_announced_input_is_context_not_a_rule() -> None:
    prompt = generate(Brief(task=_REVIEW, target="claude")).prompt
    rules = prompt.split("<instructions>", 1)[1]
    assert "paste a unified diff" not in rules


def test_labels_tagged_on_each_comment_get_no_closing_label_line() -> None:
    prompt = generate(
        Brief(
            task="Review Python pull requests. Give at most 10 comments per PR, each tagged with a severity: one of "
            "blocker | major | nit. Point to file and line.",
            target="claude",
        )
    ).prompt
    assert 'starts with "Label:"' not in prompt
    assert "blocker" in prompt
    assert "nit" in prompt
