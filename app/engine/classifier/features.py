"""Sparse features of a prepared brief: character n-grams (typos, CJK, inflection) and word uni/bigrams.

The feature order follows the text, and values are rounded, so the model's sums are the same in every process.
"""

from __future__ import annotations

import math
import re

from app.engine.classifier.lexicon import cue_features

CHAR_MIN = 2
CHAR_MAX = 5
MAX_CHARS = 1500
"""Only the opening of a very long brief is read: the job is stated early and latency stays bounded."""

_WORD = re.compile(r"\w+")


def featurize(prepared: str) -> dict[str, float]:
    """L2-normalised binary features of a prepared (masked) brief; keys are "c:<ngram>" and "w:<words>"."""
    text = " " + prepared[:MAX_CHARS].lower() + " "
    seen: dict[str, float] = {}
    for size in range(CHAR_MIN, CHAR_MAX + 1):
        for start in range(len(text) - size + 1):
            gram = text[start : start + size]
            if gram.strip():
                seen["c:" + gram] = 1.0
    words = _WORD.findall(text)
    previous = "^"
    for word in words:
        seen["w:" + word] = 1.0
        seen["b:" + previous + " " + word] = 1.0
        previous = word
    for cue in cue_features(prepared):
        seen[cue] = 1.0
    if not seen:
        return seen
    norm = 1.0 / math.sqrt(len(seen))
    return dict.fromkeys(seen, norm)
