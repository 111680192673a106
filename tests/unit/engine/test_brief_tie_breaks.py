"""A tie-break the brief states itself ("if an email mentions both a bug and billing, pick bug") replaces the default
"choose the one listed first", which would pick the other label."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate

LABELS = "Classify support emails into exactly one category: billing, bug, feature_request, other. "


@pytest.mark.parametrize(
    "rule",
    [
        "If an email mentions both a bug and billing, pick bug.",
        "When both billing and bug fit, go with bug.",
        "If both bug and billing fit, classify it as bug.",
    ],
)
def test_the_briefs_tie_break_replaces_the_default(rule: str) -> None:
    prompt = generate(Brief(task=LABELS + rule, target="claude")).prompt
    assert "listed first" not in prompt
    assert rule.rstrip(".") in prompt


def test_without_a_tie_break_the_default_stays() -> None:
    prompt = generate(Brief(task=LABELS + "Reply with the label only.", target="claude")).prompt
    assert "listed first" in prompt
