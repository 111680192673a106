"""How model probabilities and keyword evidence become a primary archetype and its secondaries.

Shared by `app.engine.classify` and the training script, so the measured decision is the shipped decision.
All inputs and thresholds are integers out of `SCORE_SCALE`: comparisons are exact and ties are broken by a
fixed order (the label order given by the caller), never by hashing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

SCORE_SCALE = 10_000


class DecisionParams(NamedTuple):
    """Thresholds chosen by cross-validation on the training corpus (see bench/classifier/train.py)."""

    keyword_bonus: int
    """Added, out of SCORE_SCALE, to an archetype whose keyword features reach `keyword_cap` points."""
    keyword_cap: int
    general_penalty: int
    """Subtracted from the general assistant: it should win only when no job is clearly named."""
    min_secondary: int
    secondary_ratio_pct: int
    """A secondary needs `min_secondary` and this share of the primary's combined score."""


DEFAULT_PARAMS = DecisionParams(
    keyword_bonus=3_500, keyword_cap=12, general_penalty=0, min_secondary=1_600, secondary_ratio_pct=20
)
"""Chosen by cross-validation (bench/classifier/train.py `pick_params`, 3rd round: 1837 briefs, linear SVM with
margins softmaxed at temperature 2.5): the fewest unwanted secondaries among the settings that keep CV accuracy and
blend recall. A full keyword match is worth 0.35 of probability: keywords are precise, the model gives recall.
CV: accuracy 0.872, blend recall 0.71, unwanted secondaries on 0.18 of single-job briefs."""
MAX_SECONDARY = 2


def combine(
    labels: Sequence[str],
    probabilities: Mapping[str, int],
    keyword_points: Mapping[str, int],
    fallback: str,
    params: DecisionParams = DEFAULT_PARAMS,
) -> list[tuple[str, int]]:
    """Combined score per label, best first; ties keep `labels` order (Python's sort is stable)."""
    scored = []
    for label in labels:
        score = probabilities.get(label, 0)
        if label == fallback:
            score -= params.general_penalty
        # The fallback earns a bonus too, from its own few keywords ("a companion"), like any other archetype.
        points = min(keyword_points.get(label, 0), params.keyword_cap)
        score += params.keyword_bonus * points // params.keyword_cap
        scored.append((label, score))
    return sorted(scored, key=lambda item: -item[1])


def choose(ranked: Sequence[tuple[str, int]], fallback: str, params: DecisionParams = DEFAULT_PARAMS) -> list[str]:
    """The primary label, then up to MAX_SECONDARY secondaries; the fallback is never a secondary."""
    primary, top = ranked[0]
    chosen = [primary]
    if primary == fallback:
        return chosen
    for label, score in ranked[1:]:
        if len(chosen) > MAX_SECONDARY:
            break
        if label != fallback and score >= params.min_secondary and score * 100 >= top * params.secondary_ratio_pct:
            chosen.append(label)
    return chosen
