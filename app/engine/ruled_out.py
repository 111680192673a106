"""Jobs a brief rules out in a short negated phrase: "GEEN medisch advies en geen triage", "no triage, no
diagnosis", "keine Beratung.", "not a classifier", "sin diagnóstico". What the brief says the assistant must not be
or do is not its job, so the words are blanked (offsets kept) before the keyword features read them: "geen triage"
must not make a practice's question chat a triage classifier."""

from __future__ import annotations

import re

_NEG = r"no|not|geen|kein|keine|keinen|sin|ni|pas\s+de|sans|sem|nessun[oa]?|niente|senza|nada\s+de|nunca|never"
_ARTICLE = r"(?:a|an|een|ein|eine|einen|un|una|uma|um|une)\s+"
# a negated noun phrase of one to three words that ends its clause or joins another negated one
_NEGATED_PHRASE = re.compile(
    # (a verbless clause: "GEEN medisch advies en geen triage", not "That's not in the booklet")
    r"(?:^|(?<=[.;:,!?\n(])|(?<=\band )|(?<=\ben )|(?<=\bund )|(?<=\by )|(?<=\bet )|(?<=\be ))[ \t]*"
    rf"\b(?i:{_NEG})\s+(?i:{_ARTICLE})?(?:[^\W\d_]+[ \t]+){{0,2}}[^\W\d_]+"
    rf"(?=[ \t]*(?:[.;,!)\n]|$|[ \t]+(?i:and|en|und|y|et|e|or|of|oder|o|ou|nor|noch)[ \t]+(?i:{_NEG})\b))",
)


def without_ruled_out_jobs(text: str) -> str:
    """The text with short negated noun phrases blanked (same length)."""
    return _NEGATED_PHRASE.sub(lambda m: " " * len(m.group(0)), text)
