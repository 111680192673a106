"""`needs` conditions skip only scans that find nothing: phrase lists match what their patterns match alone."""

from __future__ import annotations

import random
import re

import pytest

from app.engine.lint import _phrases
from app.engine.lint._needs import PAIR, START, WORD, needs
from app.engine.lint._phrases import Phrases, ascii_words

# Words that share starts and ends ("no", "not", "note", "piano"), so that a pattern's words occur inside others.
_WORDS = (
    "a", "an", "and", "no", "not", "note", "piano", "so", "on", "son", "x_1", "1", "é", "café", "user", "users",
    "answer", "answers", "reanswer",
)  # fmt: skip
_SEPARATORS = (" ", " ", " ", "-", "'", "’", ".", "\n", ", ", "é", "_", "")
# Pattern pieces after the leading word: words, boundaries, classes, optional and repeated parts, lookarounds.
_PIECES = (
    " ", "-", "'", r"\b", r"\s{1,2}", r"\s?", r"[ -]", r"[ -]?", r"\W", r"\w", r"[a-z]{1,4}", r"[^.\n]{0,6}?",
    "s?", r"\.?", r"(?= )", r"(?!s)", "$", r"\B", "e", "t", "s", "(?:t)?", "(?:e )?", "[-s]", "(?:er|no)",
)  # fmt: skip


def _random_sequence(rng: random.Random, depth: int) -> str:
    parts = []
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if roll < 0.2 and depth < 2:
            alternatives = "|".join(_random_sequence(rng, depth + 1) for _ in range(rng.randint(1, 3)))
            parts.append(f"(?:{alternatives})" + rng.choice(("", "?", "{1,2}")))
        elif roll < 0.55:
            parts.append(re.escape(rng.choice(_WORDS)))
        else:
            parts.append(rng.choice(_PIECES))
    return "".join(parts)


def _random_pattern(rng: random.Random) -> str:
    return re.escape(rng.choice(_WORDS)) + _random_sequence(rng, 0)


def _random_text(rng: random.Random) -> str:
    words = rng.sample(_WORDS, rng.randint(2, 8))  # a few of the words, so that conditions fail
    pieces: list[str] = []
    while sum(map(len, pieces)) < _phrases.SHORT_TEXT + 100:  # long enough for the word index
        pieces.append(rng.choice(words) + rng.choice(_SEPARATORS))
    return "".join(pieces)


def _reference(pattern: str, text: str, word_start: bool) -> list[tuple[int, int]]:
    """What the pattern alone finds and `Phrases` accepts (a word start), leftmost first, when its first word (the
    older, cheaper filter, kept as it is) occurs in the text."""
    first_word = _phrases._index_word(pattern) if word_start else b""
    if first_word and first_word not in ascii_words(text):
        return []
    spans = []
    for m in re.finditer(pattern, text):
        start = m.start()
        if word_start and start > 0 and _phrases.is_word_char(text[start]) and _phrases.is_word_char(text[start - 1]):
            continue
        spans.append(m.span())
    return spans


@pytest.mark.parametrize("seed", range(8))
def test_phrases_find_what_the_pattern_finds(seed: int) -> None:
    rng = random.Random(seed)
    skipped = 0
    for _ in range(250):
        pattern = _random_pattern(rng)
        word_start = rng.random() < 0.8
        phrases = Phrases(pattern, word_start=word_start)
        for _ in range(6):
            text = _random_text(rng)
            expected = _reference(pattern, text, word_start)
            assert [m.span() for m in phrases.finditer(text)] == expected, (pattern, text)
            assert phrases.contains(text) == bool(expected), (pattern, text)
            skipped += not phrases._live(text)
    assert skipped > 100  # the conditions do skip scans on these texts


def test_needs_reads_whole_words_and_word_starts() -> None:
    assert needs(r"and so on\b", 0, True) == (
        ((WORD, b"and"),),
        ((WORD, b"so"),),
        ((PAIR, b"and so"),),
        ((WORD, b"on"),),
        ((PAIR, b"so on"),),
    )
    # "answers?" may go on ("answers", "answering"): only a word start; an optional group keeps the word start.
    assert needs(r"keep (?:your )?answers?", 0, True) == (((WORD, b"keep"),), ((START, b"answer"),))
    # One of the alternatives: a clause with a leaf from each.
    assert needs(r"be (?:brief|concise)\b", 0, True) == (
        ((WORD, b"be"),),
        ((PAIR, b"be brief"), (PAIR, b"be concise")),
    )
    # Without a word start the first word may be the end of a longer one; a non-ASCII letter ends an ASCII word.
    assert needs(r"café au\b", 0, False) == (((WORD, b"au"),),)
    # After an optional part, or before one, a word may go on: "notebook", "nonote", "axnote".
    assert needs(r"note(?:s)?book\b", 0, True) == (((START, b"note"),),)
    assert needs(r"(?:no|so)[ -]?note\b", 0, True) == (((START, b"no"), (START, b"so")),)
    assert needs(r"a\w\Bnote\b", 0, True) == (((START, b"a"),),)
    # Words with anything between them are no pair.
    assert needs(r"so\b[^.\n]{0,6}?\bnote\b", 0, True) == (((WORD, b"so"),), ((WORD, b"note"),))
    # Unknown: case folding, and an alternative with no word.
    assert needs(r"never\b", re.IGNORECASE, True) == ()
    assert needs(r"(?:never|\d+)\b", 0, True) == ()


def test_a_pattern_whose_later_word_occurs_only_inside_longer_words_is_not_scanned() -> None:
    text = "always be kind. " * 30 + "answer briefly, and so on-wards."
    phrases = Phrases(r"and so on\b", r"be brief\b")
    assert b"be" in ascii_words(text)
    assert b"brief" not in ascii_words(text)
    assert phrases._live(text) == [phrases._patterns[0]]
    assert [m.group(0) for m in phrases.finditer(text)] == ["and so on"]
