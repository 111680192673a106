"""`model.bin`, the classifier the engine loads, is `model.json` (what the trainer exports) in a compact layout."""

from __future__ import annotations

import msgspec
import pytest

from app.engine.classifier.model import (
    BINARY_PATH,
    MODEL_PATH,
    LinearModel,
    Scorer,
    decode_binary,
    encode_binary,
    load_model,
)
from app.engine.classifier.text import prepare

BRIEFS = [
    "A support bot for our bike shop: answer questions about orders and returns, friendly, short.",
    "Extract the invoice number, date and total from each email and return JSON.",
    "Review pull requests for security issues in our Go services.",
    "数据 提取 JSON " * 40,
    "x",
]


def _exported() -> LinearModel:
    return msgspec.json.decode(MODEL_PATH.read_bytes(), type=LinearModel)


def test_the_shipped_binary_encodes_the_exported_json() -> None:
    """Retrain and forget `write_binary`, or edit one file by hand, and this fails."""
    assert BINARY_PATH.read_bytes() == encode_binary(_exported())


def test_the_binary_scores_exactly_like_the_json() -> None:
    exported = _exported()
    from_json, from_binary = Scorer.from_model(exported), load_model()
    assert from_binary.labels == exported.labels
    assert from_binary.feature_count == len(exported.weights)
    for brief in BRIEFS:
        prepared = prepare(brief)
        assert from_binary.probabilities(prepared) == from_json.probabilities(prepared)
    for name, pairs in exported.weights.items():
        expected = [0] * len(exported.labels)
        for position in range(0, len(pairs), 2):
            expected[pairs[position]] = pairs[position + 1]
        assert from_binary._sums([name]) == expected, name


def test_a_weight_beyond_a_packed_field_is_refused() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        encode_binary(LinearModel(labels=["a", "b"], bias=[0.0, 0.0], scale=1.0, weights={"w:x": [1, 1 << 15]}))


def test_a_damaged_file_is_refused() -> None:
    data = BINARY_PATH.read_bytes()
    with pytest.raises(ValueError, match=r"not a model\.bin"):
        decode_binary(b"not a model" + data)
    with pytest.raises(ValueError, match="truncated"):
        decode_binary(data[:-2])
