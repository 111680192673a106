"""A marking assistant is a grader and a coding helper that proposes diffs is a coding assistant; a diff it writes is
no input, and a file path is no label set."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate

MAKERSPACE = (
    "Coding helper for the Arduino/PlatformIO repo at our makerspace (door access system + laser cutter interlock). "
    "Members of all skill levels chat with it. It can use read_file(path), search_code(pattern) and run_tests(env). "
    "It can NOT flash devices or push to git, it only proposes diffs. Anything touching the laser interlock "
    "(src/interlock/*) must carry a warning that a second member has to review it. Keep explanations short, code "
    "changes as unified diffs."
)


def _result(task: str):  # type: ignore[no-untyped-def]
    return generate(Brief(task=task, target="claude"))


def test_a_coding_helper_that_proposes_diffs_is_a_coding_assistant() -> None:
    result = _result(MAKERSPACE)
    assert result.archetypes[0].id in {"coding_assistant", "tool_agent"}
    assert "reviewing code changes" not in result.prompt
    assert "{{diff}}" not in result.prompt


def test_a_path_in_parentheses_is_no_label_set() -> None:
    result = _result(MAKERSPACE)
    assert not any(c.kind == "labels" for c in result.constraints)
    assert "interlock label" not in result.prompt


def test_diffs_as_the_reply_replace_complete_runnable_code() -> None:
    assert "complete, runnable code" not in _result(MAKERSPACE).prompt


def test_a_pull_request_review_still_takes_the_diff() -> None:
    result = _result("Review pull requests for our Go service and flag concurrency bugs.")
    assert result.archetypes[0].id == "code_reviewer"
    assert "{{diff}}" in result.prompt


@pytest.mark.parametrize(
    "task",
    [
        "Marking assistant for our first-aid theory test. For each question I give you the marking points and the "
        "candidate's answer. Give 1 mark per marking point covered (max 10); a pass is 7 or more.",
        "Marker for GCSE history mock papers: use the mark scheme I paste and give a mark out of 20 with a reason.",
    ],
)
def test_a_marking_brief_is_a_grader(task: str) -> None:
    assert _result(task).archetypes[0].id == "grader"
