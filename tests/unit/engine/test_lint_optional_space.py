"""A phrase whose space is optional ("hand ?(?:off|over)") also matches the joined word in a long prompt, where the
phrase lists skip patterns by their first word."""

from __future__ import annotations

from app.engine.lint._phrases import first_whole_word
from app.engine.lint.rules.structure import FALLBACK


def test_a_word_before_an_optional_space_is_no_whole_word() -> None:
    assert first_whole_word(r"hand ?(?:off|over)\b") == ""
    assert first_whole_word(r"hand\s?off") == ""
    assert first_whole_word(r"you are\b") == "you"


def test_handoff_is_a_fallback_in_a_long_prompt() -> None:
    base = "You are a billing assistant for Acme. Answer billing questions from the help-center article only. " * 5
    assert FALLBACK.search(base + "For refunds, arrange a handoff to the billing team.")
    assert FALLBACK.search("For refunds, arrange a handoff to the billing team.")
    assert not FALLBACK.search(base)
