"""A brief that wants the code first ("先给代码再解释", "primero el código") gets no assumptions-first shape and no
visible reasoning block; a brief's own rule for off-topic questions replaces the default out-of-scope line."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


@pytest.mark.parametrize(
    "task",
    [
        "给后端组写一个编程助手。技术栈：Go 1.22 + Gin。先给代码再解释，解释不超过3句话。",
        "Asistente de programación para nuestro equipo de Django. Primero el código, luego una explicación corta.",
    ],
)
def test_code_first_replaces_the_assumptions_first_shape(task: str) -> None:
    prompt = _prompt(task)
    assert "Start with the assumptions" not in prompt
    assert "<thinking>" not in prompt
    assert "The code first, in fenced blocks tagged with the language, then the explanation." in prompt


def test_the_briefs_own_off_topic_rule_replaces_the_default() -> None:
    prompt = _prompt("给后端组写一个编程助手，用Go。如果问题跟后端无关，礼貌地说明只负责后端问题。")
    assert "If a request is out of scope" not in prompt


def test_an_off_topic_answer_to_grade_keeps_the_default_out_of_scope() -> None:
    prompt = _prompt(
        "Grade Year 9 essays against my rubric. If an essay is blank or off-topic give 0 for every criterion."
    )
    assert "If a request is out of scope" in prompt
