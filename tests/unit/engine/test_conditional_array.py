"""An array the brief asks for in one case only is that case's alternative, never the only form of the reply."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


@pytest.mark.parametrize(
    "task",
    [
        'Turn each inspection note into JSON, exactly this shape: {"turbine_id": "BW-T042", "blade": "A", '
        '"severity": 1}\n- if one note covers several blades output a JSON array with one object per blade\n'
        "- anything not said = null",
        'Extract the booking from each email as JSON: {"guest": "Ann Lee", "nights": 2}. When an email books '
        "several rooms, return one object per room in a list.",
    ],
)
def test_a_conditional_array_leaves_the_reply_one_object(task: str) -> None:
    prompt = generate(Brief(task=task)).prompt
    assert "A single JSON object" in prompt
    assert "A JSON array whose items" not in prompt


def test_an_unconditional_array_is_still_the_reply() -> None:
    task = 'Extract every booking in the email as a JSON array of objects like {"guest": "Ann Lee", "nights": 2}.'
    assert "A JSON array whose items" in generate(Brief(task=task)).prompt
