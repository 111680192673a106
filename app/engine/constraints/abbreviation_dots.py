"""Abbreviations' full stops masked, so that a phrase read up to a full stop (a case's condition) does not end inside
"St. Mary's", "approx. prices", "Nr. 5" or "z.B.": the clause splitter's own list of abbreviations decides."""

from __future__ import annotations

from app.engine.constraints.abbreviations import is_abbreviation

ONE_DOT_LEADER = "\u2024"  # looks like a full stop, ends nothing


def mask_abbreviation_dots(text: str) -> str:
    """The text with each abbreviation's full stop as a one-dot leader (offsets kept)."""
    if "." not in text:
        return text
    return "".join(ONE_DOT_LEADER if char == "." and _abbreviated(text, i) else char for i, char in enumerate(text))


def _abbreviated(text: str, index: int) -> bool:
    """Whether the full stop at `index` ends a short word (an abbreviation is one) that `is_abbreviation` accepts;
    a long run with no space ("1,000.1,000.…") is checked no further, so that the work stays linear."""
    if not text[index + 1 : index + 2].isspace():
        return False
    word_start = max(text.rfind(" ", max(0, index - 12), index), text.rfind("\n", max(0, index - 12), index))
    return (word_start >= 0 or index < 12) and is_abbreviation(text, index)
