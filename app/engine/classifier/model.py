"""A linear n-gram model shipped as data, scored in pure Python with a sparse dot product.

Weights are stored as integers (quantised at export, see bench/classifier/train.py) and the features of a block share
one value, so each class's sum per block is an exact integer: the result cannot depend on summation order.

Two files: `model.json`, what the trainer exports (readable, diffable), and `model.bin`, the same model in the
compact layout a server loads (`write_binary`; a test checks that it encodes `model.json` byte for byte). Loading the
JSON held about 25 MB per process (every feature's weights as Python lists while decoding, each packed vector once
per feature, feature names twice); the binary file keeps the feature names in one blob per group, without their
prefix, and each distinct weight vector once (53 394 features share 17 524 vectors), so the loaded model holds
about 8 MB, built without throw-away objects between the ones it keeps.
"""

from __future__ import annotations

import json
import math
import struct
import sys
from array import array
from functools import cache
from pathlib import Path

import msgspec

from app.engine.classifier.features import CUE_VALUE, MAX_CHARS, gram_sets
from app.engine.classifier.lexicon import cue_features

MODEL_PATH = Path(__file__).with_name("model.json")
BINARY_PATH = Path(__file__).with_name("model.bin")
PROBABILITY_SCALE = 10_000
"""Probabilities are returned as integers out of this scale, so downstream comparisons are exact."""


class LinearModel(msgspec.Struct, frozen=True):
    """The exported model: multinomial logistic regression over named sparse features.

    `weights` maps a feature to a flat list of (class index, quantised weight) pairs; `scale` turns a quantised
    sum back into a logit contribution.
    """

    labels: list[str]
    bias: list[float]
    scale: float
    weights: dict[str, list[int]]


_FIELD_BITS = 30
"""Bits per class in a packed weight vector: one 30-bit digit of a Python int per class (19 classes: 100 bytes per
vector, against 128 with 40 bits; 17 524 vectors). A field holds the sum of 2**14 offset weights (each < 2**16);
a brief has at most about 9 000 distinct features (`MAX_CHARS` 1 500: its 2-5 character grams, CJK characters,
words and bigrams), so the sums stay exact."""
_OFFSET = 1 << 15
"""Added to every quantised weight (|weight| < 2**15) so that each packed field is non-negative."""
NGRAM_PREFIXES = ("c", "w", "b")
"""The n-gram feature groups, in `ngram_groups` order; every other feature (the "lex:" cues) is kept whole."""
_MAGIC = b"PSLM0001"
GRAM_TABLES = 3
"""The "c" group is held as three tables by gram size (see `gram_table`)."""
_SEPARATOR = "\x00"  # no feature name holds it (names come from lowercased text and the lexicon)


def gram_table(gram: str) -> int:
    """Which of the `GRAM_TABLES` tables holds a character gram: 0 for up to 3 characters (single CJK characters,
    2- and 3-grams), 1 for 4, 2 for 5 (`gram_sets` cuts a text's grams the same way).

    One table of the model's 47 817 grams needs a hash table of 2**17 slots (1.9 MB); three of at most 21 431
    need 2**15 each (1.25 MB in all). A text's grams are looked up in the table of their size, so the hits are the
    same."""
    return min(len(gram), 5) - 3 if len(gram) > 3 else 0


def _pack(dense: list[int]) -> int:
    """One weight per class as one Python integer: a fixed-width, offset (non-negative) field per class."""
    return sum((weight + _OFFSET) << (_FIELD_BITS * i) for i, weight in enumerate(dense))


class Scorer:
    """A loaded model. Each feature's per-class weights are packed into one Python integer (one fixed-width field
    per class, offset to be non-negative), so a brief's thousands of features are summed with one `sum()` of ints
    instead of a column-wise sum of tuples; the result is exact and unpacked per class afterwards.

    The n-gram tables are keyed without their prefix, one per group (the "c" group cut by gram size, see
    `gram_table`), so that scoring looks up the text's slices directly instead of building a prefixed string for
    each; `other` holds the remaining features by full name.
    """

    def __init__(
        self, labels: list[str], bias: list[float], scale: float, grouped: list[dict[str, int]], other: dict[str, int]
    ) -> None:
        self.labels = labels
        self.bias = bias
        self.scale = scale
        grams, *rest = grouped
        by_size = [  # `gram_table`'s cut, without a call per gram
            {gram: vector for gram, vector in grams.items() if len(gram) <= 3},
            {gram: vector for gram, vector in grams.items() if len(gram) == 4},
            {gram: vector for gram, vector in grams.items() if len(gram) >= 5},
        ]
        del grams
        self._grams = by_size
        self._tables = [*by_size, *rest]
        self._by_prefix = dict(zip(NGRAM_PREFIXES[1:], rest, strict=True))
        self._other = other

    @classmethod
    def from_model(cls, model: LinearModel) -> Scorer:
        """The scorer of an exported model (the trainer's, or `model.json`)."""
        grouped: list[dict[str, int]] = [{} for _ in NGRAM_PREFIXES]
        by_prefix = dict(zip(NGRAM_PREFIXES, grouped, strict=True))
        other: dict[str, int] = {}
        for name, pairs in model.weights.items():
            dense = [0] * len(model.labels)
            for position in range(0, len(pairs), 2):
                dense[pairs[position]] = pairs[position + 1]
            prefix, _, rest = name.partition(":")
            table = by_prefix.get(prefix)
            if table is None:
                other[name] = _pack(dense)
            else:
                table[rest] = _pack(dense)
        return cls(list(model.labels), list(model.bias), model.scale, grouped, other)

    @property
    def feature_count(self) -> int:
        return sum(map(len, self._tables)) + len(self._other)

    def probabilities(self, prepared: str) -> list[int]:
        """Class probabilities of a prepared brief, as integers out of `PROBABILITY_SCALE`, in `labels` order."""
        groups = gram_sets(prepared)
        hits: list[int] = []
        for table, keys in zip(self._tables, groups, strict=True):
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

    def _vector(self, name: str) -> int | None:
        """The packed weights of the feature `name` (with its prefix), or None."""
        prefix, _, rest = name.partition(":")
        if prefix == NGRAM_PREFIXES[0]:
            return self._grams[gram_table(rest)].get(rest)
        table = self._by_prefix.get(prefix)
        return self._other.get(name) if table is None else table.get(rest)

    def _sums(self, names: list[str]) -> list[int]:
        """Exact integer sum of the weights of `names` (prefixed feature names), per class."""
        return self._unpack([vector for vector in map(self._vector, names) if vector is not None])

    def _unpack(self, hits: list[int]) -> list[int]:
        """Per-class sums of packed weight vectors (exact integers: the order of `hits` does not matter)."""
        total = sum(hits)
        mask = (1 << _FIELD_BITS) - 1
        return [((total >> (_FIELD_BITS * i)) & mask) - len(hits) * _OFFSET for i in range(len(self.labels))]


def encode_binary(model: LinearModel) -> bytes:
    """`model` in the layout `load_model` reads (little-endian):

    a magic string, a u32 header length and a JSON header (labels, bias, scale, the name count and blob size of
    each group: the three n-gram groups unprefixed, then the rest by full name, and the number of distinct weight
    vectors); each group's names, joined by NUL; padding to 4 bytes; each group's vector index per name (u32); the
    distinct vectors, one i16 weight per class. The order is that of `model.weights`, so the output is deterministic.
    """
    groups: dict[str, tuple[list[str], array[int]]] = {p: ([], array("I")) for p in (*NGRAM_PREFIXES, "")}
    vectors: dict[tuple[int, ...], int] = {}
    for name, pairs in model.weights.items():
        dense = [0] * len(model.labels)
        for position in range(0, len(pairs), 2):
            dense[pairs[position]] = pairs[position + 1]
        if any(abs(weight) >= _OFFSET for weight in dense):
            raise ValueError(f"weight of {name!r} does not fit a packed field")
        prefix, _, rest = name.partition(":")
        names, ids = groups[prefix] if prefix in NGRAM_PREFIXES else groups[""]
        names.append(rest if prefix in NGRAM_PREFIXES else name)
        ids.append(vectors.setdefault(tuple(dense), len(vectors)))
    blobs = [_SEPARATOR.join(names).encode() for names, _ in groups.values()]
    header = {
        "labels": model.labels,
        "bias": model.bias,
        "scale": model.scale,
        "groups": [[len(names), len(blob)] for (names, _), blob in zip(groups.values(), blobs, strict=True)],
        "vectors": len(vectors),
    }
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode()
    out = bytearray(_MAGIC + struct.pack("<I", len(head)) + head + b"".join(blobs))
    out += bytes(-len(out) % 4)
    for _, ids in groups.values():
        out += _little_endian(ids).tobytes()
    out += _little_endian(array("h", [weight for vector in vectors for weight in vector])).tobytes()
    return bytes(out)


def _little_endian(values: array[int]) -> array[int]:
    """`values` with little-endian items (the file's byte order) whatever this machine's is."""
    if sys.byteorder != "little":
        values = array(values.typecode, values)
        values.byteswap()
    return values


def write_binary(model: LinearModel, path: Path = BINARY_PATH) -> None:
    """Write `model.bin` for `model` (the trainer calls it after writing `model.json`)."""
    path.write_bytes(encode_binary(model))


def decode_binary(data: bytes) -> Scorer:
    """The scorer of a `model.bin` (see `encode_binary`)."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a model.bin file")
    offset = len(_MAGIC)
    (head_size,) = struct.unpack_from("<I", data, offset)
    offset += 4
    header = json.loads(data[offset : offset + head_size])
    offset += head_size
    names: list[list[str]] = []
    for count, size in header["groups"]:
        blob = data[offset : offset + size].decode()
        names.append(blob.split(_SEPARATOR) if count else [])
        offset += size
    offset += -offset % 4
    indexes = []
    for count, _ in header["groups"]:
        indexes.append(_little_endian(array("I", data[offset : offset + 4 * count])))
        offset += 4 * count
    weights = _little_endian(array("h", data[offset:]))
    width = len(header["labels"])
    if len(weights) != header["vectors"] * width:
        raise ValueError("truncated model.bin")
    packed = [_pack(list(weights[i : i + width])) for i in range(0, len(weights), width)]
    tables = [
        dict(zip(group, map(packed.__getitem__, index), strict=True))
        for group, index in zip(names, indexes, strict=True)
    ]
    *grouped, other = tables
    return Scorer(header["labels"], header["bias"], header["scale"], grouped, other)


@cache
def load_model(path: Path = BINARY_PATH) -> Scorer:
    """Load the shipped model once per process."""
    scorer = decode_binary(path.read_bytes())
    _return_freed_heap()
    return scorer


def _return_freed_heap() -> None:
    """Give what the load freed (the file, the name lists, the dicts' smaller tables while they grew) back to the
    OS, as the token counter does after its load (`app.engine.tokens`): glibc keeps freed heap mapped otherwise.
    A no-op where there is no glibc `malloc_trim` (musl, macOS)."""
    import contextlib
    import ctypes
    import gc

    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)
