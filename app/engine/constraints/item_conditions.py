"""List items and the leads their clauses are read under: a later sentence of an item that opens with a condition
holds under it ("1. If the person smells gas: STOP. Tell them to get out …"), and an item under a "Don't:" heading is
a ban."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.engine.constraints.clauses import Clause, split_clauses
from app.engine.constraints.leading_conditions import FIELD_TEST, condition_end

# "1. If the person mentions smelling gas …: STOP. Don't call any tool. Tell them to get out …": a list item that
# opens with a condition and a colon; every sentence of the item holds under it.
_ITEM_CONDITION = re.compile(
    r"(?P<condition>(?:if|when|whenever|in\s+case|should|si|se|wenn|falls|cuando|quand|als)\b[^:\n()]{5,200}?)\s*:\s*",
    re.IGNORECASE,
)


def under_ban_heading(text: str, position: int) -> bool:
    """Whether a position lies on a list item under a "Don't:" / "Never:" / "Avoid:" line."""
    line_start = text.rfind("\n", 0, position) + 1
    while line_start > 0:
        line = text[line_start : text.find("\n", line_start) if "\n" in text[line_start:] else len(text)]
        if not _ITEM_MARKER.match(line):
            return _BAN_HEADING.fullmatch(line.strip()) is not None
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return False


# "Don't:", "Never:", "Avoid:" alone on a line, over a list of what is forbidden (English; other languages keep
# their sentences whole).
_BAN_HEADING = re.compile(
    r"(?:(?:please\s+)?(?:don'?t|do\s+not|never|avoid)|things\s+to\s+avoid|not\s+allowed|don'?ts)\s*[:：]",
    re.IGNORECASE,
)


# "1. If the caller is new, take their name. Always read the time back": a later sentence for every case
_EVERY_CASE = re.compile(
    r"\s*(?:always|in\s+(?:all|every|any)\s+cases?|whatever|regardless|for\s+(?:all|everyone|every\s+caller))\b",
    re.IGNORECASE,
)


_OWN_CONDITION = re.compile(r"\s*(?:if|when|whenever|unless|in\s+case|otherwise)\b", re.IGNORECASE)


# "- if you're not sure about a fact, say scientists are still finding out. Don't make up dinosaur names or
# numbers.": a ban on making facts up holds in every case, so the item's condition does not narrow it ("If waiver_signed
# is false, don't book. Send them to …" keeps it: that step is the case's own)
_STANDING = re.compile(
    r"\s*(?:and\s+)?(?:don['’]?t|do\s+not|never|no)\s+(?:ever\s+)?(?:make\s+up|invent|fabricate|guess|made[\s-]up|"
    r"invented|guessing|making\s+up)\b",
    re.IGNORECASE,
)


_ITEM_MARKER = re.compile(r"\s*(?:[-*•・]|\d{1,2}[.)]|[a-z][.)])\s*")


_LINE_START = re.compile(r"\s*(?:[-*•・]|\d{1,2}[.)]|[a-z][.)])?\s*")


def _item_condition(text: str, clause: Clause, condition: str | None) -> tuple[bool, str | None]:
    """Whether the clause opens a line (a list item), and the condition its item's later sentences hold under."""
    line_start = text.rfind("\n", 0, clause.start) + 1
    if not _LINE_START.fullmatch(text, line_start, clause.start):
        return False, condition  # a later sentence of the same line keeps the item's condition
    if not _ITEM_MARKER.fullmatch(text, line_start, clause.start):
        return True, None  # "If a caller asks about results: …" in a paragraph: no list item to govern
    test = FIELD_TEST.match(clause.text)
    if test is not None:
        return True, f"if {test.group('test')}"  # "- refills_left = 0: don't submit; explain …": each part under it
    match = _ITEM_CONDITION.match(clause.text)
    if match is None:
        # "2. If waiver_signed is false, don't book. Send them to …/waiver and stop there.": the item's later
        # sentences hold under the condition its first one opens with
        opening = _ITEM_COMMA_CONDITION.match(clause.text)
        return True, opening.group("condition") if opening else None
    if _ACTION_IN_CONDITION.search(match.group("condition")):
        return True, None  # "When the rep types END, drop the character and score … on each of:": an action's list
    return True, match.group("condition")


_ITEM_COMMA_CONDITION = re.compile(
    r"(?P<condition>(?:if|when|whenever|unless)\b(?:[^,;:.\n()]|\([^()\n]{0,80}\)){3,160}),", re.IGNORECASE
)


# An instruction inside what looked like a condition: ", stop the check-in and reply with exactly:".
_ACTION_IN_CONDITION = re.compile(
    r"[,;(]\s*(?:and\s+|then\s+)?(?:stop|drop|give|tell|say|reply|respond|ask|call|send|score|write|answer|use|"
    r"put|add|show|offer|end|start|return|output|explain|list|mark|flag|rate|refer|point|hand|pass|escalate|"
    r"réponds|répondez|responde|responda|antworte|gib|rispondi)\b",
    re.IGNORECASE,
)


def clause_leads(masked: str) -> Iterator[tuple[Clause, str]]:
    """Each clause of a field's (masked) text with the lead it is read under: the condition of the list item it
    belongs to ("if the caller is new, "), or the ban of the "Don't:" heading over its item ("don't "); "" for none.
    The headings themselves are no clauses to read."""
    condition: str | None = None
    banned = False  # under a "Don't:" heading, each item it lists is forbidden
    ban_lead = "don't "
    for clause in split_clauses(masked):
        opens_item, condition = _item_condition(masked, clause, condition)
        own = _ITEM_CONDITION.match(clause.text) or condition_end(clause.text) or _OWN_CONDITION.match(clause.text)
        lead = (
            ""
            if opens_item or condition is None or own or _EVERY_CASE.match(clause.text) or _STANDING.match(clause.text)
            else f"{condition}, "
        )
        heading = _BAN_HEADING.fullmatch(clause.text.strip())
        if heading:
            banned = True
            # "Avoid:\n- jargon" -> "avoid jargon"; "Never:\n- ask for …" -> "never ask for …"
            word = heading.group(0).lower()
            ban_lead = "avoid " if "avoid" in word else "never " if "never" in word else "don't "
            continue
        if opens_item:
            line_start = masked.rfind("\n", 0, clause.start) + 1
            banned = banned and _ITEM_MARKER.fullmatch(masked, line_start, clause.start) is not None
            if banned and not own:
                lead = ban_lead  # "Don't:\n- name medications or doses": the item is a ban, not an order
        yield clause, lead
