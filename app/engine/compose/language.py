"""The language of the brief, and how a non-English brief is turned into a prompt.

Decision: for a brief written in Spanish, German, French, Portuguese or Italian (or any language other than
English), the system prompt is written in English and carries an explicit reply-language rule ("Write every
reply in Spanish, even when the input is in another language."), and the user's own task is quoted once, whole
and cleanly, as their words. Why:

- Every vetted section the engine composes (archetype rules, reasons, guardrails, safety packs, examples) is
  written and reviewed in English. Machine-translating them with rules at run time would produce the awkward,
  unreviewed prose that this engine exists to avoid, and no translation model may be downloaded at run time.
- Current model families follow English system prompts at least as reliably as prompts in the target language,
  and the reply language is governed by an explicit rule, which the fidelity check can verify.
- Pasting fragments of a foreign sentence into an English template sentence ("Your job: necesito un bot que...")
  is what made v1 prompts read badly. Quoting the brief whole ("In the requester's own words (Spanish): «...»")
  keeps every detail of the request without pretending it is English.

When the brief names no reply language, a non-English brief implies that the people served write in that
language, so the reply-language rule follows the brief's own language.
"""

# ruff: noqa: SIM905  (wrapped word lists read better than hundreds of quoted literals)

from __future__ import annotations

import re

# Frequent function words that are distinctive for each language (none of them is an English word).
_MARKERS: dict[str, tuple[str, frozenset[str]]] = {
    "es": ("Spanish", frozenset(
        "el la los las una un que para con por del al es son necesito quiero qué cómo muy también pero cuando "
        "debe deben sin sobre usuarios clientes respuestas responde responder según sus nuestro nuestra".split()
    )),
    "de": ("German", frozenset(
        "der die das und ist nicht ein eine einen für mit auf ich wir brauche soll sollte kunden nutzer "
        "antworten antwortet bitte immer keine nur wenn oder auch unsere unser von zu".split()
    )),
    "fr": ("French", frozenset(
        "le la les un une des et est pour avec dans qui que je nous besoin doit réponds répondre clients "
        "utilisateurs toujours jamais sans aux du notre nos vous sur".split()
    )),
    "pt": ("Portuguese", frozenset(
        "o os as um uma que para com não é são preciso quero você clientes usuários responder sempre nunca "
        "sem do da dos das nosso nossa em ao".split()
    )),
    "it": ("Italian", frozenset(
        "il lo gli una che per con non è sono ho bisogno voglio clienti utenti rispondere sempre mai senza "
        "del della dei nostro nostra di".split()
    )),
}  # fmt: skip
_ENGLISH = frozenset(
    "the a an and or of to for with in on is are that this it be should must always never i we our your you "
    "need want write build make answer help users customers".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_MARKERS = 2


def brief_language(text: str) -> tuple[str, str] | None:
    """(ISO code, English name) of the language a brief is written in, or None for English (or too little text).

    Counts distinctive function words: a language wins when it has at least two and more than English has.
    """
    script = _script_language(text)
    if script is not None:
        return script
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return None
    english = sum(w in _ENGLISH for w in words)
    best: tuple[int, str] | None = None
    for code, (_, markers) in _MARKERS.items():
        hits = sum(w in markers for w in words)
        if hits >= _MIN_MARKERS and hits > english and (best is None or hits > best[0]):
            best = (hits, code)
    if best is None:
        return None
    return best[1], _MARKERS[best[1]][0]


_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _script_language(text: str) -> tuple[str, str] | None:
    """Languages told apart by their script, when at least a fifth of the letters use it."""
    letters = sum(ch.isalpha() for ch in text) or 1
    for pattern, result in (
        (_KANA, ("ja", "Japanese")),
        (_HANGUL, ("ko", "Korean")),
        (_CYRILLIC, ("ru", "Russian")),
    ):
        if len(pattern.findall(text)) * 5 >= letters:
            return result
    if len(_HAN.findall(text)) * 5 >= letters:
        # Japanese mixes kana with kanji; kanji alone (checked after kana) reads as Chinese.
        return ("ja", "Japanese") if _KANA.search(text) else ("zh", "Chinese")
    return None


def quoted_task(task: str, language_name: str) -> str:
    """The requester's task quoted whole as their own words, for a context line of an English prompt."""
    text = " ".join(task.split()).strip().strip('"“”«»')
    return f"The requester described the task in {language_name}, in their own words: «{text}»"
