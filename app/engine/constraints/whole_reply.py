"""Limits written on a labelled line that still bound the whole reply: "Rules: whole handover under 150 words.",
"Reglas: la ficha entera por debajo de 200 palabras." A rules heading or a word for the whole names the reply, not
one line of the layout beside it (whose own lines may carry sizes of their own)."""

from __future__ import annotations

import re

# "whole handover", "the entire reply", "in total", "die ganze Übergabe", "la ficha entera", "le rapport entier"
_WHOLE = re.compile(
    r"\b(?:whole|entire|total|overall|altogether|all\s+together|in\s+all|ganze[nrms]?|gesamte[nrms]?|insgesamt|"
    r"enter[oa]s?|entier|enti[eè]re|tout\s+le|toute\s+la|en\s+tout|en\s+total|completo|completa|inteir[oa]|"
    r"intero|intera|in\s+totale|hele|gehele|totaal|todo\s+el|toda\s+la)\b",
    re.IGNORECASE,
)

# A line headed "Rules:", "Regeln:", "Reglas:", "Règles :", "Constraints:", "Limits:": the brief's rules, no layout line
_RULES_HEAD = re.compile(
    r"[ \t]*(?:[-*•][ \t]*)?(?:(?:house|general|other|hard)\s+)?(?:rules?|regeln?|reglas?|r[èe]gles?|regras?|regole|"
    r"regels?|constraints?|limits?|notes?|vorgaben|consignes?|normas?)[ \t]*[:：]",
    re.IGNORECASE,
)


def bounds_whole_reply(text: str, line_start: int, position: int) -> bool:
    """Whether a limit at `position`, on a labelled line starting at `line_start`, names the whole reply: the line is
    a rules heading's, or the limit's own clause says "whole", "entire", "in total"."""
    if _RULES_HEAD.match(text, line_start):
        return True
    clause_start = max(text.rfind(mark, line_start, position) for mark in (".", ";", ":", ","))
    return _WHOLE.search(text, max(line_start, clause_start), position) is not None
