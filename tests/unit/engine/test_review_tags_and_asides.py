"""A review brief that sets its own severity tags, wants only the findings, or says what to reply when nothing is
wrong replaces those parts of the default review format (the rest of it stays); a bracketed aside that closes a rule
is that rule's reason, not a rule of its own."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints


def _output(prompt: str) -> str:
    return prompt.split("<output_format>")[1].split("</output_format>")[0]


def test_the_briefs_severity_tags_replace_the_default_scale() -> None:
    task = "Review pull requests for our Go services. Prefix each finding with [MUST], [SHOULD] or [NIT]."
    prompt = generate(Brief(task=task, target="claude")).prompt
    output = _output(prompt)
    assert "blocking, major, minor, optional" not in output
    assert "a numbered list of findings, each with file and line, the problem and the fix" in output
    assert "Mark style preferences as optional" not in prompt
    # (the tag set is quoted as a list of the brief's own tags, in its order)
    assert "one of these tags: [MUST], [SHOULD], [NIT]" in prompt


def test_only_the_findings_drops_the_summary_line() -> None:
    task = "Review diffs for our Rails app. Just the findings, no summary, no praise."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "a one-sentence summary of the change" not in prompt
    assert "summarise its intent in one sentence" not in prompt
    assert "a numbered list of findings" in _output(prompt)


def test_a_default_review_keeps_its_format() -> None:
    prompt = generate(Brief(task="Review pull requests for our Go services.", target="claude")).prompt
    assert "a one-sentence summary of the change, then a numbered list of findings" in _output(prompt)


def test_a_foreign_all_clear_reply_replaces_the_default_one() -> None:
    task = "Rust のプルリクエストをレビューするアシスタント。問題がなければ「LGTM」とだけ返す。"
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "No blocking issues found." not in prompt
    assert "LGTM" in prompt


def test_an_aside_that_closes_a_rule_stays_with_it() -> None:
    brief = Brief(
        task="コードレビュー。", constraints=["malloc/free の使用はすべて [MUST] で指摘（うちは動的メモリ禁止）。"]
    )
    texts = [c.text for c in extract_constraints(brief)]
    assert any("malloc/free" in t and "動的メモリ禁止" in t for t in texts)
    assert not any(t.endswith('うちは動的メモリ禁止）".') for t in texts if "malloc" not in t)
