"""A linear n-gram model shipped as data (`model.json`), scored in pure Python with a sparse dot product.

Weights are stored as integers (quantised at export, see bench/classifier/train.py) and every feature of a brief
has the same value, so a class's sum is an exact integer: the result cannot depend on summation order.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import msgspec

from app.engine.classifier.features import featurize

MODEL_PATH = Path(__file__).with_name("model.json")
PROBABILITY_SCALE = 10_000
"""Probabilities are returned as integers out of this scale, so downstream comparisons are exact."""


class LinearModel(msgspec.Struct, frozen=True):
    """Multinomial logistic regression over hashed-free string features.

    `weights` maps a feature to a flat list of (class index, quantised weight) pairs; `scale` turns a quantised
    sum back into a logit contribution.
    """

    labels: list[str]
    bias: list[float]
    scale: float
    weights: dict[str, list[int]]

    def probabilities(self, prepared: str) -> list[int]:
        """Class probabilities of a prepared brief, as integers out of `PROBABILITY_SCALE`, in `labels` order."""
        features = featurize(prepared)
        sums = [0] * len(self.labels)
        for name in features:
            pairs = self.weights.get(name)
            if pairs is None:
                continue
            for position in range(0, len(pairs), 2):
                sums[pairs[position]] += pairs[position + 1]
        value = 1.0 / math.sqrt(len(features)) if features else 0.0
        logits = [b + s * self.scale * value for b, s in zip(self.bias, sums, strict=True)]
        top = max(logits)
        exps = [math.exp(logit - top) for logit in logits]
        total = sum(exps)
        return [round(PROBABILITY_SCALE * e / total) for e in exps]


@cache
def load_model(path: Path = MODEL_PATH) -> LinearModel:
    """Decode the shipped model once per process."""
    return msgspec.json.decode(path.read_bytes(), type=LinearModel)
