"""A contact the brief adds to a case's route ("Il peut aussi rappeler le 116 006", "give them Samaritans too").

"Si la personne est en danger immédiat : le 17 ou le 112 d'abord. Il peut aussi rappeler le 116 006": the 116 006 is
said as well as the case's first route, never instead of it; a guardrail that gave it as the case's route would send
someone in danger to a victim-support line before the police.
"""

from __future__ import annotations

import re

# "also", "as well", "aussi", "también", "auch", "ook", "também", "anche" before the contact, in its sentence (not
# "auch nicht", "also not": a ban)
_ALSO_BEFORE = re.compile(
    r"\b(?:also|additionally|aussi|également|egalement|en\s+plus|también|tambien|además|ademas|auch|zusätzlich|"
    r"ebenfalls|außerdem|ook|eveneens|daarnaast|também|tambem|além\s+disso|anche|inoltre|pure)\b"
    r"(?!\s+(?:not|nicht|niet|no|nie|never|kein\w*|geen|pas|non)\b)[^.;!?\n]*$",
    re.IGNORECASE,
)
# ("dar el 988 (llamar o textear, también en español) y el …": an aside about another contact adds nothing)
_ASIDE = re.compile(r"\([^()]*\)")
# "… 116 123 too", "… as well"
_ALSO_AFTER = re.compile(r"^[^.;!?\n]{0,30}?\b(?:too|as\s+well)\b", re.IGNORECASE)


def added_contact(text: str, start: int, end: int, condition: str | None) -> bool:
    """Whether the contact at [start, end) is one the brief adds for its case ("also", "aussi", "too"), not the
    case's first route; only a contact with a case is one (an unconditioned "also" adds to nothing the reader sees)."""
    if condition is None:
        return False
    at = text.find(condition)
    opening = at + len(condition) if 0 <= at < start else 0
    before = _ASIDE.sub(lambda aside: " " * len(aside.group(0)), text[opening:start])
    return bool(_ALSO_BEFORE.search(before) or _ALSO_AFTER.match(text[end:]))
