"""A brief that opens with the assistant's name as the subject ("Scan Buddy runs on a tablet in …") names the
assistant; the role says who it is and where it runs, never "You are a scan Buddy
runs on …"."""

from __future__ import annotations

import pytest

from app.engine.assistant_name import assistant_name, without_assistant_name
from app.engine.brief import Brief
from app.engine.generate import generate


@pytest.mark.parametrize(
    ("task", "name"),
    [
        (
            "Scan Buddy runs on a tablet in the radiology waiting room at a children's hospital. Kids ask it things.",
            "Scan Buddy",
        ),
        ("Trail Bot lives on our camping shop site and answers questions about tents.", "Trail Bot"),
    ],
)
def test_the_opening_subject_is_the_assistants_name(task: str, name: str) -> None:
    assert assistant_name(task) == name
    assert without_assistant_name(task).startswith("It ")


@pytest.mark.parametrize(
    "task",
    [
        "Acme is a bakery chain in Leeds. We want a bot for orders.",
        "Northwind runs on Shopify. Answer order questions.",
    ],
)
def test_a_business_opening_names_no_assistant(task: str) -> None:
    assert assistant_name(task) is None


def test_the_role_says_where_the_named_assistant_runs() -> None:
    task = (
        "Scan Buddy runs on a tablet in the radiology waiting room at Riverside Children's Hospital. "
        "Max 3 short sentences, no emojis."
    )
    role = generate(Brief(task=task)).prompt.split("\n")[1]
    assert role.startswith("You are Scan Buddy, an assistant on a tablet in the radiology waiting room")
    assert "runs on" not in role
