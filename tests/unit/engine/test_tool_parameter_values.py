"""A value set stated for a tool parameter belongs to the tool's line, not to the reply as a label set."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints.extract import extract_constraints


@pytest.mark.parametrize(
    ("task", "tool", "parameter", "values"),
    [
        (
            "Booking bot for our garage. Tools: book_slot(customer, service_type, date). service_type is one of "
            "mot, full_service, tyres, other.",
            "book_slot",
            "service_type",
            ["mot", "full_service", "tyres", "other"],
        ),
        (
            "Helpdesk agent with open_case(summary, severity). The severity must be one of low, normal or urgent. "
            "Never close a case yourself.",
            "open_case",
            "severity",
            ["low", "normal", "urgent"],
        ),
        (
            "You can call set_state(order_id, state); state is one of: packed, shipped, returned.",
            "set_state",
            "state",
            ["packed", "shipped", "returned"],
        ),
        (
            "Werkzeuge: termin_buchen(name, anliegen). anliegen ist eine von: Erstgespräch, Kontrolle, Notfall.",
            "termin_buchen",
            "anliegen",
            ["Erstgespräch", "Kontrolle", "Notfall"],
        ),
    ],
)
def test_parameter_values_join_the_tool_line(task: str, tool: str, parameter: str, values: list[str]) -> None:
    result = generate(Brief(task=task))
    scoped = [c for c in result.constraints if c.kind == "labels"]
    assert [(c.values, c.scope, c.name) for c in scoped] == [(values, parameter, tool)]
    line = next(c.text for c in result.constraints if c.kind == "tool" and c.name == tool)
    assert f"set `{parameter}` to one of: {', '.join(values)}" in line
    assert "exactly one of these labels" not in result.prompt
    assert '"Label:"' not in result.prompt


def test_a_label_set_for_the_reply_stays_beside_a_tool() -> None:
    constraints = extract_constraints(
        Brief(task="Classify each review as praise, complaint or question, then call save_review(review_id, topic).")
    )
    sets = [(c.values, c.scope, c.name) for c in constraints if c.kind == "labels"]
    assert sets == [(["praise", "complaint", "question"], None, None)]


def test_a_plain_word_after_a_colon_is_no_parameter() -> None:
    # "message" is a parameter of send_reply, but "Label the message:" names the thing labelled, not the argument.
    constraints = extract_constraints(
        Brief(task="Agent with send_reply(message). Label the message: urgent, normal or low.")
    )
    sets = [(c.values, c.name) for c in constraints if c.kind == "labels"]
    assert sets == [(["urgent", "normal", "low"], None)]
