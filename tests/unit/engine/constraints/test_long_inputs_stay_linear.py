"""Long briefs cost time in proportion to their length: two clause patterns backtracked quadratically (#14 fuzzing:
a 20,000-character task held a lint request for over a minute)."""

from __future__ import annotations

import random
import string
import time

import pytest

from app.engine.brief import Brief
from app.engine.constraints.extract import extract_constraints
from app.engine.constraints.orderings import find_ordering
from app.engine.constraints.requirements import find_requirement

_RANDOM = random.Random(1)
LONG_INPUTS = {
    "digits": "0" * 20_000,
    "digits with separators": "1,000." * 3_000,
    "letters": "".join(_RANDOM.choice(string.ascii_letters + " ") for _ in range(20_000)),
    "order word, no order": "first " + "word " * 4_000,
}


@pytest.mark.parametrize("text", LONG_INPUTS.values(), ids=LONG_INPUTS.keys())
def test_clause_rules_on_long_text_take_milliseconds(text: str) -> None:
    started = time.process_time()
    find_requirement(text)
    find_ordering(text)
    extract_constraints(Brief(task=text))
    # Linear work is a few tens of ms here; the quadratic patterns took 5 to 95 s on these inputs.
    assert time.process_time() - started < 3.0


def test_thresholds_and_orders_are_still_found() -> None:
    assert find_requirement("Refunds over $500 need a manager") is not None
    assert find_requirement("Refunds over 1,500 dollars need a manager") is not None
    assert find_ordering("先确认身份，再处理退款") is not None
    assert find_ordering("First confirm the order number, then issue the refund") is not None
