"""Two or more label sets in one reply ("Catégories : … Priorité : haute / normale", "by component (…) and by
severity (…)"): each set keeps its own line, named by its topic, in the brief's order; one "Only the label" line
would drop every set but the first."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.constraints import Constraint


def label_set_lines(found: Sequence[Constraint]) -> str | None:
    """The output line for several topical label sets, or None when the reply has one set (or a set has no topic)."""
    sets = [c for c in found if c.kind == "labels" and c.values]
    topics = [(c.scope or "").removesuffix(" label") for c in sets]
    if len(sets) < 2 or not all(c.scope and c.scope.endswith(" label") for c in sets) or len(set(topics)) < len(sets):
        return None
    lines = []
    for topic, labels in zip(topics, sets, strict=True):
        amount = "one or more of" if labels.multi else "one of"
        lines.append(f'"{topic[:1].upper()}{topic[1:]}: <{amount}: {", ".join(labels.values)}>"')
    listed = ", then ".join(lines)
    return f"One line per label set, in this order: {listed}. Nothing else."


_ONE_SET_RULE = re.compile(r"\bChoose exactly one label from the label set \([^)]*\)")


def each_set_rule(text: str, found: Sequence[Constraint]) -> str:
    """The labeller's "Choose exactly one label from the label set (…)" over every named set: with a category and an
    urgency set, a rule that lists only the first would leave the urgency free."""
    if not _ONE_SET_RULE.search(text) or label_set_lines(found) is None:
        return text
    sets = [c for c in found if c.kind == "labels" and c.values]
    named = "; ".join(f"{(c.scope or '').removesuffix(' label')}: {', '.join(c.values)}" for c in sets)
    return _ONE_SET_RULE.sub(lambda _: f"Choose exactly one label from each label set ({named})", text)
