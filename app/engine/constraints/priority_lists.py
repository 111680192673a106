"""A list of priorities is an ordered checklist, not a label set.

    Priorities: 1. security 2. correctness 3. performance

A code reviewer told its priorities checks security first, then correctness, then performance; it does not tag each
finding with one of the three words. The label readers take any short enumeration for labels, so a labels constraint
read from the items after a priorities heading is replaced by one requirement that keeps their order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.brief import Brief
from app.engine.constraints.model import BriefSpan, Constraint

# "Priorities:", "Priority order:", "In order of priority:", "Focus, in this order:", "Prioridades:", "Prioritäten:"
# (the composer drops a default ranking where a brief states its own)
PRIORITIES_HEAD = re.compile(
    # (plural or an order only: "Priority: high / normal / low", "PRIORIDADE: ALTA / BAIXA" is a field with its labels)
    r"\b(?:(?:our|my|your|the|review|check(?:ing)?|main|top)\s+)?(?:priorities|priority\s+order|"
    r"(?:in\s+)?(?:this\s+)?order\s+of\s+(?:priority|importance)|focus(?:\s+areas)?,?\s+in\s+(?:this|that)\s+order|"
    r"check\s+in\s+this\s+order|prioridades|prioritäten|priorités|prioriteiten)\s*[:：]",
    re.IGNORECASE,
)


def _headed(task: str, span: BriefSpan) -> bool:
    """Whether the span is the list right after a priorities heading ("Priorities: 1. security 2. …")."""
    head = None
    for found in PRIORITIES_HEAD.finditer(task, max(0, span.start - 80), span.start + 1):
        head = found
    if head is None:
        return False
    gap = task[head.end() : span.start]
    return re.fullmatch(r"\s*(?:\(?1[.)]\s*)?", gap) is not None  # (the first item's number may stand before it)


def priorities_as_checklist(brief: Brief, constraints: Sequence[Constraint]) -> list[Constraint]:
    """The constraints with each label set read from a priorities list turned into a requirement that keeps the
    list's order ("Work through these priorities in order, most important first: security, correctness, …")."""
    out: list[Constraint] = []
    for c in constraints:
        span = c.span
        if c.kind != "labels" or c.scope or span is None or span.field != "task" or not _headed(brief.task, span):
            out.append(c)
            continue
        rule = f"Work through these priorities in order, most important first: {', '.join(c.values)}."
        out.append(Constraint(kind="requirement", text=rule, span=span, value=rule))
    return out
