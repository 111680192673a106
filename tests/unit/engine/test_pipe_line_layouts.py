"""A pipe-separated line layout ("LOG | job ref | done today | blockers") is the layout of a line, not a label set,
and the order that introduces it carries it; a first sentence that only asks for a prompt names no job."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_TASK = (
    "Turn the foreman's end-of-day voice notes into an internal log.\n"
    "Write a two-line summary, then one log line:\n"
    "SITE | job ref | done today | blockers | next step\n"
    "Use TBC for anything the note doesn't say."
)


def test_a_pipe_layout_with_phrase_cells_is_no_label_set() -> None:
    result = generate(Brief(task=_TASK, target="claude"))
    assert not [c for c in result.constraints if c.kind == "labels"]
    assert "exactly one label" not in result.prompt.lower()


def test_the_order_that_introduces_a_line_layout_carries_it() -> None:
    prompt = generate(Brief(task=_TASK, target="claude")).prompt
    assert "`SITE | job ref | done today | blockers | next step`" in prompt


def test_pipe_separated_labels_are_still_labels() -> None:
    result = generate(Brief(task="Classify each support ticket as billing | refund | other.", target="claude"))
    assert [c.values for c in result.constraints if c.kind == "labels"] == [["billing", "refund", "other"]]


def test_a_first_sentence_that_only_asks_for_a_prompt_is_not_the_job() -> None:
    task = (
        "new prompt pls. We run a climbing gym in Bristol. Write the replies to members who message about "
        "booking inductions."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "new prompt" not in prompt.lower()
    assert "prompt pls" not in prompt.lower()
