"""A label followed by a reason: "output: SPAM or HAM + reason", "reply with the label, then a short justification".

Such a reply starts with the label and goes on, so the label job's default ("only the label, with no explanation")
would contradict the brief.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_REASON_NOUNS = {
    "reason": "reason",
    "reasons": "reason",
    "justification": "justification",
    "explanation": "explanation",
    "rationale": "rationale",
    "reden": "reason",
    "toelichting": "explanation",
    "uitleg": "explanation",
    "begründung": "justification",
    "grund": "reason",
    "raison": "reason",
    "justificación": "justification",
    "justificativa": "justification",
    "justificação": "justification",
    "razón": "reason",
    "motivo": "reason",
    "motivazione": "reason",
    "motivation": "reason",
    "理由": "reason",
    "原因": "reason",
}
_SHORT = r"short|brief|one[- ]sentence|one[- ]line|kurze[nr]?|korte|courte|breve|corta|kort"
# After the label: "+ reason", "then a short justification", "plus a one-line explanation", "+ reden".
_REASON_FOLLOWS = re.compile(
    r"(?:[+＋]|\b(?:plus|then|and\s+then|followed\s+by|and|with|dann|und|puis|et|luego|y|depois|e|poi|daarna|en|"
    r"met|con|com)\b)\s*(?:(?:a|an|the|one|een|eine?n?|une?|un[ao]?|uma?)\s+)?"
    rf"(?P<short>(?:{_SHORT})\s+)?(?P<noun>{'|'.join(sorted(_REASON_NOUNS, key=len, reverse=True))})(?!\w)",
    re.IGNORECASE,
)
# "然后写一句理由", "并给出原因": a CJK reason after a connective within a few characters.
_CJK_REASON_FOLLOWS = re.compile(r"(?:然后|并|再|，|、)[^。；;\n]{0,8}?(?P<noun>理由|原因)")


class ReasonAfterLabel(NamedTuple):
    """The part of a reply after its label, as the brief names it."""

    noun: str
    short: bool
    start: int
    """Where the brief names it (a limit stated after this is the reason's)."""


def reason_after_label(task: str) -> ReasonAfterLabel | None:
    """The reason the brief asks for after a label, or None."""
    match = _REASON_FOLLOWS.search(task) or _CJK_REASON_FOLLOWS.search(task)
    if match is None:
        return None
    short = "short" in match.groupdict() and match.group("short") is not None
    return ReasonAfterLabel(_REASON_NOUNS[match.group("noun").lower()], short, match.start())


def reason_line(reason: ReasonAfterLabel) -> str:
    """The output line that says what follows the label."""
    return f"After the label, give {'a short' if reason.short else 'the'} {reason.noun}."
