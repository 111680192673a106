"""What the user asks for ("if they ask for conditions or refusal") is a case of the brief, never details for the
assistant to collect."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


@pytest.mark.parametrize(
    "task",
    [
        'Label planning comments. "worried about parking" = OBJECTION if they ask for conditions or refusal, '
        "otherwise NEUTRAL.",
        "Answer shop questions. When customers request a refund, a replacement or a voucher, hand over to staff.",
    ],
)
def test_a_users_request_is_no_field_to_collect(task: str) -> None:
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "fields"]
    assert "Collect these details" not in generate(Brief(task=task)).prompt


@pytest.mark.parametrize(
    ("task", "values"),
    [
        ("Book table reservations. Ask for their name, phone and email.", ["name", "phone", "email"]),
        ("Take repair requests. Collect name, date of birth and postcode.", ["name", "date of birth", "postcode"]),
    ],
)
def test_what_the_assistant_asks_for_is_still_collected(task: str, values: list[str]) -> None:
    fields = [c for c in read_constraints(Brief(task=task)) if c.kind == "fields"]
    assert [c.values for c in fields] == [values]
    assert fields[0].value == "collect"
