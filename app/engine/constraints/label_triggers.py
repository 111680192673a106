"""Cases listed before an arrow and one of the brief's labels ("smell of gas, no heating where there's someone over 75,
sparking sockets -> always P1"): the list says when the label applies, so it is one rule for that label, never a ban
on what it names ("Avoid heating where …")."""

from __future__ import annotations

import re

from app.engine.brief import Brief
from app.engine.constraints.clauses import split_clauses
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.model import BriefSpan, Constraint

_ARROW_LABEL = re.compile(
    r"[ \t]*(?:->|→|=>)[ \t]*(?:(?:always|immer|toujours|siempre|sempre|altijd)[ \t]+)?[\"'“]?(?P<label>[\w-]+)[\"'”]?"
    r"(?=[ \t]*(?:[.;,\n]|$))",
    re.IGNORECASE,
)
_DEFINITION_PARTS = ("prohibition", "requirement", "tone")


def _cases_start(text: str, clause_start: int, arrow: int, found: list[Constraint]) -> int:
    """Where the cases before an arrow begin: after a column's definition or a sentence that ends before them."""
    start = clause_start
    for c in found:
        span = c.span
        if (
            c.kind == "labels"
            and c.scope
            and span is not None
            and span.field == "task"
            and clause_start <= span.end <= arrow
        ):
            start = max(start, span.end)
    stop = max(text.rfind(". ", start, arrow), text.rfind("\n", start, arrow))
    start = max(start, stop + 1)
    return start + len(text[start:arrow]) - len(text[start:arrow].lstrip(" \t.;,)"))


def label_triggers(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """The constraints with each arrow case list that ends on a label as a rule for that label, in place of the bans
    and rules read from inside it (English briefs; others keep their sentence whole)."""
    task = brief.task
    values = {v.lower(): v for c in found if c.kind == "labels" and not c.name for v in c.values}
    if not values or not is_english(task):
        return found
    rules: list[Constraint] = []
    for clause in split_clauses(task):
        for arrow in _ARROW_LABEL.finditer(clause.text):
            label = values.get(arrow.group("label").lower())
            if label is None:
                continue
            at = clause.start + arrow.start()
            start = _cases_start(task, clause.start, at, found)
            cases = " ".join(task[start:at].split()).rstrip(" ,;")
            if len(cases.split()) < 2:
                continue
            end = clause.start + arrow.end()
            after = clause.start + len(clause.text) if task[end : end + 2] == ". " else end
            found = [
                c
                for c in found
                if not (
                    c.kind in _DEFINITION_PARTS and c.span is not None and c.span.field == "task"
                    and c.span.start < after and start < c.span.end
                )
            ]  # fmt: skip
            text = f'Use "{label}" for: {cases}.'
            span = BriefSpan(field="task", start=start, end=end, text=task[start:end])
            rules.append(Constraint(kind="requirement", text=text, value=text, span=span))
            rules.extend(_sentence_after(task, end, clause.start + len(clause.text)))
    return found + rules


def _sentence_after(task: str, start: int, end: int) -> list[Constraint]:
    """The sentence the clause goes on with after the label ("… -> always P1. damp or mould is at least P2, never
    P3."), whole: it says more of the labels, and its parts are no bans of their own."""
    rest = task[start:end]
    if not rest.startswith(". ") or _ARROW_LABEL.search(rest) is not None:
        return []
    words = " ".join(rest[2:].split()).rstrip(".")
    if len(words.split()) < 3:
        return []
    text = f"{words[0].upper()}{words[1:]}."
    at = start + 2 + len(rest[2:]) - len(rest[2:].lstrip())
    span = BriefSpan(field="task", start=at, end=end, text=task[at:end])
    return [Constraint(kind="requirement", text=text, value=text, span=span)]
