"""A finding layout on its own line ("[BLOCKER|WARN|NIT] path:line - problem - fix") is the reply's line form: its
bracketed choice is that slot's values, not a closing label line; the words before it survive; a first line stated
as fact is a rule (round 30: r30-05; r28-08)."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import labels
from app.engine.generate import generate

WORKFLOW_REVIEW = (
    "Role: reviewer for GitLab CI files in our monorepo.\nFocus only on secrets in job logs and unpinned images.\n"
    "Output, one finding per line, max 6 lines, most severe first:\n[HIGH|MED|LOW] path:line - problem - fix\n"
    "If nothing found, output exactly: CLEAN\nNo preamble, no summary."
)


@pytest.mark.parametrize("target", ["claude", "gpt"])
def test_dashed_layout_is_the_line_form(target: str) -> None:
    prompt = generate(Brief(task=WORKFLOW_REVIEW, target=target)).prompt
    assert "in exactly this form: `[HIGH|MED|LOW] path:line - problem - fix`" in prompt
    assert 'starts with "Label:"' not in prompt
    assert "Assign exactly one label" not in prompt


def test_words_before_the_layout_survive() -> None:
    prompt = generate(Brief(task=WORKFLOW_REVIEW, target="claude")).prompt
    assert "most severe first" in prompt


def test_one_line_per_finding_introduces_a_layout() -> None:
    task = (
        "review terraform PRs for our platform team. one line per finding:\n[BLOCKER|WARN|NIT] path/to/file.tf:line"
        " - issue. fix.\nfirst line of the output is either 'Verdict: APPROVE' or 'Verdict: REQUEST_CHANGES'."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "in exactly this form: `[BLOCKER|WARN|NIT] path/to/file.tf:line - issue. fix.`" in prompt
    instructions = prompt.split("<instructions>")[1].split("</instructions>")[0]
    assert "'Verdict: APPROVE' or 'Verdict: REQUEST_CHANGES'" in instructions
    assert "APPROVE or Verdict" not in prompt


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("the first line is either 'Verdict: APPROVE' or 'Verdict: REQUEST_CHANGES'.", None),
        ("reply with either 'yes' or 'no'.", ["yes", "no"]),
        # whole quoted lines with one key: the key's values (the reader strips the shared "Status:")
        ('answer "Status: OK" or "Status: FAIL" on the first line', ["OK", "FAIL"]),
    ],
)
def test_labels_never_straddle_two_quotes(text: str, values: list[str] | None) -> None:
    found = labels.find_labels(text)
    assert (found.values if found else None) == values
