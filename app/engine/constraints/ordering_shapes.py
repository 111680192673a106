"""Ordering rules of a fixed shape: a last step ("only at the end give me feedback"), parts in a stated order ("in
this order: …"), and a step held back until a signal ("dont give the answers til i type ANSWERS")."""

from __future__ import annotations

import re

from app.engine.constraints.found_rules import FoundRule
from app.engine.constraints.ordering_steps import verb_phrase
from app.engine.constraints.sentence_case import sentence_case
from app.engine.phrasing import second_person

_AT_THE_END = re.compile(
    r"(?:^|,\s*|\band\s+)(?P<lead>(?:only\s+)?at\s+the\s+(?:very\s+)?end(?:\s+of\s+(?:the|each)\s+\w+)?)\s*,?\s+"
    r"(?P<last>[^.;]{4,120})",
    re.IGNORECASE,
)


def at_the_end(text: str) -> FoundRule | None:
    """ "... and only at the end give me feedback on structure": a last step after everything else."""
    match = _AT_THE_END.search(text)
    if match is None:
        return None
    last = verb_phrase(match.group("last"))
    lead = match.group("lead")
    sentence = f"{lead[0].upper()}{lead[1:]}, {last}."
    return FoundRule(sentence, "everything else", last, match.start("lead"), match.end("last"))


def held_back(stripped: str, first: str, then: str, end: int) -> FoundRule:
    """ "dont give the answers til i type ANSWERS then list them all": a step held back until a signal reads as the
    brief's own sentence, from the step on; "don't X before you Y" would turn it around."""
    at = stripped.lower().find(first.lower())
    step = stripped[at:] if at >= 0 else stripped
    sentence = second_person(sentence_case(re.sub(r"(?i)\btill?\b", "until", step)), "user")
    return FoundRule(sentence, first, then, max(at, 0), end)


_IN_THIS_ORDER = re.compile(
    r"(?:\bin\s+(?:this|that|the\s+following)\s+order|"
    # ("sempre nesta ordem: …", "en este orden: …", "in dieser Reihenfolge: …", "按以下顺序：…"): the same, elsewhere
    r"\b(?:n?esta|nessa|en\s+este|en\s+el\s+siguiente)\s+orde[nm]\b|\bna\s+seguinte\s+ordem\b|"
    r"\bin\s+(?:dieser|folgender)\s+Reihenfolge\b|\bdans\s+(?:cet|l['’])\s*ordre(?:\s+suivant)?\b|"
    r"\b(?:in\s+questo|nel\s+seguente)\s+ordine\b|\bin\s+(?:deze|de\s+volgende)\s+volgorde\b|"
    r"按(?:以下|这个|下面的?)?顺序|(?:この|次の)順番で)"
    r"\s*[:：]\s*(?P<items>[^.;!?。；]{3,200})",
    re.I,
)


_IN_THAT_ORDER = re.compile(r"(?:^|[:,;]\s*)(?P<items>[^.;:!?]{3,200}?),?\s+in\s+(?:this|that)\s+order\b", re.I)


def in_this_order(text: str) -> FoundRule | None:
    """ "three sections in this order: This week, Coming up, Reminders": parts the reply gives in a fixed order."""
    listed = _IN_THIS_ORDER.search(text)
    match = listed or _IN_THAT_ORDER.search(text)
    if match is None:
        return None
    items_text = match.group("items").strip().rstrip(",")
    items = [i.strip() for i in re.split(r"[,，、]\s*(?:and\s+|then\s+)?|\s+(?:and|then)\s+", items_text) if i.strip()]
    if len(items) < 2:
        return None
    # "List the risks, the fixes and the owners, in that order" says it best in its own words.
    sentence = f"Give these parts in this order: {', '.join(items)}." if listed else sentence_case(text.strip())
    # (the parts after the first, in their order: the next one and the last are both "then")
    return FoundRule(sentence, items[0], ", ".join(items[1:]), match.start(), match.end())
