"""Checks that keep a built example from contradicting the brief: an emergency or escalation line answering an
input that does not meet its trigger, a part the brief bans ("no summary of the PR" beside "Summary: …"), and a
reply that uses none of the brief's own labels ("Blocking" where the set is BLOCKER / MAJOR / MINOR). When in
doubt the example is left out."""

from __future__ import annotations

import re

from app.engine.spec import Example

# An emergency line: a number emergency services answer, or words for them, after a verb of calling.
_EMERGENCY_LINE = re.compile(
    r"\b(?:call|ring|dial|phone|appel(?:ez|er|le)|compose[zr]?|ruf(?:en|t|e)?|w[äa]hl(?:en|e)?|llam[ae]n?|marqu[ea]|"
    r"ligu[ea]|chiam[ai]|bel)\b[^.!?\n]{0,30}?"
    r"(?:\b(?:999|911|112|111|000|119|110|15|17|18|144|118)\b|emergency|ambulance|a\s*&\s*e|urgences?|notruf|"
    r"notaufnahme|emergencias?|emerg[êe]ncia|pronto\s+soccorso|spoedeisende)",
    re.IGNORECASE,
)
# What an input says when it meets an emergency trigger: a symptom, a danger or the word itself.
_EMERGENCY_CUE = re.compile(
    r"\b(?:emergency|pain|bleed\w*|blood|faint\w*|vomit\w*|chest|breath\w*|unconscious|collapse\w*|hurt\w*|"
    r"injur\w*|fire|smoke|danger\w*|suicid\w*|overdose|seizure|stroke|notfall|schmerz\w*|blut\w*|feuer|rauch|"
    r"urgence|douleur|sang|malaise|feu|fumée|emergencia|dolor|sangre|fuego|humo|emergência|dor|sangue|fumo)\b",
    re.IGNORECASE,
)
# A line that opens with a part's name: "Summary: …", "Overall: …", "Fazit: …".
_PART_LINE = re.compile(r"^\s*(?:#+\s*|\*\*)?(?P<part>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ ]{1,24}?)\s*(?:\*\*)?\s*:", re.MULTILINE)
_BAN_LEAD = (
    r"(?:\bno|\bnot?\s+(?:a|an|any)|\bnever\s+(?:add|write|give|include|start\s+with)|\bdon['’]?t\s+(?:add|write|give|"
    r"include|start\s+with)|\bwithout|\bkein\w*|\bohne|\bpas\s+de|\bsans|\bsin|\bsem|\bgeen|\bniente|\bnessun\w*)"
)


def meets_trigger(example: Example) -> bool:
    """False when the output gives an emergency line to an input with no emergency in it ("What will the weather be
    like tomorrow?" answered "call 999")."""
    if _EMERGENCY_LINE.search(example.output) is None:
        return True
    return _EMERGENCY_CUE.search(example.input) is not None


def no_banned_part(output: str, task: str) -> bool:
    """False when a line of the output opens with a part the brief bans ("no summary of the PR" beside
    "Summary: …")."""
    for match in _PART_LINE.finditer(output):
        part = match.group("part").strip()
        ban = rf"{_BAN_LEAD}\s+(?:(?:the|a|an|any|de|la|le|el|die|der|das)\s+)?(?:\w+\s+)?{re.escape(part)}\w*\b"
        if re.search(ban, task, re.IGNORECASE):
            return False
    return True


def uses_own_labels(output: str, labels: tuple[str, ...], from_brief: bool) -> bool:
    """False when the brief gives its own labels and a prose example names none of them (a label outside the set
    teaches another set)."""
    if not from_brief or not labels:
        return True
    return any(re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", output) for label in labels)
