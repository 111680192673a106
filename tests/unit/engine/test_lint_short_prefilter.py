"""A short text is scanned only by the phrase patterns whose literal prefix it holds: the matches must be those of a
full scan, which a long text (past SHORT_TEXT, scanned through the word index) still gets."""

from __future__ import annotations

import sys

import pytest

from app.engine.lint import lint_prompt
from app.engine.lint._phrases import SHORT_TEXT, Phrases

_TEXTS = [
    "you are a helpful assistant. answer questions in under 80 words.",
    "be concise. if unsure, say you don't know and hand off to support@acme.com.",
    "always respond in json. never mention competitors; answers must cite [doc 2].",
    "act as a world-class expert!!! do not hallucinate. think step by step.",
    "tu es un assistant. réponds en français, sans markdown.",
]


def _spans(phrases: Phrases, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in phrases.finditer(text)]


def _all_phrase_lists() -> list[Phrases]:
    """Every phrase list the lint modules hold at module level (gc cannot find them: the app freezes startup
    objects with gc.freeze, which hides them from gc.get_objects)."""
    lint_prompt("You are a helpful assistant.")  # the rule modules (and their phrase lists) load on first use
    found: dict[int, Phrases] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("app.engine.lint") or module is None:
            continue
        for value in vars(module).values():
            items = value.values() if isinstance(value, dict) else value if isinstance(value, list | tuple) else [value]
            found.update({id(item): item for item in items if isinstance(item, Phrases)})
    return list(found.values())


def test_the_rules_have_phrase_lists_to_check() -> None:
    assert len(_all_phrase_lists()) > 20


@pytest.mark.parametrize("text", _TEXTS)
def test_a_short_text_gets_the_matches_of_a_full_scan(text: str) -> None:
    padding = " ~" * SHORT_TEXT  # no word a phrase can start with: the long text's extra matches are none
    assert len(text) < SHORT_TEXT
    for phrases in _all_phrase_lists():
        assert _spans(phrases, text) == _spans(phrases, text + padding)


def test_an_optional_last_letter_still_matches() -> None:
    phrases = Phrases(r"answers?\b", r"hand ?off")
    assert _spans(phrases, "the answer is a handoff") == [(4, 10), (16, 23)]
