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
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.engine.o200k import CompactO200k
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
    counter = CompactO200k(raw, fallback=get_o200k)
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
