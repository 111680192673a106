"""Points that are a score, not bullets: "höchstens 3 Punkte", "max 3 punten", "3 points maximum" count bullet points
in a list-writing job ("Summarise the meeting, 3 points max") but points awarded in a marking job ("vergib höchstens
3 Punkte pro Frage", "ken max 3 punten toe", "award 3 points maximum per question"). A score is what the reply gives,
not a bound on how many bullets it has, so such a "limit" is dropped where its own sentence awards or grades.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.engine.constraints.clause_readers import Field
from app.engine.constraints.model import Constraint

# The limit's own words are points of some language (not "bullet points", "Stichpunkte", "punti elenco")
_POINTS = re.compile(
    r"^(?!.*(?:bullet|stichpunkt|aufzählung|elenco|opsomming|viñeta|puce))"
    r".*\b(?:points?|punkte?|punten|puntos?|punti|pontos?|pts?|marks?)\b",
    re.IGNORECASE,
)

# Awarding or grading in the same sentence: "award/give/assign/deduct points", "vergib/vergeben/erteilen/abziehen",
# "toekennen/ken … toe/geven", "attribue/accorde/donne", "asigna/otorga/da", "assegna/attribuisci", "atribui/dá";
# or a marking verb ("grade", "mark", "score", "bewerte", "korrigiere", "beoordeel", "corrige", "califica", "valuta")
_SCORING = re.compile(
    r"\b(?:award\w*|assign\w*|deduct\w*|grad(?:e|es|ed|ing)|mark(?:s|ed|ing)?\s+(?:each|every|the|all|student|answer)|"
    r"scor(?:e|es|ed|ing)|rate|vergib\w*|vergeben|vergebe|erteil\w*|abzieh\w*|bewert\w*|benot\w*|korrigier\w*|"
    r"toekenn\w*|ken\b.*\btoe\b|beoordeel\w*|becijfer\w*|attribu\w*|accord\w*|not(?:e|ez|er)\s+(?:chaque|les|la|le)|"
    r"corrig\w*|asign\w*|otorg\w*|calific\w*|punt[úu]a\w*|assegn\w*|valut\w*|atribu\w*|avali\w*|pontu\w*)",
    re.IGNORECASE,
)

_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)|\n")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds [start, end)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[ends[-1] if ends else 0 : after.end() if after else len(text)]


def is_score(c: Constraint, text: str) -> bool:
    """Whether the limit `c` counts points awarded in a marking sentence of `text`, not bullets."""
    span = c.span
    if c.kind != "limit" or c.unit not in ("bullets", "items") or span is None or not _POINTS.match(span.text):
        return False
    return _SCORING.search(_sentence(text, span.start, span.end)) is not None


def without_score_points(fields: Iterable[Field], found: list[Constraint]) -> list[Constraint]:
    """The constraints without the bullet limits that are really scores ("vergib höchstens 3 Punkte")."""
    texts = {(field.name, field.index): field.text for field in fields}
    out: list[Constraint] = []
    for c in found:
        text = texts.get((c.span.field, c.span.index)) if c.span is not None else None
        if text is not None and is_score(c, text):
            continue
        out.append(c)
    return out
