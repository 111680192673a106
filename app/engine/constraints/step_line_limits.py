"""A limit written on a line of a layout the brief gives for one step only ("When they type END, … in exactly this
format:\nScore: x/5\nTip: one sentence, max 25 words") bounds that line, named by its label.

Read as the reply's limit, "max 25 words" on the last line of an end-of-session scorecard would cap every turn of the
conversation, or the scorecard as a whole, at the size of its one free-text line.
"""

from __future__ import annotations

import re

import msgspec

from app.engine.constraints import limits, sections
from app.engine.constraints.model import Constraint

# "Tip: …", "Mejorar: …", "À améliorer : …": the short label a layout line opens with
_LINE_LABEL = re.compile(r"\s*(?:[-*•]\s*)?(?P<label>[^\W\d_][^:：\n]{0,30}?)\s*[:：]")


def scoped_to_step_lines(text: str, found: list[Constraint]) -> list[Constraint]:
    """Each reply limit written on a labelled line of a one-step layout, scoped to that line ('the "Tip:" line')."""
    block = sections.layout_block(text, step=True)
    if block is None:
        return found
    scoped: list[Constraint] = []
    for constraint in found:
        span = constraint.span
        if (
            constraint.kind == "limit"
            and constraint.unit
            and span is not None
            and span.field == "task"
            and block.start <= span.start < block.end
            and constraint.scope is None  # (a part it names already, "Tip: one sentence", keeps its name)
        ):
            line_start = text.rfind("\n", 0, span.start) + 1
            label = _LINE_LABEL.match(text, line_start, span.start)
            if label is not None:
                scope = f'the "{label.group("label").strip()}:" line'
                described = limits.describe_limit(
                    constraint.unit, constraint.minimum, constraint.maximum, constraint.exact, scope
                )
                constraint = msgspec.structs.replace(constraint, scope=scope, text=described)
        scoped.append(constraint)
    return scoped
