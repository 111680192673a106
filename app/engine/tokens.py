"""Offline token counting per target model family.

Every count says whether it is exact and which tokenizer produced it:

- ``gpt``: exact, ``o200k_base`` (GPT-4o, GPT-4.1, o-series, GPT-5). The BPE file is the one that ships
  inside the ``bpe-openai`` wheel (gzip), verified against OpenAI's published SHA-256. Counts come from
  `CompactO200k`, tiktoken's algorithm over a compact copy of the ranks (about 5 MB resident, where a
  ``tiktoken.Encoding`` holds 41 MB in every worker); texts with characters unassigned in this Python's
  Unicode tables are counted by ``tiktoken.Encoding`` itself (loaded then). Nothing is ever fetched.
- ``claude``: estimate. There is no public tokenizer for Claude 3 and later; we apply the community
  heuristic "OpenAI count x 1.1" (usually quoted for cl100k) to the o200k_base count:
  ``ceil(o200k x 1.1)``. Exact counts need Anthropic's online ``count_tokens`` endpoint.
- ``gemini``: estimate. Gemini's tokenizer (the Gemma SentencePiece model) is not available offline here;
  the o200k_base count is used as an uncalibrated proxy (both are large multilingual vocabularies).
- ``small`` / ``generic``: estimate, the o200k_base count as a proxy.

If the bundled BPE file is missing or corrupt, every target falls back to a character heuristic
(``ceil(chars / 4)``, ``ceil(chars / 3.5)`` for claude), also marked ``estimate``.

Chat prompts follow OpenAI's cookbook accounting: each message costs ``TOKENS_PER_MESSAGE`` (3) plus
its role, content and name tokens (``TOKENS_PER_NAME`` extra when a name is set), and the reply is primed
with ``REPLY_PRIMING_TOKENS`` (3). Placeholder messages stand for runtime history and count nothing.
The same overhead is applied to estimated targets, as an approximation.

The o200k count of a long text is kept in a small cache keyed by the text itself (`_CountCache`): one
prompt is often counted several times in a row (a version is stored with its counts and linted, and the
linter's budget rule counts it again), and encoding 20 KB costs about 1.3 ms.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import importlib.util
import math
import re
import threading
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from pathlib import Path
from typing import Any

from app.engine.types import TARGETS, ChatMessage, Target, TokenCount

__all__ = [
    "DEFAULT_TOKEN_BUDGET",
    "REPLY_PRIMING_TOKENS",
    "TOKENS_PER_MESSAGE",
    "TOKENS_PER_NAME",
    "count_all",
    "count_tokens",
]

DEFAULT_TOKEN_BUDGET: dict[Target, int] = {
    "claude": 6000,
    "gpt": 6000,
    "gemini": 6000,
    "small": 1000,
    "generic": 4000,
}
"""Soft budget for a system prompt per target; the EFF-01 lint rule warns above it."""

TOKENS_PER_MESSAGE = 3
TOKENS_PER_NAME = 1
REPLY_PRIMING_TOKENS = 3

CLAUDE_FACTOR = 1.1
"""Claude estimate = ceil(o200k_base count x CLAUDE_FACTOR)."""

_O200K_SHA256 = "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"
# Copied from tiktoken_ext/openai_public.py (tiktoken 0.14) so that tiktoken's own loader, which
# would download the file, is never involved.
_O200K_PAT_STR = "|".join(
    [
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""\p{N}{1,3}""",
        r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
        r"""\s*[\r\n]+""",
        r"""\s+(?!\S)""",
        r"""\s+""",
    ]
)
_O200K_SPECIAL = {"<|endoftext|>": 199999, "<|endofprompt|>": 200018}

_lock = threading.Lock()
_encoding: Any = None
_load_attempted = False
_counter: CompactO200k | None = None
_counter_attempted = False

CACHE_MIN_CHARS = 2_000
"""Shorter texts encode in a few microseconds: caching them would only cost memory."""
CACHE_MAX_CHARS = 200_000
CACHE_ENTRIES = 16


class _CountCache:
    """o200k counts of the last few long texts, keyed by the text (so a hit is exact, never a hash guess).

    At most CACHE_ENTRIES texts of at most CACHE_MAX_CHARS characters are held, the oldest dropped first.
    """

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def get(self, text: str) -> int | None:
        return self._counts.get(text)

    def put(self, text: str, count: int) -> None:
        if len(text) > CACHE_MAX_CHARS:
            return
        with self._lock:
            if len(self._counts) >= CACHE_ENTRIES:
                del self._counts[next(iter(self._counts))]
            self._counts[text] = count

    def clear(self) -> None:
        with self._lock:
            self._counts.clear()


_count_cache = _CountCache()


# --- Compact exact counter -------------------------------------------------------------------------------------
RANK_NONE = 1 << 31
"""Rank of a byte string that is not a token (above every real rank, as tiktoken's Rank::MAX)."""
PIECE_CACHE_ENTRIES = 16_384
FEW_NON_ASCII = 256
"""Up to this many non-ASCII characters, pieces are mended one by one instead of all sliced from the text."""

# The pre-tokenizer is `_O200K_PAT_STR` for CPython's `re`, which has no \p{..} classes: every non-ASCII
# character is first replaced by a stand-in of the same classes in that pattern (Lu/Lt, Ll, Lm/Lo, marks,
# numbers, white space, other), so small classes suffice and the match offsets stay those of the text.
# "ſ" stays itself: it is the one non-ASCII letter that (?i) equates with "s" in the contractions.
_STAND_INS = {"Lu": "À", "Lt": "À", "Ll": "à", "Lm": "ª", "Lo": "ª", "Mn": "\u0300", "Mc": "\u0300", "Me": "\u0300"}
_STAND_INS |= {"Nd": "²", "Nl": "²", "No": "²"}
_UNICODE_SPACES = frozenset("\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))
_LETTER, _NUMBER, _SPACE = "A-Za-zÀàªſ", "0-9²", "\t\n\x0b\x0c\r \xa0"
_UPPERISH, _LOWERISH = "A-ZÀª\u0300", "a-zàªſ\u0300"
_CONTRACTION = "(?i:'s|'t|'re|'ve|'m|'ll|'d)?"
_PIECE_RE = re.compile(
    "|".join(
        [
            f"[^\\r\\n{_LETTER}{_NUMBER}]?[{_UPPERISH}]*[{_LOWERISH}]+{_CONTRACTION}",
            f"[^\\r\\n{_LETTER}{_NUMBER}]?[{_UPPERISH}]+[{_LOWERISH}]*{_CONTRACTION}",
            f"[{_NUMBER}]{{1,3}}",
            f" ?[^{_SPACE}{_LETTER}{_NUMBER}]+[\\r\\n/]*",
            f"[{_SPACE}]*[\\r\\n]+",
            f"[{_SPACE}]+(?![^{_SPACE}])",
            f"[{_SPACE}]+",
        ]
    )
)
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_BLOCK_BREAK_RE = re.compile(r"\n(?=[A-Za-z])")
STAND_IN_ENTRIES = 8_192
SEGMENT_MIN_CHARS = 1_000
"""Shorter texts are counted whole (see `CompactO200k.count`)."""
SEGMENT_CACHE_CHARS = 1_000_000
"""The block cache is emptied when its texts would exceed this many characters (1-4 MB)."""


class _Unassigned(Exception):
    """A character this Python's Unicode tables do not know: its classes in tiktoken's tables are unknown."""


def _stand_in(ch: str) -> str:
    if ch == "ſ":
        return ch
    if ch in _UNICODE_SPACES:
        return "\xa0"
    category = unicodedata.category(ch)
    if category == "Cn":
        raise _Unassigned(ch)
    return _STAND_INS.get(category, "¡")


class CompactO200k:
    """Exact o200k_base token counts (tiktoken's `encode_ordinary` length) from a compact copy of the ranks.

    The tokens sit in one bytes blob in rank order, found through an open-addressing table of ranks keyed
    by `hash()` (rebuilt per process, as hashes are salted): about 5 MB, where tiktoken keeps three copies of
    the vocabulary in hash maps (41 MB). Pieces that are tokens count 1 (tiktoken's shortcut), others go
    through tiktoken's byte-pair merge, ported as is. Piece counts are cached, so repeated words cost a dict
    lookup. `tests/unit/engine/test_tokens.py` compares the counts with tiktoken's.
    """

    def __init__(self, raw: bytes) -> None:
        # The file lists the tokens in rank order 0..n-1 (it is checked against its published hash).
        tokens = [base64.b64decode(line.split()[0]) for line in raw.splitlines() if line]
        self._blob = b"".join(tokens)
        self._offsets = array("I", accumulate(map(len, tokens), initial=0))
        size = 1 << (2 * len(tokens)).bit_length()  # load factor under 1/2: short probes
        slots = array("i", [-1]) * size
        mask = size - 1
        for rank, h in enumerate(map(hash, tokens)):
            i = h & mask
            while slots[i] >= 0:
                i = (i + 1) & mask
            slots[i] = rank
        self._slots, self._mask = slots, mask
        self._pieces: dict[str, int] = {}
        self._segments: dict[str, int] = {}
        self._segment_chars = 0
        self._stand_ins: dict[int, str] = {}

    def rank(self, data: bytes) -> int:
        """The token rank of `data`, or RANK_NONE."""
        slots, mask, blob, offsets = self._slots, self._mask, self._blob, self._offsets
        size = len(data)
        i = hash(data) & mask
        while (rank := slots[i]) >= 0:
            start = offsets[rank]
            if offsets[rank + 1] - start == size and blob[start : start + size] == data:
                return rank
            i = (i + 1) & mask
        return RANK_NONE

    def _merged_len(self, piece: bytes) -> int:
        """Number of tokens tiktoken's `_byte_pair_merge` leaves (lowest rank first, leftmost on ties)."""
        rank = self.rank
        starts = list(range(len(piece) + 1))
        ranks = [rank(piece[i : i + 2]) for i in range(len(piece) - 1)] + [RANK_NONE, RANK_NONE]
        while (low := min(ranks)) != RANK_NONE:
            i = ranks.index(low)
            if i > 0:
                ranks[i - 1] = rank(piece[starts[i - 1] : starts[i + 2]]) if i + 2 < len(starts) else RANK_NONE
            ranks[i] = rank(piece[starts[i] : starts[i + 3]]) if i + 3 < len(starts) else RANK_NONE
            del starts[i + 1], ranks[i + 1]
        return len(starts) - 1

    def _piece_len(self, piece: str) -> int:
        data = piece.encode()
        if len(data) == 1 or self.rank(data) != RANK_NONE:
            return 1
        return self._merged_len(data)

    def _stand_in(self, ch: str) -> str:
        table = self._stand_ins
        if len(table) >= STAND_IN_ENTRIES:
            table.clear()  # a text of every script would otherwise keep a table of them all
        stand_in = table[ord(ch)] = _stand_in(ch)
        return stand_in

    def _replace(self, m: re.Match[str]) -> str:
        ch = m.group()
        return self._stand_ins.get(ord(ch)) or self._stand_in(ch)

    def pieces(self, text: str) -> list[str]:
        """The text cut as tiktoken's o200k pattern cuts it (the matches tile the text)."""
        if text.isascii():
            return _PIECE_RE.findall(text)
        few = len(text.encode()) - len(text) <= FEW_NON_ASCII  # extra UTF-8 bytes >= non-ASCII characters
        if few:
            mapped = _NON_ASCII_RE.sub(self._replace, text)
        else:
            table = {cp: self._stand_ins.get(cp) or self._stand_in(chr(cp)) for cp in map(ord, set(text)) if cp > 0x7F}
            mapped = text.translate(table)
        found = _PIECE_RE.findall(mapped)
        ends = list(accumulate(map(len, found)))
        if few:  # only the pieces holding a stand-in differ from the text's
            for m in _NON_ASCII_RE.finditer(text):
                i = bisect_right(ends, m.start())
                found[i] = text[ends[i - 1] if i else 0 : ends[i]]
            return found
        return list(map(text.__getitem__, map(slice, [0, *ends[:-1]], ends)))

    def count(self, text: str) -> int:
        """`len(tiktoken o200k_base encode_ordinary(text))`: special-token strings count as plain text."""
        try:
            text.encode()
        except UnicodeEncodeError:  # lone surrogates: replaced as tiktoken's Encoding replaces them
            text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        if len(text) < SEGMENT_MIN_CHARS:
            return self._count_segment(text)
        # No piece spans a line break followed by an ASCII letter: a letter piece cannot hold a line break,
        # and space or symbol pieces end at the break. Counts of such blocks add up, and are cached, so a new
        # version of a long prompt only counts the blocks it changed.
        blocks = _BLOCK_BREAK_RE.split(text)
        cache = self._segments
        total = 0
        for i, block in enumerate(blocks):
            if i < len(blocks) - 1:
                block += "\n"
            n = cache.get(block)
            if n is None:
                n = self._count_segment(block)
                if self._segment_chars + len(block) > SEGMENT_CACHE_CHARS:
                    cache.clear()
                    self._segment_chars = 0
                cache[block] = n
                self._segment_chars += len(block)
            total += n
        return total

    def _count_segment(self, text: str) -> int:
        try:
            pieces = self.pieces(text)
        except _Unassigned:
            encoding = get_o200k()
            if encoding is not None:
                return len(encoding.encode_ordinary(text))
            # Without tiktoken (not installed), unknown characters count as symbols: close, not guaranteed.
            pieces = self.pieces("".join(ch if unicodedata.category(ch) != "Cn" else "\ufffd" for ch in text))
        cache = self._pieces
        counts = list(map(cache.get, pieces))
        if None not in counts:
            return sum(counts)  # type: ignore[arg-type]  # no None left
        total = 0
        for piece in pieces:
            n = cache.get(piece)
            if n is None:
                n = self._piece_len(piece)
                if len(cache) >= PIECE_CACHE_ENTRIES:
                    cache.clear()
                cache[piece] = n
            total += n
        return total


def _bundled_o200k_path() -> Path | None:
    # find_spec locates the package without importing it, so its large native extension is never loaded.
    spec = importlib.util.find_spec("bpe_openai")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / "o200k_base.tiktoken.gz"
    return path if path.is_file() else None


def _verified_o200k() -> bytes | None:
    """The bundled o200k_base BPE file, decompressed, or None when it is missing or not the published file."""
    path = _bundled_o200k_path()
    if path is None:
        return None
    raw = gzip.decompress(path.read_bytes())
    return raw if hashlib.sha256(raw).hexdigest() == _O200K_SHA256 else None


def _load_o200k() -> Any:
    raw = _verified_o200k()
    if raw is None:
        return None
    ranks = {base64.b64decode(token): int(rank) for token, rank in (line.split() for line in raw.splitlines() if line)}
    import tiktoken  # deferred: only needed once the file is known to be present

    encoding = tiktoken.Encoding(
        "o200k_base", pat_str=_O200K_PAT_STR, mergeable_ranks=ranks, special_tokens=dict(_O200K_SPECIAL)
    )
    # The Rust core keeps its own copy of the ranks; the Python dict (about 200 000 bytes keys) is only used by
    # tiktoken's vocabulary introspection, which we never call. Dropping it saves tens of MB per worker.
    encoding._mergeable_ranks = {}
    del ranks, raw
    _return_freed_heap()
    return encoding


def _load_counter() -> CompactO200k | None:
    raw = _verified_o200k()
    if raw is None:
        return None
    counter = CompactO200k(raw)
    del raw
    _return_freed_heap()
    return counter


def _return_freed_heap() -> None:
    """Give the heap freed by the load (the decompressed file and the ranks dict: about 18 MB) back to the OS.

    glibc keeps freed memory mapped by default, so a worker's resident size stayed at its peak during the load.
    A no-op where there is no glibc `malloc_trim` (musl, macOS).
    """
    import contextlib
    import ctypes
    import gc

    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def get_counter() -> CompactO200k | None:
    """Return the cached `CompactO200k` counter, or None when the bundled file is unavailable."""
    global _counter, _counter_attempted
    if _counter_attempted:
        return _counter
    with _lock:
        if not _counter_attempted:
            try:
                _counter = _load_counter()
            except (OSError, ValueError):
                _counter = None
            _counter_attempted = True
    return _counter


def get_o200k() -> Any:
    """Return the cached o200k_base ``tiktoken.Encoding``, or None when the bundled file is unavailable.

    The counts use `get_counter`; this full encoding (41 MB) is loaded only for texts the counter leaves to it.
    """
    global _encoding, _load_attempted
    if _load_attempted:
        return _encoding
    with _lock:
        if not _load_attempted:
            try:
                _encoding = _load_o200k()
            except (OSError, ValueError, ImportError):
                _encoding = None
            _load_attempted = True
    return _encoding


def _o200k_len(counter: CompactO200k, text: str) -> int:
    if len(text) < CACHE_MIN_CHARS:
        return counter.count(text) if text else 0
    count = _count_cache.get(text)
    if count is None:
        count = counter.count(text)
        _count_cache.put(text, count)
    return count


def _segments(prompt: str | Sequence[ChatMessage]) -> tuple[list[str], int]:
    """Split a prompt into countable text pieces and the fixed chat overhead in tokens."""
    if isinstance(prompt, str):
        return [prompt], 0
    pieces: list[str] = []
    overhead = REPLY_PRIMING_TOKENS
    for message in prompt:
        if message.role == "placeholder":
            continue
        overhead += TOKENS_PER_MESSAGE
        pieces.extend((message.role, message.content))
        if message.name:
            pieces.append(message.name)
            overhead += TOKENS_PER_NAME
    return pieces, overhead


def _count_for(target: Target, o200k: int | None, chars: int, overhead: int) -> TokenCount:
    """Turn the o200k count (None when the encoding is unavailable) into the target's documented count."""
    if o200k is None:
        if target == "claude":
            return TokenCount(
                target=target, count=math.ceil(chars / 3.5) + overhead, method="estimate", tokenizer="chars/3.5"
            )
        return TokenCount(target=target, count=math.ceil(chars / 4) + overhead, method="estimate", tokenizer="chars/4")
    if target == "gpt":
        return TokenCount(target=target, count=o200k + overhead, method="exact", tokenizer="o200k_base")
    if target == "claude":
        count = math.ceil(o200k * CLAUDE_FACTOR) + overhead
        return TokenCount(target=target, count=count, method="estimate", tokenizer="o200k_base x1.1")
    return TokenCount(target=target, count=o200k + overhead, method="estimate", tokenizer="o200k_base (proxy)")


def _counts(prompt: str | Sequence[ChatMessage], targets: Sequence[Target]) -> list[TokenCount]:
    pieces, overhead = _segments(prompt)
    counter = get_counter()
    o200k = sum(_o200k_len(counter, piece) for piece in pieces) if counter is not None else None
    chars = sum(len(piece) for piece in pieces)
    return [_count_for(target, o200k, chars, overhead) for target in targets]


def count_tokens(prompt: str | Sequence[ChatMessage], target: Target) -> TokenCount:
    """Count the tokens of a text or chat prompt for one target.

    Args:
        prompt: Prompt text, or chat messages (per-message overhead and reply priming are added).
        target: Model family.

    Returns:
        The count with its method (exact or estimate) and tokenizer id.
    """
    return _counts(prompt, (target,))[0]


def count_all(prompt: str | Sequence[ChatMessage], targets: Sequence[Target] = TARGETS) -> list[TokenCount]:
    """Count the tokens of a prompt for several targets, encoding the text only once.

    Args:
        prompt: Prompt text or chat messages.
        targets: Targets to count for, in the order wanted.

    Returns:
        One TokenCount per target, same order.
    """
    return _counts(prompt, targets)
