"""Deterministic archetype classification from weighted phrase features."""

from __future__ import annotations

from typing import Literal

from app.engine.archetypes import FALLBACK_ID, REGISTRY
from app.engine.types import EngineStruct

MIN_PRIMARY_SCORE = 4
"""Below this the brief is too vague for a specialised archetype, so the general assistant is used."""
MIN_SECONDARY_SCORE = 5
SECONDARY_RATIO_PCT = 55
"""A secondary archetype needs at least this percentage of the primary's score (integer maths: no float drift)."""
MAX_SECONDARY = 2


class ArchetypeMatch(EngineStruct, kw_only=True):
    """An archetype the brief matched, its score and the phrase features that matched."""

    id: str
    score: int
    features: list[str]
    rank: Literal["primary", "secondary"] = "primary"


def score_all(text: str) -> list[ArchetypeMatch]:
    """Score every archetype against the text; each feature counts once. Sorted by score, then registry order."""
    scored: list[tuple[int, int, ArchetypeMatch]] = []
    for index, archetype in enumerate(REGISTRY):
        if archetype.id == FALLBACK_ID:
            continue
        matched = [f for f in archetype.features if f.pattern.search(text)]
        score = sum(f.weight for f in matched)
        if score:
            match = ArchetypeMatch(id=archetype.id, score=score, features=[f.label for f in matched], rank="secondary")
            scored.append((-score, index, match))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [item[2] for item in scored]


def classify(text: str) -> list[ArchetypeMatch]:
    """Return the primary archetype first, then up to two secondary archetypes for a blended prompt."""
    ranked = score_all(text)
    if not ranked or ranked[0].score < MIN_PRIMARY_SCORE:
        fallback = next(a for a in REGISTRY if a.id == FALLBACK_ID)
        features = [f.label for f in fallback.features if f.pattern.search(text)]
        return [ArchetypeMatch(id=FALLBACK_ID, score=ranked[0].score if ranked else 0, features=features)]
    primary = ranked[0]
    result = [ArchetypeMatch(id=primary.id, score=primary.score, features=primary.features, rank="primary")]
    for match in ranked[1:]:
        if len(result) > MAX_SECONDARY:
            break
        if match.score >= MIN_SECONDARY_SCORE and match.score * 100 >= primary.score * SECONDARY_RATIO_PCT:
            result.append(match)
    return result
