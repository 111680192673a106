"""Memory per worker (issue #15): fewer copies of the same data, the same results."""

from __future__ import annotations

import re
import string

from app.engine.classifier import model as classifier_model
from app.engine.classifier.features import MAX_CHARS, gram_sets, ngram_groups
from app.engine.fastre import prefiltered
from app.engine.lint._needs import compile_needs, needs


def test_equal_needs_sets_are_one_object() -> None:
    first = compile_needs(needs(r"\bexhaustive(?:ly)?\b", 0, True))
    second = compile_needs(needs(r"\bthorough(?:ly)?\b", 0, True))
    third = compile_needs(needs(r"\bwhole list of\b", 0, True), b"whole")
    assert first.pairs == second.pairs == third.starts == frozenset()
    assert first.pairs is second.pairs is third.starts  # not one 216-byte empty set per pattern
    assert first.words is second.words
    assert third.words == {b"whole", b"list", b"of"}
    again = compile_needs(needs(r"\bwhole list of\b", 0, True), b"whole")
    assert again.words is third.words
    assert again.pairs is third.pairs


def test_a_prefiltered_pattern_does_not_keep_its_source_pattern_cached() -> None:
    source = r"\b(?:mem47 gate|another mem47 phrase)\b"
    for flags in (re.IGNORECASE, re.IGNORECASE | re.UNICODE):
        original = re.compile(source, flags)
        faster = prefiltered(original)
        assert faster is not original
        assert re.compile(source, flags) is not original  # compiled anew: the cache let it go
        text = "Another MEM47 phrase, then a mem47 gate."
        assert [m.span() for m in faster.finditer(text)] == [m.span() for m in original.finditer(text)]


def test_a_pattern_prefiltered_keeps_its_cache_entry_when_it_is_its_own_prefilter() -> None:
    source = r"(?:x)?"  # can match the empty string: returned as it is
    original = re.compile(source)
    assert prefiltered(original) is original
    assert re.compile(source) is original


def test_packed_sums_are_exact_for_the_most_features_a_brief_can_have() -> None:
    # Every distinct 2-5 character gram, word and bigram of a brief as long as the model reads, each with the
    # largest weights: the 30-bit fields must hold the sums (a field overflowing into the next would change them).
    alphabet = string.ascii_lowercase + string.digits
    words = [a + b for a in alphabet for b in alphabet][: MAX_CHARS // 3]
    text = " ".join(words)
    count = sum(map(len, ngram_groups(text)))
    assert count < 1 << (classifier_model._FIELD_BITS - 16)
    labels = [f"l{i}" for i in range(19)]
    for extreme in (classifier_model._OFFSET - 1, -(classifier_model._OFFSET - 1)):
        weights = [extreme if i % 2 else -extreme for i in range(len(labels))]
        packed = classifier_model._pack(weights)
        scorer = classifier_model.Scorer(labels, [0.0] * len(labels), 1.0, [{}, {}, {}], {})
        assert scorer._unpack([packed] * count) == [w * count for w in weights]
        assert scorer._unpack([packed] * 9_000) == [w * 9_000 for w in weights]


def test_gram_sets_cut_the_grams_of_ngram_groups_by_size() -> None:
    for text in ("Summarise   the\tticket, then reply.", "数据 提取 JSON 合同", "x", "  \n ", "naïve café über " * 200):
        grams, words, bigrams = ngram_groups(text)
        short, four, five, words_too, bigrams_too = gram_sets(text)
        assert short | four | five == grams
        assert len(short) + len(four) + len(five) == len(grams)
        for index, part in enumerate((short, four, five)):
            assert all(classifier_model.gram_table(gram) == index for gram in part)
        assert (words_too, bigrams_too) == (words, bigrams)


def test_the_model_keeps_each_gram_in_the_table_of_its_size() -> None:
    scorer = classifier_model.load_model()
    tables = scorer._grams
    assert len(tables) == classifier_model.GRAM_TABLES
    for index, table in enumerate(tables):
        assert table
        assert all(classifier_model.gram_table(gram) == index for gram in table)
    some = [next(iter(table)) for table in tables]
    assert all(scorer._vector("c:" + gram) == table[gram] for gram, table in zip(some, tables, strict=True))
