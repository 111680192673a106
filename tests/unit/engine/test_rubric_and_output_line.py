"""A rubric written into the brief as a list is the rubric (a section of the prompt, never a label set or a slot);
an "Output: …" line of the task is the output format; "feedback … in no more than 3 sentences" limits the feedback."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.references import find_references, lift_output_line

_GRADER = (
    "I run first-aid refresher courses for Harbour Leisure Centres. Trainees write answers to 3 scenarios and I want "
    "the assistant to mark each answer against this rubric:\n"
    "- Scene safety (0-2): checks for danger before approaching\n"
    "- Airway (0-3): head tilt, chin lift, checks breathing for 10 seconds\n"
    "- Calling for help (0-2): asks a named bystander to call 999 and fetch the AED\n"
    "Output: a table with columns Criterion | Mark | Reason, then a Total out of 7, then PASS if 5 or more, "
    "otherwise REDO.\n"
    "Then feedback to the trainee in no more than 2 sentences."
)


def test_the_rubric_list_is_a_reference_section() -> None:
    refs = find_references(_GRADER)
    assert [r.title for r in refs] == ["Rubric"]
    assert refs[0].body.splitlines()[0] == "- Scene safety (0-2): checks for danger before approaching"
    assert len(refs[0].body.splitlines()) == 3


def test_the_graders_prompt_carries_the_rubric_not_a_label_set() -> None:
    result = generate(Brief(task=_GRADER, target="claude"))
    prompt = result.prompt
    assert "<rubric>\n- Scene safety (0-2)" in prompt
    assert "{{rubric}}" not in prompt
    assert not [c for c in result.constraints if c.kind == "labels" and "Airway" in c.values]
    assert "Choose exactly one label" not in prompt
    output = prompt.split("<output_format>")[1].split("</output_format>")[0]
    assert "PASS if 5 or more, otherwise REDO" in output
    assert "Keep the reply to at most 2 sentences" not in prompt
    assert "Keep the feedback to at most 2 sentences" in prompt


def test_an_output_line_becomes_the_output_format_once() -> None:
    brief = lift_output_line(Brief(task="Summarise support calls.\nOutput: three bullets, then a one-line next step."))
    assert brief.output_format == "Three bullets, then a one-line next step."
    assert "Output:" not in brief.task
    assert len(brief.task) == len("Summarise support calls.\nOutput: three bullets, then a one-line next step.")
    own = Brief(task="Summarise.\nOutput: three bullets and more words", output_format="JSON")
    assert lift_output_line(own) is own
