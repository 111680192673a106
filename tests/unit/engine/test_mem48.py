"""mem48: the Unicode keyword gates are compiled only for a brief that needs them (issue #15, memory per worker)."""

from __future__ import annotations

import re

from app.engine import classify
from app.engine.archetypes import REGISTRY
from app.engine.fastre import prefiltered, prefiltered_source


def _eager_gates() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """The gates as they were built before: the Unicode gate of every archetype, then its ASCII twin."""
    unicode_gates = tuple(
        prefiltered(re.compile("|".join(f"(?:{f.pattern.pattern})" for f in a.features) or "(?!)", re.I))
        for a in REGISTRY
    )
    return unicode_gates, tuple(classify._ascii_twin(gate) for gate in unicode_gates)


def test_lazily_built_gates_are_the_eager_ones() -> None:
    eager_unicode, eager_ascii = _eager_gates()
    lazy_ascii = [gate for gate, _patterns in classify._ascii_keywords()]
    lazy_unicode = classify._keyword_gates()
    for old_u, old_a, new_u, new_a in zip(eager_unicode, eager_ascii, lazy_unicode, lazy_ascii, strict=True):
        assert (new_a.pattern, new_a.flags) == (old_a.pattern, old_a.flags)
        assert (new_u.pattern, new_u.flags) == (old_u.pattern, old_u.flags)
        assert (new_a is new_u) == (old_a is old_u)  # shared where the source keeps Unicode mode, as before


def test_lazy_gates_match_as_the_eager_ones_on_a_plain_and_a_unicode_brief() -> None:
    eager_unicode, eager_ascii = _eager_gates()
    lazy_ascii = [gate for gate, _patterns in classify._ascii_keywords()]
    lazy_unicode = classify._keyword_gates()
    plain = "Answer support tickets for Acme's billing app; summarise the contract and translate it into German."
    unicode = "Réponds aux tickets du support client ; résume le contrat et traduis-le en allemand. 翻译助手"
    assert any(gate.search(plain) for gate in eager_ascii)
    assert any(gate.search(unicode) for gate in eager_unicode)
    for old, new in zip(eager_ascii, lazy_ascii, strict=True):
        assert [m.span() for m in old.finditer(plain)] == [m.span() for m in new.finditer(plain)]
    for old, new in zip(eager_unicode, lazy_unicode, strict=True):
        assert [m.span() for m in old.finditer(unicode)] == [m.span() for m in new.finditer(unicode)]


def test_a_plain_brief_compiles_no_unicode_gate() -> None:
    classify._keyword_gates.cache_clear()
    try:
        classify.score_all("Answer support tickets for Acme's billing app in a friendly tone.")
        assert classify._keyword_gates.cache_info().currsize == 0
        classify.score_all("Réponds aux tickets du support client d'Acme.")
        assert classify._keyword_gates.cache_info().currsize == 1
    finally:
        classify._keyword_gates.cache_clear()


def test_prefiltered_source_is_what_prefiltered_compiles() -> None:
    for source in (r"\bformal\w*|\binformal\w*|\bregister\b", r"(?:a|b)?c", r"x*", r"(?i)abc", r"[^a]b"):
        pattern = re.compile(source, re.I)
        assert prefiltered_source(source, pattern.flags) == prefiltered(re.compile(source, re.I)).pattern
