"""A reply language stated for one case ("If they write in Dutch, answer in Dutch; otherwise English") is one rule
with both cases: the prompt neither orders every reply into the case's language nor splits off a garbled "If they write
in Dutch: otherwise English." rule. The rule is stated once, with its default and its case (see
`app.engine.constraints.language_cases`)."""

from __future__ import annotations

import pytest

from tests.unit.engine.reading import claude_prompt


@pytest.mark.parametrize(
    ("brief", "rule"),
    [
        (
            "You are a support assistant for a bike shop in Utrecht. If they write in Dutch, answer in Dutch; "
            "otherwise English. Keep replies under 80 words.",
            "Reply in English by default; when the customer writes in Dutch, reply in Dutch.",
        ),
        (
            "Chat assistant for a ferry company. If a customer writes in Spanish, reply in Spanish. Otherwise reply "
            "in English. Max 3 sentences.",
            "Reply in English by default; when the customer writes in Spanish, reply in Spanish.",
        ),
        (
            "FAQ bot for our Lisbon bakery. Reply in Portuguese if they write in Portuguese; if not, English.",
            "Reply in English by default; when the user writes in Portuguese, reply in Portuguese.",
        ),
    ],
)
def test_the_other_case_stays_with_its_rule(brief: str, rule: str) -> None:
    prompt = claude_prompt(brief)
    assert rule in prompt
    assert "Write every reply in" not in prompt
    assert "Always reply in" not in prompt
    assert ": otherwise" not in prompt


def test_a_language_for_every_reply_is_still_one() -> None:
    prompt = claude_prompt("Support bot for a bike shop in Utrecht. Always answer in Dutch, even to tourists.")
    assert "Dutch" in prompt
    assert "reply in Dutch" in prompt or "replies in Dutch" in prompt or "every reply in Dutch" in prompt


def test_an_otherwise_after_another_case_keeps_its_own_condition() -> None:
    # "If they mention chest pain, … Otherwise, …": a route's other case is no reply-language rule.
    prompt = claude_prompt(
        "Booking assistant for a GP surgery. If they mention chest pain, tell them to call 999 now. Otherwise, offer "
        "the next free appointment."
    )
    assert "999" in prompt
    assert "next free appointment" in prompt


def test_a_closed_quotation_ends_its_sentence() -> None:
    # 'say: "…." Keep answers under 60 words.': the limit is a sentence of its own, not part of the fixed reply's rule
    prompt = claude_prompt(
        'Returns desk bot for an outdoor gear shop. If the item was used outdoors, say: "We can only accept unused '
        'items. Please check our repair service at gearfix.example.com." Keep answers under 60 words.'
    )
    assert 'gearfix.example.com." Keep answers' not in prompt
    assert "at most 60 words" in prompt


def test_words_quoted_after_say_stay_with_their_rule() -> None:
    prompt = claude_prompt(
        "Companion for care-home residents. Never give medical advice or comment on their medication; say \"Let's ask "
        'the nurse about that." If they mention a fall, tell them to press the red call button now.'
    )
    assert "Let's ask the nurse about that." in prompt
    assert "red call button" in prompt


@pytest.mark.parametrize(
    ("brief", "rule"),
    [
        (
            "Asistente de WhatsApp para una tienda de bicicletas en Valencia. Contesta en español, pero si el cliente "
            "escribe en inglés o en francés, contesta en su idioma. Máximo 3 frases.",
            "Reply in Spanish by default; when the customer writes in English or French, reply in that language.",
        ),
        (
            # reply in Dutch to Dutch, otherwise in English: English is the default
            "Chatassistent voor onze tandartspraktijk in Gouda. Antwoord in het Nederlands als de patiënt Nederlands "
            "schrijft, anders in het Engels. Hooguit drie zinnen.",
            "Reply in English by default; when the user writes in Dutch, reply in Dutch.",
        ),
        (
            "Chat-Assistent für unsere Zahnarztpraxis in Kassel. Antworte auf Deutsch, wenn der Patient Deutsch "
            "schreibt, sonst auf Englisch. Höchstens drei Sätze.",
            "Reply in English by default; when the customer writes in German, reply in German.",
        ),
        (
            "Assistant de chat pour notre cabinet dentaire à Lille. Réponds en français, sauf si le patient écrit en "
            "anglais : alors réponds en anglais. Trois phrases au maximum.",
            "Reply in French by default; when the customer writes in English, reply in English.",
        ),
    ],
)
def test_a_default_language_with_a_case_is_no_language_for_every_reply(brief: str, rule: str) -> None:
    prompt = claude_prompt(brief)
    assert rule in prompt
    assert "Always reply in" not in prompt
    assert "Write every reply in" not in prompt


@pytest.mark.parametrize(
    ("brief", "default"),
    [
        (
            "Chatbot voor onze fietsenwinkel in Delft. Antwoord in het Nederlands, maar als de klant Engels schrijft, "
            "antwoord dan in het Engels. Maximaal 3 zinnen.",
            "Dutch",
        ),
        (
            "Chat für unseren Fahrradladen in Kassel. Antworte auf Deutsch, aber wenn der Kunde Englisch schreibt, "
            "antworte auf Englisch. Höchstens 3 Sätze.",
            "German",
        ),
    ],
)
def test_a_verb_last_exception_keeps_both_languages(brief: str, default: str) -> None:
    prompt = claude_prompt(brief)
    for language in ("English", default):
        assert f"Always reply in {language}" not in prompt
        assert f"Write every reply in {language}" not in prompt


def test_a_language_for_every_reply_even_when_they_write_another_stays() -> None:
    prompt = claude_prompt(
        "Chat für unseren Fahrradladen. Antworte immer auf Englisch, auch wenn der Kunde Deutsch schreibt."
    )
    assert "Always reply in English" in prompt or "Antworte immer auf Englisch" in prompt
