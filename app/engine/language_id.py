"""Identify the language a brief is written in: script ranges first, then stopword profiles for Latin scripts.

A small own detector instead of a model: briefs are short instructions full of function words, which stopword
profiles separate well, and it runs in a few microseconds with no data to load (measurements in the
constraints note). It covers en, es, de, fr, pt, it, nl by stopwords, and ja, zh, ko, ru, uk, el, ar, he, th,
hi by script.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

NAMES: dict[str, str] = {
    "en": "English", "es": "Spanish", "de": "German", "fr": "French", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "ja": "Japanese", "zh": "Chinese", "ko": "Korean", "ru": "Russian", "uk": "Ukrainian",
    "el": "Greek", "ar": "Arabic", "he": "Hebrew", "th": "Thai", "hi": "Hindi", "und": "Undetermined",
}  # fmt: skip


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The most frequent function words of each language, plus words that briefs use a lot ("reply", "customer").
# A word listed for two languages counts for both; the distinctive ones decide.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and of to a in is it you that for on with as are be this your or if not they what from at by an we"
        " can will should about when their them my me i do don't please answer reply write user users customer"
        " customers each always never only into how which has have who must keep use any than more less but"
        " be it's there our no dont pls please"
    ),
    "es": _words(
        "el la los las de del que y en un una es por para con no se su sus al lo como más pero o si sobre este"
        " esta cuando siempre nunca usuario usuarios cliente clientes respuesta responde escribe debe muy también"
        " hay ser puede tu tus sin qué cómo ni eres quiero necesito usted está pero y los nos"
        " nuestra nuestro nuestros nuestras"
    ),
    "de": _words(
        "der die das und ist nicht ein eine einen einem zu den dem mit von für auf sie es du ich wir im des auch"
        " sich bei oder wenn immer nie niemals kunden kunde antworte schreibe bitte keine kein nur sind wird"
        " werden mehr als wie aus soll sollte höchstens mindestens über nach dass deine ihre unser unsere unseren"
    ),
    "fr": _words(
        "le la les de des du et un une est en que qui pour pas ne dans sur avec au aux il elle vous tu ce cette"
        " ces son sa ses plus ou si jamais toujours réponds répondez utilisateur client clients réponse sont être"
        " comme mais par votre vos nous je n'utilise d'un d'une l'utilisateur c'est notre nos"
    ),
    "pt": _words(
        "o os a as de do da dos das que e em um uma é não para com por no na nos nas se seu sua mais ao como mas"
        " ou você sempre nunca cliente clientes usuário resposta responda escreva deve são ser está também sem"
        " quando muito isso este esta pelo pela você vocês nós uma às nossa nosso nossos nossas"
    ),
    "it": _words(
        "il lo la i gli le di del della che e è un una per non con in su da al alla sono come ma più se sempre mai"
        " utente cliente risposta rispondi scrivi deve anche questo questa tu ti essere nel nella dei delle"
        " nostro nostra nostri"
    ),
    "nl": _words(
        "de het een en van is dat die in te op niet voor met zijn je jij u wordt aan er ook als bij of maar om naar"
        " dan altijd nooit klant klanten antwoord antwoordt schrijf moet geen alleen hoe wat wij ze deze dit onze ons"
        " worden"
    ),
}
# Letters that (nearly) only one of the Latin-script languages above uses: a small bonus each.
_LETTER_BONUS: dict[str, tuple[tuple[str, float], ...]] = {
    "ñ": (("es", 1.5),), "¿": (("es", 1.5),), "¡": (("es", 1.5),),
    "ß": (("de", 1.5),), "ä": (("de", 1.0),), "ö": (("de", 1.0),), "ü": (("de", 0.7),),
    "ã": (("pt", 1.5),), "õ": (("pt", 1.5),), "ç": (("fr", 0.5), ("pt", 0.5)),
    "è": (("fr", 0.7), ("it", 0.5)), "ê": (("fr", 0.7), ("pt", 0.5)), "œ": (("fr", 1.5),), "î": (("fr", 0.7),),
    "ì": (("it", 1.0),), "ò": (("it", 1.0),), "ù": (("it", 0.5), ("fr", 0.5)),
}  # fmt: skip
_ORDER = ("en", "es", "de", "fr", "pt", "it", "nl")
_WEIGHTS: dict[str, tuple[tuple[str, float], ...]] = {
    word: tuple((lang, 1.0 / len(owners)) for lang in owners)
    for word in set().union(*_STOPWORDS.values())
    for owners in [[lang for lang in _ORDER if word in _STOPWORDS[lang]]]
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SCRIPT_OF_BLOCK: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "el"), (0x0400, 0x04FF, "cyrl"), (0x0590, 0x05FF, "he"), (0x0600, 0x06FF, "ar"),
    (0x0900, 0x097F, "hi"), (0x0E00, 0x0E7F, "th"), (0x1100, 0x11FF, "ko"), (0x3040, 0x30FF, "kana"),
    (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"), (0xAC00, 0xD7AF, "ko"), (0xF900, 0xFAFF, "han"),
)  # fmt: skip


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x0250:
        return "latn"
    for low, high, script in _SCRIPT_OF_BLOCK:
        if low <= code <= high:
            return script
    return "other"


def _by_script(text: str) -> tuple[str, float] | None:
    """The language of a non-Latin script when such letters make up at least a third of the letters."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            script = _script(ch)
            counts[script] = counts.get(script, 0) + 1
    letters = sum(counts.values())
    if not letters:
        return None
    kana, han = counts.get("kana", 0), counts.get("han", 0)
    cjk = kana + han
    if cjk * 3 >= letters:
        # Japanese text mixes kana into kanji; Chinese never uses kana.
        return ("ja" if kana * 20 >= cjk else "zh"), cjk / letters
    for script in ("cyrl", "ko", "el", "he", "ar", "hi", "th"):
        count = counts.get(script, 0)
        if count * 3 >= letters:
            if script == "cyrl":
                return ("uk" if re.search("[іїєґІЇЄҐ]", text) else "ru"), count / letters
            return script, count / letters
    return None


# "scratch.mit.edu", "info@la-casa.es": an address's words are no evidence of the language around it
# (anchored at a token's start and bounded, so that a 20,000-character run of digits costs linear time)
_ADDRESS = re.compile(
    r"(?<!\S)[^\s@]{0,64}@\S{1,255}|(?<![\w.@/-])(?:https?://)?[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[a-z]{2,6}\b(?:/\S{0,255})?"
)


def _by_stopwords(text: str) -> tuple[str, float]:
    lowered = _ADDRESS.sub(" ", unicodedata.normalize("NFC", text.lower()))
    scores = dict.fromkeys(_ORDER, 0.0)
    words = _WORD.findall(lowered)
    for word in words:
        # A word shared by several languages is split between them: the distinctive words decide.
        for lang, weight in _WEIGHTS.get(word.replace("’", "'"), ()):
            scores[lang] += weight
    for ch in lowered:
        for lang, bonus in _LETTER_BONUS.get(ch, ()):
            scores[lang] += bonus
    ranked = sorted(_ORDER, key=lambda lang: (-scores[lang], _ORDER.index(lang)))
    best, second = scores[ranked[0]], scores[ranked[1]]
    if best <= 0:
        return "und", 0.0
    # Confidence grows with the margin over the runner-up and with the amount of evidence.
    confidence = (best - second) / best * min(1.0, best / 4.0)
    return ranked[0], round(confidence, 3)


@lru_cache(maxsize=256)
def identify(text: str) -> tuple[str, str, float]:
    """Return (ISO 639-1 code, English name, confidence 0..1) for the language of `text`; "und" when unknown."""
    scripted = _by_script(text)
    if scripted is not None:
        code, share = scripted
        return code, NAMES[code], round(min(1.0, share), 3)
    code, confidence = _by_stopwords(text)
    return code, NAMES[code], confidence
