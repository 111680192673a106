"""Audience phrases that name no readers, or only part of a phrase that does (shared by the audience readers of
`brief` and `constraints.people`; no engine imports, so that neither side makes an import cycle).

- "don't defend or apologise for staff", "if they ask for a nurse", "cover for the team": the object of a verb that
  takes "for" names who is defended, asked for or stood in for, never who reads.
- "minibuses for people who cant use normal buses", "for people who are struggling - long hours": a relative
  clause cut at its verb or at a dash is no description of the readers; the head noun alone is kept ("people", then
  too generic to write for).
"""

from __future__ import annotations

import re

# Verbs whose "for X" is the person or thing the verb is about: "apologise for staff", "blame it on", "ask for a
# manager", "stand in for the nurse", "wait for the driver", "pay for the kids"
_FOR_OBJECT = re.compile(
    r"\b(?:apologi[sz]\w*|sorry|blam\w*|defend\w*|excus\w*|vouch\w*|speak\w*|stand\w*\s+in|fill\w*\s+in|cover\w*|"
    r"wait\w*|look\w*|search\w*|ask\w*|pay\w*|paid|account\w*|stick\w*\s+up|substitut\w*|thank\w*|make\s+excuses|"
    r"disculp\w*|perd[oó]n\w*|entschuldig\w*|excuse[rz]?|s['’]excuser|scus\w*|excuses)\s+"
    r"(?:(?:it|them|him|her|us|yourself|themselves)\s+)?$",
    re.IGNORECASE,
)


def object_of_verb(text: str, intro_start: int) -> bool:
    """Whether the "for" at `intro_start` follows a verb whose object it names ("apologise for staff")."""
    return _FOR_OBJECT.search(text, max(0, intro_start - 40), intro_start) is not None


_RELATIVE = re.compile(r"\s+(?:who|that\s+are|that)\s+", re.IGNORECASE)
_WORD_NEXT = re.compile(r"\s*[^\W_]")


def uncut(text: str, phrase: str, start: int) -> str:
    """The phrase, or its head alone when its relative clause runs on past what was kept ("people who cant" from
    "people who cant use normal buses", "people who are struggling" before " - long hours" stays whole)."""
    relative = _RELATIVE.search(phrase)
    if relative is None or _WORD_NEXT.match(text, start + len(phrase)) is None:
        return phrase
    return phrase[: relative.start()]
