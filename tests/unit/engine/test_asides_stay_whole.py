"""A question mark or full stop inside an aside that closes on its line never ends the sentence."""

from __future__ import annotations

from app.engine.compose.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in split_sentences(text)]


def test_questions_inside_parentheses_stay_in_their_sentence() -> None:
    text = (
        "Se la chiedono fai una domanda guida (qual è il verbo principale? che caso è?). Massimo 4 frasi per risposta."
    )
    assert _sentences(text) == [
        "Se la chiedono fai una domanda guida (qual è il verbo principale? che caso è?).",
        "Massimo 4 frasi per risposta.",
    ]


def test_an_english_aside_with_a_question_stays_whole() -> None:
    text = "Ask one guiding question (what is the main verb? which case is it?) and wait. Keep replies short."
    assert _sentences(text) == [
        "Ask one guiding question (what is the main verb? which case is it?) and wait.",
        "Keep replies short.",
    ]


def test_sentences_after_a_closed_aside_still_split() -> None:
    text = "Answer from the FAQ (the PDF). Never guess? Say so. Keep it short."
    assert len(_sentences(text)) == 4
