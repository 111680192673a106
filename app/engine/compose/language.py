"""The language of the brief, and how a non-English brief is turned into a prompt.

Decision: for a brief written in Spanish, German, French, Portuguese or Italian (or any language other than
English), the system prompt is written in English and carries an explicit reply-language rule ("Write every
reply in Spanish, even when the input is in another language."), and the user's own words are quoted: the job
sentence once, in its own quotation marks, and each other sentence whole as a requirement. Why:

- Every vetted section the engine composes (archetype rules, reasons, guardrails, safety packs, examples) is
  written and reviewed in English. Machine-translating them with rules at run time would produce the awkward,
  unreviewed prose that this engine exists to avoid, and no translation model may be downloaded at run time.
- Current model families follow English system prompts at least as reliably as prompts in the target language,
  and the reply language is governed by an explicit rule, which the fidelity check can verify.
- Pasting fragments of a foreign sentence into an English template sentence ("Your job: necesito un bot que...")
  is what made v1 prompts read badly. Quoting the brief's own sentences («...»)
  keeps every detail of the request without pretending it is English.

When the brief names no reply language, a non-English brief implies that the people served write in that
language, so the reply-language rule follows the brief's own language.
"""

from __future__ import annotations

import re

from app.engine.language_id import identify


def brief_language(text: str) -> tuple[str, str] | None:
    """(ISO code, English name) of the language a brief is written in, or None for English or undetermined."""
    code, name, _ = identify(text)
    return None if code in ("en", "und") else (code, name)


QUOTE_MARKS: dict[str, tuple[str, str]] = {"Japanese": ("「", "」"), "Chinese": ("“", "”")}
"""Quotation marks a language uses, where guillemets would look foreign in it."""


# 'reply with "I'm passing this to a human colleague"': a vetted English reply that a default rule quotes.
_REPLY_QUOTE = re.compile(
    r"\b(?P<verb>reply|respond|answer|say|write|tell\s+(?:them|the\s+\w+))(?:\s+(?:with|exactly))?\s*:?\s*"
    r"[\"“](?P<words>[^\"”]+)[\"”]",
    re.IGNORECASE,
)


def localise_reply_quotes(text: str, language: str | None) -> str:
    """A default's quoted English reply, asked for in the reply language when that is not English: a German bot is
    told to say it in German, never handed an English sentence to paste."""
    if not language or language.lower().endswith("english") or ('"' not in text and "“" not in text):
        return text
    return _REPLY_QUOTE.sub(
        lambda m: f'{m.group("verb")}, in {language}, with a sentence that means "{m.group("words")}"', text
    )
