"""A case that says "it" for the subject its sentence opened with, before a semicolon or a comma.

"Battery health exactly as the percentage on the sheet, never rounded up; if it's missing write "Battery health: ask
us"": read alone, the case "If it's missing" names nothing (a guardrail far from the battery rule would leave the
model to guess what "it" is). The case keeps the subject the sentence shares: "If the battery health is missing".
English only: other languages keep their sentences as read.
"""

from __future__ import annotations

import re

import msgspec

from app.engine.constraints.model import Constraint

# "if it's missing", "when it is not on the sheet", "if it isn't given"
_IT_CASE = re.compile(r"(?i)^(?P<lead>if|when|whenever)\s+it(?P<verb>['’]s|\s+is(?:n['’]t)?|\s+was)(?=\s)")
# The subject that opens the sentence: a few words before its first verb, adverb or preposition.
_SUBJECT = re.compile(
    r"\s*(?P<np>(?:[A-Za-z][\w-]*\s+){0,3}?[A-Za-z][\w-]*)\s+(?=(?:exactly|as|must|should|is|are|always|never|only|"
    r"goes|stays|appears|comes|has|have|in|on|from|to|with|precisely|word\s+for\s+word|verbatim)\b)"
)
_NOT_A_SUBJECT = re.compile(r"(?i)^(?:if|when|never|always|don'?t|do|use|write|say|keep|add|the\s+user|you|we|i)\b")


def with_shared_subjects(text: str, found: list[Constraint]) -> list[Constraint]:
    """Each "if it …" case of a fixed reply with the subject its sentence opened with, when the case follows that
    subject's own clause after a semicolon or a comma."""
    out = []
    for c in found:
        subject = _shared_subject(text, c) if c.kind == "fallback" and c.condition and c.span else None
        if subject is None or c.condition is None:
            out.append(c)
            continue
        case = _IT_CASE.match(c.condition)
        if case is None:
            out.append(c)
            continue
        verb = " is" if case.group("verb") in ("'s", "’s") else case.group("verb")
        condition = f"{case.group('lead')} the {subject}{verb}{c.condition[case.end() :]}"
        rule = c.text.replace(c.condition[0].upper() + c.condition[1:], condition[0].upper() + condition[1:], 1)
        out.append(msgspec.structs.replace(c, condition=condition, text=rule))
    return out


def _shared_subject(text: str, c: Constraint) -> str | None:
    if c.span is None or c.condition is None or not _IT_CASE.match(c.condition):
        return None
    at = text.rfind(c.condition, 0, c.span.start)
    if at <= 0:
        return None
    opening = max((m.end() for m in re.finditer(r"[.!?\n]\s*", text[:at])), default=0)
    before = text[opening:at]
    if not re.search(r"[;,]\s*$", before):
        return None  # the case opens its own sentence: "it" may be anything said before
    subject = _SUBJECT.match(before)
    if subject is None or _NOT_A_SUBJECT.match(subject.group("np")):
        return None
    words = subject.group("np").split()
    return " ".join(w if w.isupper() else w.lower() for w in words)
