"""A column of a one-line CSV reply whose values are a run of codes ("priority P1-P3", "priority = P1 (24h) P2 (7
days) P3 (28 days)", "prioridad P1 a P3"): that column's own closed set, beside the other columns' sets."""

from __future__ import annotations

import re

from app.engine.brief import Brief
from app.engine.constraints.model import BriefSpan, Constraint

_LINK = r"\s*(?:=|:|is|est|ist|es|é|è|in|from|de|van|da|von)?\s*"
_RANGE = re.compile(
    r"(?-i:(?P<prefix>[A-Z]{1,3}))(?P<first>\d)\s*(?:-|–|to|à|a|bis|tot|al?)\s*(?-i:(?P=prefix))?(?P<last>\d)\b",
    re.IGNORECASE,
)
_NOTE = r"(?:\s*\([^)\n]{0,30}\))?"  # "P1 (24h)"
_SEQUENCE = re.compile(rf"(?-i:(?P<prefix>[A-Z]{{1,3}}))1\b{_NOTE}(?:[\s,/|]+(?-i:(?P=prefix))\d\b{_NOTE})+")


def _codes(text: str, at: int) -> tuple[list[str], int] | None:
    """The codes a column's name introduces at `at`, and where they end."""
    ranged = _RANGE.match(text, at)
    if ranged is not None and int(ranged["first"]) < int(ranged["last"]):
        values = [f"{ranged['prefix']}{n}" for n in range(int(ranged["first"]), int(ranged["last"]) + 1)]
        return values, ranged.end()
    listed = _SEQUENCE.match(text, at)
    if listed is not None:
        values = re.findall(rf"\b{listed['prefix']}\d\b", listed.group(0))
        return (values, listed.end()) if len(values) == len(set(values)) > 1 else None
    return None


def column_code_sets(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """Closed code sets for the reply's columns that have none yet."""
    columns = [v for c in found if c.kind == "fields" and "no header row" in c.text for v in c.values]
    scoped = {c.scope for c in found if c.kind == "labels"}
    out: list[Constraint] = []
    for column in columns:
        if column in scoped:
            continue
        for named in re.finditer(rf"(?<![\w,]){re.escape(column)}(?![\w,])", brief.task, re.IGNORECASE):
            link = re.compile(_LINK, re.IGNORECASE).match(brief.task, named.end())
            codes = _codes(brief.task, link.end() if link else named.end())
            if codes is None:
                continue
            values, end = codes
            span = BriefSpan(field="task", start=named.start(), end=end, text=brief.task[named.start() : end])
            text = f"{column[:1].upper()}{column[1:]} is exactly one of: {', '.join(values)}."
            out.append(Constraint(kind="labels", text=text, span=span, values=values, scope=column))
            break
    return out
