"""Whether a format word in a brief is named to be avoided ("no markdown", "sin markdown", "ohne Markdown", "pas de
markdown"): such a word sets no reply format, in any of the brief's languages."""

from __future__ import annotations

import re

# The negation before the word, in the same clause: English and the other Latin-script languages the engine reads
# ("sin markdown ni negritas", "ohne Markdown", "sans markdown", "pas de markdown", "senza markdown", "zonder
# markdown", "sem markdown", "geen markdown", "kein Markdown", "nada de markdown")
_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|never|without|avoid|don't|do not|nor|instead of|rather than|"
    r"sin|nada\s+de|ni|evita\w*|nunca|ohne|kein\w*|nicht|vermeide\w*|statt|sans|pas\s+(?:de|d['’])|jamais|évite\w*|"
    r"plutôt\s+que|senza|niente|evita|mai|zonder|geen|vermijd|nooit|sem|nem|nunca|não)\b[^.;:]*$",
    re.IGNORECASE,
)


def negated_cue(text: str, start: int) -> bool:
    """True when the format word at `start` follows a negation in its clause (the 25 characters before it)."""
    return _NEGATED_BEFORE.search(text[max(0, start - 25) : start]) is not None
