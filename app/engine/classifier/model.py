"""A linear n-gram model shipped as data (`model.json`), scored in pure Python with a sparse dot product.

Weights are stored as integers (quantised at export, see bench/classifier/train.py) and the features of a block share
one value, so each class's sum per block is an exact integer: the result cannot depend on summation order.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import msgspec

from app.engine.classifier.features import CUE_VALUE, MAX_CHARS, ngram_groups
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


_FIELD_BITS = 40
"""Bits per class in a packed weight vector: room for the sum of 2**30 offset weights, far beyond any brief."""
_OFFSET = 1 << 15
"""Added to every quantised weight (|weight| < 2**15) so that each packed field is non-negative."""


class Scorer:
    """A loaded model. Each feature's per-class weights are packed into one Python integer (one fixed-width field
    per class, offset to be non-negative), so a brief's thousands of features are summed with one `sum()` of ints
    instead of a column-wise sum of tuples; the result is exact and unpacked per class afterwards."""

    def __init__(self, model: LinearModel) -> None:
        self.labels = list(model.labels)
        self.bias = list(model.bias)
        self.scale = model.scale
        self.packed: dict[str, int] = {}
        for name, pairs in model.weights.items():
            dense = [0] * len(self.labels)
            for position in range(0, len(pairs), 2):
                dense[pairs[position]] = pairs[position + 1]
            self.packed[name] = sum((weight + _OFFSET) << (_FIELD_BITS * i) for i, weight in enumerate(dense))
        # The n-gram weights again, one table per feature prefix and keyed without it, so that scoring looks up
        # the text's slices directly instead of building a prefixed string for each.
        self._grouped: dict[str, dict[str, int]] = {"c": {}, "w": {}, "b": {}}
        for name, vector in self.packed.items():
            prefix, _, rest = name.partition(":")
            if prefix in self._grouped:
                self._grouped[prefix][rest] = vector

    def probabilities(self, prepared: str) -> list[int]:
        """Class probabilities of a prepared brief, as integers out of `PROBABILITY_SCALE`, in `labels` order."""
        groups = ngram_groups(prepared)
        hits: list[int] = []
        for table, keys in zip(self._grouped.values(), groups, strict=True):
            hits += filter(None, map(table.get, keys))  # a packed vector is never 0: every field is offset >= 1
        ngram_sums = self._unpack(hits)
        cue_sums = self._sums(cue_features(prepared[:MAX_CHARS]))
        count = sum(len(keys) for keys in groups)  # = len(ngram_keys(prepared)): the prefixes keep groups apart
        value = 1.0 / math.sqrt(count) if count else 0.0
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
        return self._unpack([vector for vector in map(self.packed.get, names) if vector is not None])

    def _unpack(self, hits: list[int]) -> list[int]:
        """Per-class sums of packed weight vectors (exact integers: the order of `hits` does not matter)."""
        total = sum(hits)
        mask = (1 << _FIELD_BITS) - 1
        return [((total >> (_FIELD_BITS * i)) & mask) - len(hits) * _OFFSET for i in range(len(self.labels))]


@cache
def load_model(path: Path = MODEL_PATH) -> Scorer:
    """Decode the shipped model once per process."""
    return Scorer(msgspec.json.decode(path.read_bytes(), type=LinearModel))
