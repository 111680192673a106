"""Counted copy pieces ("3 headlines max 30 characters each and 2 descriptions max 90 characters each") are exact
counts with a limit on each piece, and they replace the copywriter's three variants (round 17's review, r17-02, on
new wording)."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.constraints import Constraint, extract_constraints


def _limits(task: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]


def test_a_cue_before_the_next_number_belongs_to_that_number() -> None:
    found = _limits("write 4 headlines max 25 characters each and 3 descriptions max 80 characters each")
    assert [(c.exact, c.maximum, c.scope) for c in found] == [
        (4, None, None),
        (None, 25, "each headline"),
        (3, None, None),
        (None, 80, "each description"),
    ]


def test_a_trailing_each_limits_each_counted_piece() -> None:
    [count, each] = _limits("Give 5 taglines, 40 characters each.")
    assert (count.exact, count.text) == (5, "Give exactly 5 taglines.")
    assert (each.maximum, each.scope) == (40, "each tagline")


def test_counted_pieces_replace_the_three_variants() -> None:
    task = (
        "need facebook ad copy for our bike repair pop-up 'Spoke & Chain' in bristol. give 4 headlines max 25 "
        "characters each and 3 descriptions max 80 characters each. no emojis."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Variant 1" not in prompt
    assert "three distinct variants" not in prompt
    assert "Give exactly 4 headlines." in prompt
    assert "Keep each description to at most 80 characters." in prompt
