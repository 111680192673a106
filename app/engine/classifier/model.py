"""A linear n-gram model shipped as data (`model.json`), scored in pure Python with a sparse dot product.

Weights are stored as integers (quantised at export, see bench/classifier/train.py) and the features of a block share
one value, so each class's sum per block is an exact integer: the result cannot depend on summation order.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import msgspec

from app.engine.classifier.features import CUE_VALUE, MAX_CHARS, ngram_keys
from app.engine.classifier.lexicon import cue_features

MODEL_PATH = Path(__file__).with_name("model.json")
PROBABILITY_SCALE = 10_000
"""Probabilities are returned as integers out of this scale, so downstream comparisons are exact."""


class LinearModel(msgspec.Struct, frozen=True):
    """The shipped file: multinomial logistic regression over named sparse features.

    `weights` maps a feature to a flat list of (class index, quantised weight) pairs; `scale` turns a quantised
    sum back into a logit contribution.
    """

    labels: list[str]
    bias: list[float]
    scale: float
    weights: dict[str, list[int]]


class Scorer:
    """A loaded model, with each feature's weights expanded to one integer per class for fast summing."""

    def __init__(self, model: LinearModel) -> None:
        self.labels = list(model.labels)
        self.bias = list(model.bias)
        self.scale = model.scale
        self.vectors: dict[str, tuple[int, ...]] = {}
        for name, pairs in model.weights.items():
            dense = [0] * len(self.labels)
            for position in range(0, len(pairs), 2):
                dense[pairs[position]] = pairs[position + 1]
            self.vectors[name] = tuple(dense)

    def probabilities(self, prepared: str) -> list[int]:
        """Class probabilities of a prepared brief, as integers out of `PROBABILITY_SCALE`, in `labels` order."""
        keys = ngram_keys(prepared)
        ngram_sums = self._sums(keys)
        cue_sums = self._sums(cue_features(prepared[:MAX_CHARS]))
        value = 1.0 / math.sqrt(len(keys)) if keys else 0.0
        logits = [
            b + self.scale * (n * value + c * CUE_VALUE)
            for b, n, c in zip(self.bias, ngram_sums, cue_sums, strict=True)
        ]
        top = max(logits)
        exps = [math.exp(logit - top) for logit in logits]
        total = sum(exps)
        return [round(PROBABILITY_SCALE * e / total) for e in exps]

    def _sums(self, names: list[str]) -> list[int]:
        """Exact integer sum of the weights of `names`, per class."""
        hits = [vector for vector in map(self.vectors.get, names) if vector is not None]
        if not hits:
            return [0] * len(self.labels)
        return [sum(column) for column in zip(*hits, strict=True)]


@cache
def load_model(path: Path = MODEL_PATH) -> Scorer:
    """Decode the shipped model once per process."""
    return Scorer(msgspec.json.decode(path.read_bytes(), type=LinearModel))
