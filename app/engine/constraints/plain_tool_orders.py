"""Orders between declared tools whose names are plain words: "meteo_lago SEMPRE prima di prenota", "preventivo
prima di prenota", "lookup before book".

The clause reader knows a tool by its shape (snake_case, camelCase), so a pasted table's `prenota` or `preventivo`
is a word to it and the order is left as a quoted rule or lost. Once the brief's tools are known, each clause that
names two of them is read again with the plain names written as identifiers, and its orders replace the rule that
quoted it.
"""

from __future__ import annotations

import re

from app.engine.brief import Brief
from app.engine.constraints import tool_orders
from app.engine.constraints.model import BriefSpan, Constraint

_CLAUSE = re.compile(r"[^.;!?\n]+")
_ALIAS = "_x0q"
"""Appended to a plain name so that it reads as an identifier; no real name ends in it."""


def _plain_names(constraints: list[Constraint]) -> list[str]:
    """The declared tools whose names the clause reader would not take for tools ("prenota", "lookup")."""
    names = {c.name for c in constraints if c.kind == "tool" and c.name}
    return sorted(
        (n for n in names if not re.fullmatch(tool_orders.TOOL_NAME, n) and re.fullmatch(r"[a-z][a-z0-9]{2,}", n)),
        key=len,
        reverse=True,
    )


def _tool_spans(constraints: list[Constraint]) -> list[tuple[int, int]]:
    return [
        (c.span.start, c.span.end)
        for c in constraints
        if c.kind == "tool" and c.span is not None and c.span.field == "task"
    ]


def with_plain_tool_orders(brief: Brief, constraints: list[Constraint]) -> list[Constraint]:
    """The constraints with the orders between plain-named tools read; a rule whose span lies inside such an ordered
    clause gives way (the ordering says it)."""
    plain = _plain_names(constraints)
    if not plain:
        return constraints
    names = {c.name for c in constraints if c.kind == "tool" and c.name}
    inside_tools = _tool_spans(constraints)
    task = brief.task
    known = {(c.first, c.then) for c in constraints if c.kind == "ordering"}
    added: list[Constraint] = []
    covered: list[tuple[int, int]] = []
    for clause in _CLAUSE.finditer(task):
        start, end = clause.span()
        if any(s <= start < e for s, e in inside_tools) or "|" in clause.group(0):
            continue  # a row of the tool table itself
        text = clause.group(0)
        mentioned = [n for n in names if re.search(rf"(?<![\w`]){re.escape(n)}(?![\w(])", text)]
        if len(mentioned) < 2 or not any(n in plain for n in mentioned):
            continue
        aliased = text
        for name in plain:
            aliased = re.sub(rf"(?<![\w`]){re.escape(name)}(?![\w(])", name + _ALIAS, aliased)
        orders = tool_orders.find_tool_orders(aliased)
        if not orders:
            continue
        sentence = orders[0].text.replace(_ALIAS, "")
        for order in orders:
            first, then = order.first.replace(_ALIAS, ""), (order.then or "").replace(_ALIAS, "") or None
            if (first, then) in known:
                continue
            known.add((first, then))
            at = BriefSpan(field="task", start=start, end=end, text=text)
            added.append(Constraint(kind="ordering", text=sentence, span=at, first=first, then=then))
        covered.append((start, end))
    if not added:
        return constraints
    kept = [c for c in constraints if not _said_by_order(c, covered)]
    return [*kept, *added]


def _said_by_order(constraint: Constraint, covered: list[tuple[int, int]]) -> bool:
    """A rule read from the words of an ordered clause alone ("Follow this rule: "A SEMPRE prima di B""); the
    orderings the clause reader found in it stay (the pairs of identifier-named tools)."""
    span = constraint.span
    if constraint.kind != "requirement" or span is None or span.field != "task":
        return False
    return any(start <= span.start and span.end <= end + 1 for start, end in covered)
