"""The numbered-item markers of `split_clauses` are found without rescanning the text before every item.

`inline_marker` used to run `re.finditer(rf"(?:^|[\\s:;]){n}\\.\\s", text[:start])` over all the text before each "N."
(quadratic in a prompt's numbered rules) and `re.search(r"(?:^|[\\s:;])2\\.\\s", text[i:])` over all the text after
a "1.". Its helpers now look from the marker outwards; these tests hold them to the old expressions' answers.
"""

from __future__ import annotations

import random
import re

from app.engine.constraints.clauses import split_clauses
from app.engine.constraints.inline_markers import _next_two, _previous_item_end

# Runs of markers that overlap ("1. 1. 1."), numbers inside numbers ("11.", "x1."), the text's start, CJK space.
_PIECES = ["1", "2", "3", "11", "12", ".", ". ", " ", "\n", ":", ";", "a", "word ", "1. ", "2. ", "11. ", " 1.", "\t"]
_PIECES += ["x.", "12.", "\u3000"]


def _old_previous_item_end(text: str, number: int, end: int) -> int | None:
    previous = next(reversed(list(re.finditer(rf"(?:^|[\s:;]){number}\.\s", text[:end]))), None)
    return None if previous is None else previous.end()


def _old_next_two(text: str, start: int) -> int | None:
    following = re.search(r"(?:^|[\s:;])2\.\s", text[start:])
    return None if following is None else start + following.start()


def test_marker_helpers_give_the_old_expressions_answers_on_random_texts() -> None:
    rng = random.Random(14)
    checked = 0
    for _ in range(4000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14)))
        for number in (0, 1, 2, 11, 12):
            for end in range(len(text) + 1):
                assert _previous_item_end(text, number, end) == _old_previous_item_end(text, number, end), (text, end)
                checked += 1
        for start in range(len(text)):
            if text[start].isspace():  # as in `inline_marker`: the character after "1." is white space
                assert _next_two(text, start) == _old_next_two(text, start), (text, start)
    assert checked > 100_000


def test_a_run_of_overlapping_markers_keeps_every_other_one_as_finditer_does() -> None:
    text = " 1. 1. 1. x"
    assert [m.end() for m in re.finditer(r"(?:^|[\s:;])1\.\s", text)] == [4, 10]
    assert _previous_item_end(text, 1, len(text)) == 10
    assert _previous_item_end(text, 1, 9) == 4  # the third marker does not fit: the first is the last one found


def test_numbered_rules_still_split_into_one_clause_each() -> None:
    text = "Rules: 1. Greet the guest by name. 2. Confirm the booking dates. 3. Offer late checkout."
    assert split_clauses(text) == [
        ("Rules:", 0),
        ("Greet the guest by name.", 10),
        ("Confirm the booking dates.", 38),
        ("Offer late checkout.", 68),
    ]
    # German ordinals are no list: "5." is followed by one word before "6."
    text = "der 5. und 6. Klasse. Then 1. do it now please. 2. and then this here."
    assert [c.text for c in split_clauses(text)] == [
        "der 5. und 6. Klasse.",
        "Then",
        "do it now please.",
        "and then this here.",
    ]
