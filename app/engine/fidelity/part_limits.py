"""Prompt limits that size one part of the reply as the brief itself does, so they bound no whole reply."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.constraints.limit_numbers import INPUT_SCOPE, FoundLimit
from app.engine.constraints.model import Constraint
from app.engine.fidelity.prompt import PromptView

# "Keep the reply to", "Reply in", "Your answer must be": words that put a limit on the whole reply.
_WHOLE_REPLY_BEFORE = re.compile(
    r"\b(?:keep|limit|cap)\s+(?:the\s+|your\s+)?(?:reply|replies|response|responses|answers?|output|it)\b|"
    r"\b(?:reply|respond|answer)\s+(?:in|with|using|within)\b|"
    r"\b(?:the|your|each)\s+(?:reply|response|answer|output)\s+(?:must|should|is|has)\b[^.;:!?]*$",
    re.IGNORECASE,
)


def brief_part_limit(limit: FoundLimit, view: PromptView, brief: Sequence[Constraint]) -> bool:
    """Whether a prompt limit repeats a limit the brief puts on one part ("PRESENTING CONCERN: …, max 25 words",
    "give feedback in this layout, max 120 words in total") with no word tying it to every reply: the brief's
    own part, carried; "Keep the reply to at most 25 words." for the same numbers still bounds the reply."""
    numbers = {limit.minimum, limit.maximum, limit.exact} - {None}
    if not any(
        c.kind == "limit"
        and c.scope
        and c.scope != INPUT_SCOPE
        and c.unit == limit.unit
        and {c.minimum, c.maximum, c.exact} - {None} == numbers
        for c in brief
    ):
        return False
    sentence = view.sentence_at(limit.start)
    before = view.text[sentence.start if sentence else max(0, limit.start - 60) : limit.start]
    return _WHOLE_REPLY_BEFORE.search(before) is None
