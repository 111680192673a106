"""The closed sets of a one-line reply's columns as constraints of their own ("trade = plumbing|…", "priority = P1
(24h) P2 (7 days)", "gas_safe = yes/no"): one label set per column, scoped to it, in place of a single label set for
the whole reply, and without the bans the output section already states for the line ("no quotes", "no spaces")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.brief import Brief
from app.engine.constraints.csv_reply import csv_reply
from app.engine.constraints.line_columns import ColumnSet, column_sets, describe_set
from app.engine.constraints.model import BriefSpan, Constraint

# "Avoid quotes.", "Avoid spaces after commas.", "Avoid header row.": what the line's own shape already says
_LINE_BAN = re.compile(
    r"^(?:Avoid|Never\s+use|Do\s+not\s+use|Don't\s+use|No)\s+(?:(?:a|any|the)\s+)?(?:header(?:\s+rows?|\s+lines?)?|"
    r"quotes?|quotation\s+marks|spaces?(?:\s+after\s+commas)?)\.?$",
    re.IGNORECASE,
)


_COLUMNS_LEAD = ("Write exactly these columns", "Start the CSV with exactly this header row")


def _in_task(constraint: Constraint) -> bool:
    return constraint.span is not None and constraint.span.field == "task"


def _overlaps(constraint: Constraint, sets: list[ColumnSet]) -> bool:
    """A label set read from a column's definition or holding a column's values (not the column's own record)."""
    values = {v.lower() for v in constraint.values}
    span = constraint.span
    for found in sets:
        if span is not None and span.field == "task" and span.start < found.end and found.start < span.end:
            return True
        if len(values & {v.lower() for v in found.values}) >= min(2, len(values)):
            return True
    return False


def _line_ban(constraint: Constraint) -> bool:
    if constraint.kind == "prohibition":
        return bool(_LINE_BAN.match((constraint.value or constraint.text).strip()))
    # "no header row" read as "Do not use headings."
    return constraint.kind == "format" and constraint.forbidden == ["headings"] and constraint.value is None


def _restates_line(constraint: Constraint, start: int, end: int, columns: tuple[str, ...]) -> bool:
    """A record of the line's own request: its columns' order ("Give these parts in this order: trade, priority"), or
    the request kept whole ('Follow this rule from the brief: "Antworte mit genau einer CSV-Zeile: a,b,c"')."""
    names = {column.lower() for column in columns}
    if constraint.kind == "ordering":
        return (constraint.first or "").lower() in names and (constraint.then or "").lower() in names
    span = constraint.span
    return (
        constraint.kind in ("requirement", "prohibition")
        and span is not None
        and start - 2 <= span.start
        and span.end <= end + 2
    )


def defines_column(constraints: Sequence[Constraint], task: str, start: int, end: int) -> bool:
    """Whether the sentence [start, end) is a column's definition that a label set scoped to the column states, or
    the request for the line that the output format states with its columns."""
    text = task[start:end]
    left = start + len(text) - len(text.lstrip())
    right = start + len(text.rstrip(" \t\n.;"))
    return any(
        ((c.kind == "labels" and c.scope) or (c.kind == "fields" and c.text.startswith(_COLUMNS_LEAD)))
        and c.span is not None and c.span.field == "task"
        and c.span.start <= left and right <= c.span.end
        for c in constraints
    )  # fmt: skip


def with_column_sets(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """The constraints with one label set per column of the brief's one-line reply, when it defines them."""
    csv = csv_reply(brief.task)
    if csv is None:
        return found
    sets = column_sets(brief.task, csv.columns)
    if not sets:
        return found
    kept = [
        c
        for c in found
        if not (c.kind == "labels" and not c.name and _overlaps(c, sets))
        and not (_in_task(c) and (_line_ban(c) or _restates_line(c, csv.start, csv.end, csv.columns)))
    ]
    for column_set in sets:
        text = brief.task[column_set.start : column_set.end]
        kept.append(
            Constraint(
                kind="labels", text=describe_set(column_set), values=list(column_set.values), scope=column_set.column,
                span=BriefSpan(field="task", start=column_set.start, end=column_set.end, text=text),
            )
        )  # fmt: skip
    return kept
