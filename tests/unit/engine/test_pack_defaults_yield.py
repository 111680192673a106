"""A pack's default gives way where the brief settles the same thing in its own words: a code reviewer's numbered
Markdown list and its "No blocking issues found." line beside the brief's own finding line and all-clear reply, and
a support chat's Markdown default beside a Chinese "不用 Markdown"."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_REVIEW = (
    "Review prompt for our Terraform pull requests. I'll paste a plan diff. Look only for public S3 buckets, "
    "open security groups and missing encryption.\n"
    "Output one finding per line, exactly: SEVERITY resource - problem - fix.\n"
    "SEVERITY is HIGH, MEDIUM or LOW.\n"
    "If you find nothing in scope, output only: CLEAN"
)


def test_the_briefs_finding_line_replaces_the_numbered_markdown_list() -> None:
    prompt = generate(Brief(task=_REVIEW, target="claude")).prompt
    assert "a numbered list of findings" not in prompt
    assert "severity (blocking, major, minor, optional)" not in prompt
    assert "Output one finding per line, exactly: SEVERITY resource - problem - fix." in prompt


def test_the_briefs_all_clear_reply_replaces_the_default_one() -> None:
    prompt = generate(Brief(task=_REVIEW, target="claude")).prompt
    assert "No blocking issues found." not in prompt
    assert "CLEAN" in prompt


def test_a_chinese_buyong_bans_markdown_and_emoji() -> None:
    task = "帮我写一个奶茶店小程序的客服助手。每条回复不超过 50 个字，不用表情符号，不用 Markdown。"
    result = generate(Brief(task=task, target="claude"))
    formats = [c for c in result.constraints if c.kind == "format"]
    assert formats
    assert {"markdown", "emoji"} <= set(formats[0].forbidden)
    assert "Markdown with short headings" not in result.prompt


def test_buyong_danxin_is_no_ban() -> None:
    task = "帮我写一个奶茶店小程序的客服助手。不用担心语气太正式，回复要简短。"
    result = generate(Brief(task=task, target="claude"))
    assert not [c for c in result.constraints if c.kind == "prohibition"]
