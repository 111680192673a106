"""An exact o200k_base token counter that does not hold tiktoken's vocabulary in memory.

It reproduces tiktoken's byte-pair merge over one bytes blob and an array-based hash table of ranks (about 4 MB
against tiktoken's 41 MB), with stdlib `re` pre-tokenisation. Characters Python's Unicode tables do not know raise
`_Unassigned`, and the caller counts that text with tiktoken itself.
"""

from __future__ import annotations

import base64
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import Any

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

    def __init__(self, raw: bytes, fallback: Callable[[], Any] = lambda: None) -> None:
        self._fallback = fallback  # tiktoken's encoding, loaded only for characters this counter does not know
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
            encoding = self._fallback()
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
