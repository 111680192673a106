"""What arrives, never what to return: a field list after "you get", "you receive", "for each one you get",
"you'll be given", "input:", "recebes", "recibes", "du bekommst", "tu reçois" names the input's fields, so it is no
"Return exactly these fields" list."""

from __future__ import annotations

import re

# The words right before a field list (or before the intro verb) that make the list the input.
_INPUT_LEAD = re.compile(
    r"(?:\b(?:you|we|i|the\s+(?:assistant|model|bot))\s+(?:will\s+|'ll\s+|’ll\s+)?"
    r"(?:get|receive|are\s+given|are\s+sent|be\s+given|be\s+sent|see|have)\s*:?\s*|"
    r"\b(?:you|we)['’]ll\s+(?:get|receive|be\s+given)\s*:?\s*|"
    r"\b(?:input|inputs|you\s+are\s+given|entrada|eingabe|entrée|ingresso|invoer)"
    r"(?:[\s-]+(?:fields?|keys?|columns?|campos|felder|champs|velden))?\s*:\s*|"
    r"\b(?:recebes|recebe|recibes|recibirás|recevras|reçois|bekommst|erhältst|ricevi|krijg\s+je)\b[^.:\n]{0,30}:?\s*)$",
    re.IGNORECASE,
)


def arrives_as_input(text: str, start: int) -> bool:
    """Whether the list or intro at `start` follows words that make it the input ("For each one you get: …")."""
    opening = max(text.rfind(mark, 0, start) for mark in (".", "\n", "!", "?", ";")) + 1
    return _INPUT_LEAD.search(text[opening:start]) is not None
