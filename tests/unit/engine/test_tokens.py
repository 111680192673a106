"""Token counting: exact o200k for gpt from the bundled file, documented estimates elsewhere, no network."""

from __future__ import annotations

import gzip
import math
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.engine import o200k, tokens
from app.engine.tokens import DEFAULT_TOKEN_BUDGET, count_all, count_tokens
from app.engine.types import TARGETS, ChatMessage, TokenCount

FIXED = "Promptsmith lints system prompts: {{document}} stays in <document> tags."
FIXED_O200K = 17  # computed once with o200k_base, cross-checked against bpe-openai's own encoder below


@pytest.fixture
def fresh_encoding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the cached encoding so the test sees a real (re)load; restored afterwards."""
    monkeypatch.setattr(tokens, "_encoding", None)
    monkeypatch.setattr(tokens, "_load_attempted", False)
    monkeypatch.setattr(tokens, "_counter", None)
    monkeypatch.setattr(tokens, "_counter_attempted", False)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    cache = tmp_path / "tiktoken-cache"
    cache.mkdir()
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(cache))

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return cache


def test_hello_world_is_two_o200k_tokens() -> None:
    assert count_tokens("hello world", "gpt") == TokenCount(
        target="gpt", count=2, method="exact", tokenizer="o200k_base"
    )


def test_gpt_count_is_exact_for_a_fixed_string() -> None:
    assert count_tokens(FIXED, "gpt") == TokenCount(
        target="gpt", count=FIXED_O200K, method="exact", tokenizer="o200k_base"
    )


@pytest.fixture(scope="module")
def reference_o200k() -> Any:
    import warnings

    import bpe_openai  # type: ignore[import-untyped]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # bpe-openai uses importlib.resources.open_binary
        return bpe_openai.get_encoding("o200k_base")


@pytest.mark.parametrize(
    "text",
    [
        FIXED,
        "hello world",
        "Grüße aus München — 東京 😀",
        "def f(x):\n    return x ** 2  # square\n",
        " \n\n  trailing  ",
    ],
)
@pytest.mark.filterwarnings("ignore:open_binary is deprecated:DeprecationWarning")
def test_gpt_count_matches_an_independent_o200k_implementation(text: str, reference_o200k: Any) -> None:
    assert count_tokens(text, "gpt").count == len(reference_o200k.encode(text))


def test_claude_gemini_small_generic_are_estimates() -> None:
    counts = {c.target: c for c in count_all(FIXED)}
    assert counts["claude"] == TokenCount(
        target="claude", count=math.ceil(FIXED_O200K * 1.1), method="estimate", tokenizer="o200k_base x1.1"
    )
    for target in ("gemini", "small", "generic"):
        assert counts[target] == TokenCount(
            target=target, count=FIXED_O200K, method="estimate", tokenizer="o200k_base (proxy)"
        )


def test_count_all_follows_requested_order() -> None:
    assert [c.target for c in count_all(FIXED)] == list(TARGETS)
    assert [c.target for c in count_all(FIXED, ["small", "gpt"])] == ["small", "gpt"]


def test_chat_adds_per_message_overhead_and_reply_priming() -> None:
    messages = [
        ChatMessage(role="system", content="You are a tutor."),  # 5 tokens + "system" 1
        ChatMessage(role="user", content="Hi", name="ann"),  # 1 + "user" 1 + "ann" 1 + name overhead 1
        ChatMessage(role="placeholder", name="history"),  # runtime history: not counted
    ]
    expected = (
        (5 + 1) + (1 + 1 + 1) + 2 * tokens.TOKENS_PER_MESSAGE + tokens.TOKENS_PER_NAME + tokens.REPLY_PRIMING_TOKENS
    )
    assert expected == 19
    assert count_tokens(messages, "gpt") == TokenCount(target="gpt", count=19, method="exact", tokenizer="o200k_base")
    assert count_tokens(messages, "claude").count == math.ceil(9 * 1.1) + 10
    assert count_tokens([], "gpt").count == tokens.REPLY_PRIMING_TOKENS


def test_empty_text_and_special_token_strings() -> None:
    assert count_tokens("", "gpt").count == 0
    # Special-token text typed into a prompt is ordinary text, never a control token or an exception.
    assert count_tokens("<|endoftext|>", "gpt").count == 7


def test_loading_uses_no_network_and_writes_no_cache(fresh_encoding: None, no_network: Path) -> None:
    assert count_tokens(FIXED, "gpt").method == "exact"
    assert count_tokens(FIXED, "gpt").count == FIXED_O200K
    assert list(no_network.iterdir()) == []


def test_missing_bundled_file_falls_back_to_documented_estimates(
    fresh_encoding: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tokens, "_bundled_o200k_path", lambda: None)
    counts = {c.target: c for c in count_all(FIXED)}
    assert counts["gpt"] == TokenCount(
        target="gpt", count=math.ceil(len(FIXED) / 4), method="estimate", tokenizer="chars/4"
    )
    assert counts["claude"] == TokenCount(
        target="claude", count=math.ceil(len(FIXED) / 3.5), method="estimate", tokenizer="chars/3.5"
    )


def test_corrupt_bundled_file_is_rejected(
    fresh_encoding: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bogus = tmp_path / "o200k_base.tiktoken.gz"
    bogus.write_bytes(gzip.compress(b"aGVsbG8= 0\n"))
    monkeypatch.setattr(tokens, "_bundled_o200k_path", lambda: bogus)
    assert count_tokens(FIXED, "gpt").method == "estimate"


@pytest.mark.parametrize("load", [tokens.get_o200k, tokens.get_counter], ids=["tiktoken", "compact"])
def test_loaded_once_across_threads(fresh_encoding: None, load: Callable[[], object]) -> None:
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(load())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 4
    assert seen[0] is not None
    assert all(s is seen[0] for s in seen)


def test_default_budget_covers_every_target() -> None:
    assert set(DEFAULT_TOKEN_BUDGET) == set(TARGETS)
    assert DEFAULT_TOKEN_BUDGET["small"] < DEFAULT_TOKEN_BUDGET["gpt"]


LONG = "Answer the customer's question in two sentences; cite the policy section. " * 60


def test_long_text_counts_are_cached_and_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "_count_cache", tokens._CountCache())
    encoding = tokens.get_o200k()
    assert len(LONG) >= tokens.CACHE_MIN_CHARS
    expected = len(encoding.encode_ordinary(LONG))
    assert count_tokens(LONG, "gpt").count == expected
    assert tokens._count_cache.get(LONG) == expected
    assert count_tokens(LONG, "gpt").count == expected  # served from the cache
    changed = LONG[:-2] + "!!"  # same length, different text: counted afresh, never a stale hit
    assert count_tokens(changed, "gpt").count == len(encoding.encode_ordinary(changed))


def test_chat_pieces_share_the_cache_with_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "_count_cache", tokens._CountCache())
    plain = count_tokens(LONG, "gpt").count
    chat = count_tokens([ChatMessage(role="system", content=LONG)], "gpt").count
    overhead = tokens.REPLY_PRIMING_TOKENS + tokens.TOKENS_PER_MESSAGE + 1  # "system" is one token
    assert chat == plain + overhead


def test_count_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tokens._CountCache()
    monkeypatch.setattr(tokens, "_count_cache", cache)
    texts = [f"{i} {LONG}" for i in range(tokens.CACHE_ENTRIES + 3)]
    for text in texts:
        count_tokens(text, "gpt")
    assert len(cache._counts) == tokens.CACHE_ENTRIES
    assert cache.get(texts[0]) is None
    assert cache.get(texts[-1]) == len(tokens.get_o200k().encode_ordinary(texts[-1]))
    huge = "word " * (tokens.CACHE_MAX_CHARS // 5 + 1)
    count_tokens(huge, "gpt")
    assert cache.get(huge) is None


# --- The compact counter against tiktoken's own encoder --------------------------------------------------------


@pytest.fixture(scope="module")
def tiktoken_o200k() -> Any:
    """tiktoken's o200k_base Encoding built from the same verified file: the reference for `CompactO200k`."""
    encoding = tokens._load_o200k()
    assert encoding is not None
    return encoding


MIXED_TEXTS = [
    "",
    "hello world",
    "Don't STOP, we'RE here; they'LL see. I'M sure it's 'quoted' — isn’t it?",
    "Grüße aus München — 東京 😀 naïve café ſ'S 'ſ",
    "def f(x):\n    return x ** 2  # square\n\n\n\t  \r\n  ",
    "1234567 12.5% 0x1F $3,000.00 ٣٤٥ ½ Ⅻ",
    "<|endoftext|> <|endofprompt|> are plain text here",
    "----------======*****////\n\n\n" + "!" * 300,
    "日本語の文章は空白なしで続きます。これは長い一片になります。" * 4,
    "👩‍👩‍👧‍👦🏳️‍🌈 é e\u0301 \u0915\u094d\u0937 \U0001f600\U0001f601",
    "Привет, мир! Καλημέρα κόσμε! مرحبا بالعالم שלום עולם",
    "a\x1cb\x1dc\x85d\xa0e\u2028f\u3000g\u200bh",
    "lone \ud800 surrogate \udfff here",
    "x" * 5000 + " " + "ab" * 3000,
]


@pytest.mark.parametrize("text", MIXED_TEXTS)
def test_compact_counter_equals_tiktoken(text: str, tiktoken_o200k: Any) -> None:
    counter = tokens.get_counter()
    assert counter is not None
    assert counter.count(text) == len(tiktoken_o200k.encode_ordinary(text))
    assert counter.count(text) == len(tiktoken_o200k.encode_ordinary(text))  # again, from the piece cache


def test_compact_pieces_are_tiktokens_pieces(tiktoken_o200k: Any) -> None:
    import regex  # tiktoken's own dependency; it reads the \p{..} pattern as tiktoken's Rust regex does

    counter = tokens.get_counter()
    assert counter is not None
    pattern = regex.compile(tokens._O200K_PAT_STR)
    for text in MIXED_TEXTS[:-2]:
        assert counter.pieces(text) == pattern.findall(text)


def test_compact_counter_equals_tiktoken_across_unicode(tiktoken_o200k: Any) -> None:
    """Every 61st assigned code point (about 4,600, all planes) in the contexts the pattern distinguishes.
    The full sweep over all 282,102 assigned non-ASCII code points found no difference (see the commit)."""
    import unicodedata

    counter = tokens.get_counter()
    assert counter is not None
    code_points = [
        cp for cp in range(0x80, 0x110000, 61) if not 0xD800 <= cp <= 0xDFFF and unicodedata.category(chr(cp)) != "Cn"
    ]
    assert len(code_points) > 4000
    for i in range(0, len(code_points), 200):
        text = "".join(f"a{c}b {c}{c}1 A{c}'s {c}'T\n{c} {c}\t" for c in map(chr, code_points[i : i + 200]))
        assert counter.count(text) == len(tiktoken_o200k.encode_ordinary(text)), code_points[i : i + 200]


def test_unassigned_characters_are_counted_by_tiktoken(fresh_encoding: None) -> None:
    import unicodedata

    unassigned = next(chr(cp) for cp in range(0x0378, 0x10000) if unicodedata.category(chr(cp)) == "Cn")
    assert tokens._encoding is None
    count = count_tokens(f"a{unassigned}b", "gpt").count
    assert tokens._encoding is not None  # the full encoding was loaded for this text
    assert count == len(tokens._encoding.encode_ordinary(f"a{unassigned}b"))


def test_counting_does_not_load_tiktoken(fresh_encoding: None) -> None:
    for text in MIXED_TEXTS[:-2]:
        count_tokens(text, "gpt")
    assert tokens._counter is not None
    assert tokens._encoding is None
    assert not tokens._load_attempted


def test_merge_path_on_words_that_are_not_tokens(tiktoken_o200k: Any) -> None:
    import random

    counter = tokens.get_counter()
    assert counter is not None
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyzäöüßéèçñ日本語한국어"
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(2, 30))) for _ in range(300)]
    assert sum(counter.rank(w.encode()) == o200k.RANK_NONE for w in words) > 200  # mostly multi-token words
    for word in words:
        assert counter.count(word) == len(tiktoken_o200k.encode_ordinary(word)), word


def test_block_counts_add_up_to_tiktokens_count(tiktoken_o200k: Any) -> None:
    """Long texts are counted per block (cut at a line break before an ASCII letter): same totals, including
    line breaks after spaces, symbols, slashes and carriage returns, and blocks served from the cache."""
    import random

    counter = tokens.get_counter()
    assert counter is not None
    rng = random.Random(11)
    fragments = [
        "Word",
        "word's",
        " x",
        "  ",
        "\t",
        ".",
        "...",
        "/",
        "//",
        "\r",
        "\n",
        "\n\n",
        "12345",
        "é",
        "東京",
        "😀",
    ]
    fragments += ["- item", "# Heading", "'s", "'LL", "<tag>", "{{var}}", " \n", "\u00a0", "\u2028", "ſ"]
    texts = ["".join(rng.choice(fragments) for _ in range(rng.randint(700, 1500))) for _ in range(40)]
    assert all(len(t) >= o200k.SEGMENT_MIN_CHARS for t in texts)
    assert sum(len(o200k._BLOCK_BREAK_RE.split(t)) for t in texts) > 40 * 5  # several blocks per text
    for text in texts:
        assert counter.count(text) == len(tiktoken_o200k.encode_ordinary(text))
        edited = text[: len(text) // 2] + "\nNew line in the middle.\n" + text[len(text) // 2 :]
        assert counter.count(edited) == len(tiktoken_o200k.encode_ordinary(edited))  # mostly cached blocks


def test_stand_in_table_stays_bounded(tiktoken_o200k: Any) -> None:
    import unicodedata

    counter = tokens.get_counter()
    assert counter is not None
    assigned = [chr(cp) for cp in range(0x4E00, 0x9FFF) if unicodedata.category(chr(cp)) != "Cn"]
    text = "".join(assigned[: o200k.STAND_IN_ENTRIES + 500])
    chunks = [text[i : i + 600] + " x" for i in range(0, len(text), 600)]
    for chunk in chunks:
        assert counter.count(chunk) == len(tiktoken_o200k.encode_ordinary(chunk))
    assert len(counter._stand_ins) <= o200k.STAND_IN_ENTRIES
