"""A label set written as whole marker lines: "VERDICT: APPROVE or VERDICT: CHANGES NEEDED", "STATUS: OK oder STATUS:
BLOCKED", "RESULTADO: APTO o RESULTADO: NO APTO". The labels are the values after the marker, never the marker word,
which is the line's key."""

from __future__ import annotations

import re

from app.engine.constraints.label_items import FoundLabels

# the marker (one or two upper-case words) and its value, up to the next separator; the same marker then repeats
_MARKED = re.compile(
    r"(?<![\w])(?P<key>[A-Z][A-Z_]{1,20}(?: [A-Z][A-Z_]{1,20})?)[ \t]*[:：][ \t]*(?P<first>[^\n,;:：/]{1,30}?)"
    r"(?P<rest>(?:[ \t]*(?:,|/|\b(?:or|oder|ou|o|of|oppure)\b|または|或)[ \t]*(?:(?:or|oder|ou|o|of)[ \t]+)?"
    r"(?P=key)[ \t]*[:：][ \t]*[^\n,;:：/]{1,30}?)+)(?=[ \t]*(?:[.,;\n]|$))"
)
_NEXT = (
    r"[ \t]*(?:,|/|\b(?:or|oder|ou|o|of|oppure)\b|または|或)[ \t]*(?:(?:or|oder|ou|o|of)[ \t]+)?{key}[ \t]*[:：][ \t]*"
)


def marked_labels(text: str) -> tuple[str, FoundLabels] | None:
    """The marker and the labels of a set written as repeated "MARKER: value" items, if the clause holds one."""
    match = _MARKED.search(text)
    if match is None:
        return None
    key = match.group("key")
    rest = re.split(_NEXT.format(key=re.escape(key)), match.group("rest"))
    values = [v.strip().strip("\"'“”") for v in (match.group("first"), *rest) if v.strip()]
    if len(values) < 2 or len({v.lower() for v in values}) < len(values):
        return None
    return key, FoundLabels(values, False, match.start("first"), match.end())
