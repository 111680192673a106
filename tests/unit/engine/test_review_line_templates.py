"""A code review's line template, severity table and all-clear reply: the template is carried whole, each comment
is one line (not the whole reply), the severity tags keep their meanings, and the brief's all-clear replaces the
default one; "blockers" is no meeting word."""

from __future__ import annotations

from app.engine import Brief, generate

_REVIEW = (
    "Review merge requests for our billing service (Go 1.22, sqlc). Comment ONLY on changed lines. Format each "
    "comment as one line:\n\nsrc/path.go:LINE [level] comment\n\nlevel:\n| tag | meaning |\n|---|---|\n"
    "| must-fix | wrong money amounts, lost writes, broken migrations |\n| nit | naming or tiny readability |\n"
    "| ask | you can't tell what the author meant |\n\nAt most 8 comments, must-fix first. If nothing's wrong, reply "
    "exactly: Ship it."
)


def _prompt() -> tuple[str, list[str]]:
    result = generate(Brief(task=_REVIEW.replace("level:", "severity:"), target="claude"))
    return result.prompt, [m.id for m in result.archetypes]


def test_the_line_template_is_carried_and_each_comment_is_one_line() -> None:
    prompt, _ = _prompt()
    assert "`src/path.go:LINE [level] comment`" in prompt
    assert "Make each comment exactly 1 line." in prompt
    assert "Reply in exactly 1 line" not in prompt
    assert "Use these sections" not in prompt


def test_severity_tags_keep_their_meaning_and_close_no_reply() -> None:
    prompt, _ = _prompt()
    assert "must-fix (wrong money amounts, lost writes, broken migrations)" in prompt
    assert 'starts with "Label:"' not in prompt


def test_the_briefs_all_clear_replaces_the_default_and_blockers_are_no_meeting() -> None:
    prompt, archetypes = _prompt()
    assert "Ship it." in prompt
    assert "No blocking issues found" not in prompt
    assert "meeting_email_assistant" not in archetypes
    assert "Comment ONLY on changed lines." in prompt
