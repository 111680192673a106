"""A ban written as a note ("member_id never in the output columns (GDPR), count distinct instead"): the thing, then
"never in/on" a place, then what to do instead. Kept as the brief's words it reads as a fact about the data; as a rule
it says what the reply must not do ("Never put member_id in the output columns (GDPR); count distinct instead.")."""

from __future__ import annotations

import re

_NEVER_IN = re.compile(
    r"^(?P<thing>[`'\"]?[\w.-]+[`'\"]?(?:\s+[\w.-]+){0,2})\s+never\s+(?P<prep>in|into|on|inside)\s+"
    r"(?P<place>[^,;]+?)(?:\s*[,;]\s*(?P<instead>[^,;]+?\binstead))?\s*\.?$",
    re.IGNORECASE,
)
# (not a sentence with a verb of its own: "we never in our lives …", "it is never in stock")
_VERB_OR_PRONOUN = re.compile(
    r"\b(?:i|we|you|they|he|she|it|is|are|was|were|be|been|do|does|did|has|have|had|will|would|can|could|should|"
    r"must|may|might)\b",
    re.IGNORECASE,
)


def never_in_as_rule(text: str) -> str:
    """The note as an imperative rule, or the text unchanged."""
    found = _NEVER_IN.match(text.strip())
    if found is None or _VERB_OR_PRONOUN.search(found.group("thing")):
        return text
    rule = f"Never put {found.group('thing')} {found.group('prep').lower()} {found.group('place')}"
    if found.group("instead"):
        rule += f"; {found.group('instead')}"
    return rule + "."
