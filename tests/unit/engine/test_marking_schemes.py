"""A teacher's marking brief: marking write-ups is a grader's job, the scheme written as a list is the rubric (no
empty rubric slot), a list's last item ends at its line, a typed range is its type, and a limit on one JSON key
stays on that key."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.compose.details import task_details
from app.engine.constraints import extract_constraints, limits, structure

MARKING = (
    "I teach Year 9 physics and need something to mark the practical write-ups on pendulums. Mark against this "
    "scheme, 8 marks in total:\n"
    "- Variables identified: 2\n"
    "- Repeats and a mean: 2\n"
    "- Graph with labelled axes: 2\n"
    "- Conclusion uses the data: 2\n"
    "Return JSON only:\n"
    '{"total": integer 0-8, "feedback": string}\n'
    "feedback is ONE thing to improve, max 20 words, written to the pupil."
)


def test_marking_write_ups_against_a_scheme_is_a_graders_job() -> None:
    assert generate(Brief(task=MARKING)).archetypes[0].id == "grader"


def test_a_scheme_written_as_a_list_is_no_empty_rubric_slot() -> None:
    prompt = generate(Brief(task=MARKING, target="claude")).prompt
    assert "{{rubric}}" not in prompt
    assert "Graph with labelled axes: 2" in prompt


def test_the_last_item_of_a_list_ends_at_its_line() -> None:
    details = task_details(MARKING, extract_constraints(Brief(task=MARKING)))
    scheme = [d for d in details if d.startswith("Mark against this scheme")]
    assert scheme, details
    assert scheme[0].endswith("Conclusion uses the data: 2."), scheme[0]


def test_a_type_with_a_range_is_that_type() -> None:
    [found] = structure.find_objects('Return JSON only: {"total": integer 0-8, "ratio": number 0.5-2, "name": string}')
    properties = structure.to_json_schema(found.value)["properties"]
    assert properties["total"]["type"] == "integer"
    assert properties["ratio"]["type"] == "number"


def test_a_limit_in_a_clause_about_one_key_is_on_that_key() -> None:
    [found] = limits.find_limits("feedback_text is ONE thing to improve, max 20 words.")
    assert found.scope == "the feedback_text field"
    [whole] = limits.find_limits("Keep it short, max 20 words.")
    assert whole.scope is None
