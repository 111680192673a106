"""A per-item line shape written inline after the colon that introduces each line of the reply, its parts joined by
dashes: "at most 5 findings, one line each: SEVERITY: path:line - problem - fix", "one line per issue: file:line -
what is wrong - how to fix it".

Counted and labelled without it ("Give at most 5 findings. Make each item exactly 1 line."), the reply keeps its
number of lines and loses what each line holds; the output section gives the shape verbatim.
"""

from __future__ import annotations

import re

# The shape's first part may carry colons of its own ("MUST/SHOULD/NIT: path:line"); each part after a dash is a
# short slot name ("problem", "how to fix it"), never a clause of a sentence. The shape ends its line or sentence.
DASHED_INLINE_TEMPLATE = re.compile(
    r"(?P<intro>[^.!?\n:：]{3,80}[:：])[ \t]*"
    r"(?P<template>(?:[^\W\d_]|\[[^\]\n]{1,30}\]|<[^>\n]{1,30}>)[^\s\n][^\n]{0,38}?"
    r"(?:[ \t]+[-–—][ \t]+(?:[^\s\n.;,–—-]+(?:[ \t][^\s\n.;,–—-]+){0,3})){2,5})"
    r"(?=[.;]?[ \t]*(?:\n|$)|[.;][ \t]+\S)"
)
# The intro names one line per item ("one line each:", "one line per finding:", "each on its own line:", "una línea
# por hallazgo:", "je eine Zeile:", "une ligne par remarque :"): a bare "Output:" may be followed by a sentence whose
# clauses are joined by dashes ("Output: a short summary - no lists - plain words")
PER_LINE_INTRO = re.compile(
    r"\b(?:one|a)\s+line\s+(?:per|for\s+each|for\s+every)\s+\w+|\b(?:one|a\s+single)\s+line\s+each\b|"
    r"\beach\s+(?:\w+\s+)?on\s+(?:one|a\s+single|its\s+own)\s+line\b|\b(?:each|every)\s+(?:\w+\s+)?(?:line|row)\b|"
    r"\buna\s+l[íi]nea\s+(?:cada|por)\b|\b(?:je\s+)?eine\s+zeile\s+(?:pro|je|für)\b|\bje\s+eine\s+zeile\b|"
    r"\bune\s+ligne\s+(?:par|chacun)|\buma\s+linha\s+(?:por|cada)\b|\buna\s+riga\s+(?:per|ciascun)|"
    r"\bé[ée]n\s+regel\s+per\b|\bin\s+(?:this|the\s+following)\s+(?:form|format|shape)\b",
    re.IGNORECASE,
)
# A part that is a rule, not a slot: "no lists", "never guess", "keine Emojis", "max 20 words"
_RULE_PART = re.compile(
    r"^(?:no|not|never|don'?t|do\s+not|always|keep|avoid|kein\w*|nie\w*|nicht|ne|pas|jamais|sin|nunca|sem|senza|mai|"
    r"geen|nooit|max\w*|min\w*|under|at\s+most)\b|\d",
    re.IGNORECASE,
)


def is_line_shape(template: str) -> bool:
    """Whether a dashed template's parts after the first are slot names, not rules."""
    parts = re.split(r"[ \t]+[-–—][ \t]+", template)
    return len(parts) >= 3 and not any(_RULE_PART.search(part.strip()) for part in parts[1:])
