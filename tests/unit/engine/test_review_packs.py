"""A code review keeps its own shape: database words are no table to print, authoring packs stay out, and a brief's
own finding layout replaces the default quote-the-hunk rule (round 29, r29-05)."""

from __future__ import annotations

import re

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate

MIGRATION_REVIEW = (
    "Review PRs that touch Alembic migrations for our Postgres app (the events table has 120M rows). Watch for table "
    "locks, columns added as NOT NULL without a server default, backfills that read whole tables into memory, and "
    "downgrade() functions that are missing.\n\n"
    "Format: these three headers in this order, each on its own line:\nMUST FIX\nSHOULD FIX\nFYI\n"
    "Under each, one finding per line as `path/to/file.py:LINE - problem - fix`. Max 8 findings. No intro."
)


@pytest.mark.parametrize("target", ["claude", "gpt"])
def test_table_locks_make_no_output_table(target: str) -> None:
    prompt = generate(Brief(task=MIGRATION_REVIEW, target=target)).prompt
    assert "Give the table these columns" not in prompt
    assert "Markdown table" not in prompt


def test_authoring_packs_do_not_join_a_review() -> None:
    prompt = generate(Brief(task=MIGRATION_REVIEW, target="claude")).prompt
    assert "Write complete, runnable code" not in prompt
    assert "Write read-only queries" not in prompt
    assert "Use only the tables and columns listed in the schema" not in prompt


@pytest.mark.parametrize(
    "layout",
    [
        "one finding per line as `path/to/file.py:LINE - problem - fix`",
        "each bullet starts with file:line, then the problem",
        "one line per issue: path:line | severity | issue",
    ],
)
def test_stated_finding_layout_replaces_quote_rule(layout: str) -> None:
    task = f"Review pull request diffs for our Go services. Output {layout}. At most 6 findings, no praise."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Quote the exact line or hunk" not in prompt


def test_review_without_layout_keeps_quote_rule() -> None:
    prompt = generate(Brief(task="Review pull request diffs for our Go services.", target="claude")).prompt
    assert "Quote the exact line or hunk" in prompt


def test_examples_follow_the_brief_headings() -> None:
    result = generate(Brief(task=MIGRATION_REVIEW, target="claude"))
    for output in re.findall(r"<output>\n(.*?)\n</output>", result.prompt, re.DOTALL):
        assert all(heading in output for heading in ("MUST FIX", "SHOULD FIX", "FYI"))


def test_capitalised_headings_with_a_modal_are_the_outline() -> None:
    result = generate(Brief(task=MIGRATION_REVIEW, target="claude"))
    sections = [c for c in result.constraints if c.kind == "format" and c.value == "sections"]
    assert [s.values for s in sections] == [["MUST FIX", "SHOULD FIX", "FYI"]]
    assert not any(c.kind == "requirement" and c.text.startswith("MUST FIX") for c in result.constraints)


def test_functions_under_review_are_no_tools() -> None:
    result = generate(Brief(task=MIGRATION_REVIEW, target="claude"))
    assert not [c for c in result.constraints if c.kind == "tool"]
    assert "<tools>" not in result.prompt


def test_a_plain_tool_signature_is_still_a_tool() -> None:
    task = "You are a support agent. Tools: search(query) returns help articles. Call search before answering."
    result = generate(Brief(task=task, target="claude"))
    assert [c.name for c in result.constraints if c.kind == "tool"] == ["search"]
