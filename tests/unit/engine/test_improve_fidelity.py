"""Improve keeps the original's intent: every constraint read from the original prompt (treated as a brief) is
still carried by the improved prompt, and nothing in it contradicts one, for every target."""

from __future__ import annotations

import pytest

from app.engine import Brief, improve
from app.engine.constraints import extract_constraints
from app.engine.fidelity import check_fidelity
from app.engine.types import TARGETS
from tests.unit.engine.improve_prompts import CASES, MORE_PROMPTS

PROMPTS = [case.prompt for case in CASES] + list(MORE_PROMPTS)


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("index", range(len(PROMPTS)))
def test_improved_prompt_passes_the_fidelity_check_against_the_original(index: int, target: str) -> None:
    original = PROMPTS[index]
    constraints = extract_constraints(Brief(task=original))
    improved = improve(original, target=target)  # type: ignore[arg-type]
    text = improved.prompt if isinstance(improved.prompt, str) else "\n".join(m.content for m in improved.prompt)
    findings = check_fidelity(constraints, text)
    assert findings == [], [f"{f.rule_id}: {f.message}" for f in findings]
