"""`prefiltered` patterns find exactly what their originals find, only sooner."""

from __future__ import annotations

import random
import re

import pytest

from app.engine.archetypes import REGISTRY
from app.engine.constraints.formats import _CJK_FEATURES, FEATURES
from app.engine.fastre import Twins, is_plain, prefiltered

# Pieces of patterns like the engine's: words, boundaries, optional and repeated parts, classes, lookarounds, CJK.
# Repeats are bounded: nested unbounded ones would backtrack for minutes on some random texts.
_PIECES = (
    "a", "b", "ab", "no", "k", "s", "i", "é", "ß", "語", "-", r"\.", " ", r"\s", r"\s{1,2}", r"\d", r"\w", r"\w{0,2}",
    r"[a-c]", r"[xé]", r"[\d.]", r"\b", r"(?<!a)", r"(?<=\s)", r"(?!b)", r"(?=a)", "^", "$",
)  # fmt: skip
_TEXT_CHARS = "aAbBkKsSiIéÉßẞ語 -.\n1_ſKİı:"
_FLAGS = (0, re.IGNORECASE, re.IGNORECASE | re.ASCII, re.MULTILINE)


def _random_pattern(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if roll < 0.15 and depth < 3:
            alternatives = "|".join(_random_pattern(rng, depth + 1) for _ in range(rng.randint(1, 3)))
            parts.append(f"(?:{alternatives})" + rng.choice(("", "?", "{0,2}", "{1,2}", "??")))
        elif roll < 0.22 and depth < 3:
            parts.append(f"({_random_pattern(rng, depth + 1)})")
        else:
            parts.append(rng.choice(_PIECES))
    return "".join(parts)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_random_patterns_find_the_same_matches_as_their_originals() -> None:
    rng = random.Random(9)
    texts = ["".join(rng.choice(_TEXT_CHARS) for _ in range(rng.randint(0, 24))) for _ in range(60)]
    rewritten = 0
    for _ in range(1500):
        source = "|".join(_random_pattern(rng) for _ in range(rng.randint(1, 3)))
        flags = rng.choice(_FLAGS)
        try:
            original = re.compile(source, flags)
        except re.error:
            continue
        fast = prefiltered(original)
        rewritten += fast is not original
        assert fast.flags == original.flags
        assert fast.groupindex == original.groupindex
        for text in texts:
            assert _matches(fast, text) == _matches(original, text), (source, flags, text)
            for start in (1, 3):
                found, expected = fast.match(text, start), original.match(text, start)
                assert (found and found.span()) == (expected and expected.span()), (source, flags, text, start)
    assert rewritten > 300  # the comparison is about rewritten patterns, not ones left as they were


@pytest.mark.parametrize("flags", [re.IGNORECASE, re.IGNORECASE | re.ASCII, 0])
def test_a_character_in_the_lookahead_class_matches_what_the_same_literal_matches(flags: int) -> None:
    """The lookahead puts a pattern's first letters in a class: under case folding (the Kelvin sign, the long s, the
    dotted I) a class must accept every character the letter itself accepts."""
    every_char = "".join(map(chr, range(0x20, 0x3000)))
    for letter in "abcdefghijklmnopqrstuvwxyzABKSIéÉßſK語":
        alone = re.compile(re.escape(letter), flags).findall(every_char)
        in_class = re.compile(f"[{letter}]", flags).findall(every_char)
        assert alone == in_class, letter


def test_a_phrase_list_gets_a_lookahead_of_its_first_letters() -> None:
    pattern = re.compile(r"\bformal\w*|\bregister\b|\b(?:trato|tú)\s+de|敬語", re.IGNORECASE)
    fast = prefiltered(pattern)
    assert fast.pattern == r"(?=\b[frt]|[敬])(?:" + pattern.pattern + ")"
    text = "Use the FORMAL register, trato de usted, 敬語."
    expected = [((8, 14), ()), ((15, 23), ()), ((25, 33), ()), ((41, 43), ())]
    assert _matches(fast, text) == _matches(pattern, text) == expected


@pytest.mark.parametrize(
    "source",
    [
        r"(a)?\1b",  # a back-reference where a match can start
        r".b",  # any character
        r"[^a]b",  # a negated class
        r"\Sb",  # a negated category
        r"a?",  # can match the empty string
        r"(?:a|)",  # so can an alternation with an empty branch
        r"(?i:a)b",  # a scoped flag
        r"(?i)ab",  # a leading global flag must stay first
        r"(?!)",  # nothing but an assertion
    ],
)
def test_what_is_not_read_stays_as_it_is(source: str) -> None:
    pattern = re.compile(source)
    assert prefiltered(pattern) is pattern


def test_verbose_patterns_stay_as_they_are() -> None:
    pattern = re.compile(r"a  b  # a comment", re.VERBOSE)
    assert prefiltered(pattern) is pattern


def _engine_texts() -> list[str]:
    from bench.eval.corpus import load_corpus

    items = load_corpus() + load_corpus(holdout=True) + load_corpus(fresh=True)
    return [item.brief.task for item in items] + ["Kein Markdown, keine LISTEN; no ﬁne-print Kelvin K; 箇条書き禁止."]


def test_the_engines_format_words_and_keyword_gates_find_what_they_found_before() -> None:
    """Two of the patterns the engine prefilters, rebuilt from their sources, on every brief of the eval corpus."""
    features = re.compile(
        "|".join(f"(?P<{name}>\\b(?:{pattern})\\b|{_CJK_FEATURES[name]})" for name, pattern in FEATURES), re.IGNORECASE
    )
    gates = [re.compile("|".join(f"(?:{f.pattern.pattern})" for f in a.features), re.I) for a in REGISTRY if a.features]
    texts = _engine_texts()
    rewritten = 0
    for original in [features, *gates]:
        fast = prefiltered(original)
        rewritten += fast is not original
        for text in texts:
            assert [(m.span(), m.lastgroup) for m in fast.finditer(text)] == [
                (m.span(), m.lastgroup) for m in original.finditer(text)
            ]
    assert rewritten > len(gates) // 2  # a gate with "^\\W*" (a negated category) stays as it is


def test_ascii_twins_find_the_same_matches_on_plain_texts() -> None:
    rng = random.Random(11)
    plain_chars = "aAbBkKsSiI -.\n1_:\t"
    texts = ["".join(rng.choice(plain_chars) for _ in range(rng.randint(0, 24))) for _ in range(60)]
    assert all(is_plain(text) for text in texts)
    twinned = 0
    for _ in range(1500):
        source = "|".join(_random_pattern(rng) for _ in range(rng.randint(1, 3)))
        try:
            original = re.compile(source, rng.choice((0, re.IGNORECASE)))
        except re.error:
            continue
        for pattern in (original, prefiltered(original)):
            twin = Twins(pattern).get(True)
            twinned += twin is not pattern
            for text in texts:
                assert _matches(twin, text) == _matches(pattern, text), (source, text)
    assert twinned > 1000


def test_texts_and_patterns_on_which_the_modes_could_differ_keep_unicode_mode() -> None:
    assert not is_plain("café")
    assert not is_plain("a\x1cb")
    assert is_plain("plain text, 12 words\n")
    # the Kelvin sign, the long s, the dotted and dotless i fold to ASCII letters under IGNORECASE; escapes may name
    # them, and a range may hold them
    unsafe = ("\u212a", "[\u017f]", "\u0130", "\u0131", "[À-ž]", r"\u00e9", r"\x41", r"(a)\1", r"\N{KELVIN SIGN}")
    for source in unsafe:
        pattern = re.compile(source, re.IGNORECASE)
        assert Twins(pattern).get(True) is pattern, source
    pattern = re.compile(r"\bcafé\b|\bk\w+", re.IGNORECASE)
    assert Twins(pattern).get(False) is pattern
    assert Twins(pattern).get(True).flags & re.ASCII
