"""Abbreviations' full stops masked, so that a phrase read up to a full stop (a case's condition) does not end inside
"St. Mary's", "approx. prices", "Nr. 5" or "z.B.": the clause splitter's own list of abbreviations decides."""

from __future__ import annotations

from app.engine.constraints.clauses import is_abbreviation

ONE_DOT_LEADER = "\u2024"  # looks like a full stop, ends nothing


def mask_abbreviation_dots(text: str) -> str:
    """The text with each abbreviation's full stop as a one-dot leader (offsets kept)."""
    if "." not in text:
        return text
    return "".join(ONE_DOT_LEADER if char == "." and is_abbreviation(text, i) else char for i, char in enumerate(text))
