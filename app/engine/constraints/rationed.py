"""Rationed allowances: "use emojis, but not too many", "emojis ok, max one per message", "Emojis gern, aber
sparsam". The brief allows the thing and caps how often it appears: a soft rule or a count, never a ban."""

from __future__ import annotations

import re
from typing import NamedTuple

# The things a brief rations, each with its English plural and singular.
_THINGS: tuple[tuple[str, str, str], ...] = (
    (r"emojis?|emoji's|émojis?|emoticons?|émoticônes?|smileys?|emotes", "emojis", "emoji"),
    (r"exclamation\s+(?:marks?|points?)|ausrufezeichen|points?\s+d['’]exclamation|exclamaciones", "exclamation marks",
     "exclamation mark"),
    (r"hashtags?", "hashtags", "hashtag"),
    (r"jokes?|puns?|witze?|blagues?|chistes?|bromas?", "jokes", "joke"),
    (r"slang|jargon|argot", "slang", "slang"),
    (r"gifs?", "GIFs", "GIF"),
)  # fmt: skip
_THING = re.compile(
    "|".join(f"(?P<t{index}>\\b(?:{words})\\b)" for index, (words, _, _) in enumerate(_THINGS)), re.IGNORECASE
)

# How the brief rations them, after the thing ("emojis, but not too many"), in the main languages.
_SPARING = re.compile(
    r"\b(?:but|just|only|though|yet)?\s*(?:not\s+too\s+(?:many|much|often)|(?:don['’]?t|do\s+not|never)\s+overdo\s+(?:it|them)|"
    r"sparingly|in\s+moderation|moderately|a\s+few\s+at\s+most|keep\s+(?:it|them)\s+(?:rare|light|minimal)|"
    r"sparsam|in\s+ma(?:ß|ss)en|mit\s+ma(?:ß|ss)|nicht\s+zu\s+viele?|"
    r"avec\s+(?:modération|parcimonie)|sans\s+(?:en\s+)?abuser|pas\s+trop|"
    r"con\s+moderación|sin\s+abusar|pero\s+no\s+demasiad[oa]s|no\s+demasiad[oa]s|"
    r"con\s+moderazione|senza\s+esagerare|non\s+troppi|"
    r"com\s+moderação|sem\s+exagerar|não\s+muitos|met\s+mate|spaarzaam|niet\s+te\s+veel)\b",
    re.IGNORECASE,
)
_NUMBER = (
    r"(?P<n>\d+|one|two|three|a\s+single|eins|ein(?:e[ns]?)?|zwei|drei|un[ae]?|dos|deux|trois|uma?|dois|duas|tres|trois|"
    r"een|twee)"
)
_COUNTED = re.compile(
    r"\b(?:max(?:imum|imal|\.)?|at\s+most|no\s+more\s+than|up\s+to|höchstens|maximal|máximo|maximum|au\s+plus|"
    r"hoogstens|massimo)\s*:?\s*" + _NUMBER + r"(?:\s+(?:emojis?|emoji's))?\s+(?:per|each|a|an|pro|por|par|por|per)\s+"
    r"(?P<per>message|reply|response|answer|post|nachricht|antwort|mensaje|respuesta|réponse|mensagem|resposta|"
    r"bericht|antwoord|messaggio|risposta)\b",
    re.IGNORECASE,
)
_THING_WORDS = "|".join(words for words, _, _ in _THINGS)
# "Un emoji maximum par message", "Un seul emoji par message", "only one emoji per reply": the number before the thing,
# capped by a word around it (a bare "one emoji per message" may be a count to meet, not a ration)
_CAPPED = re.compile(
    r"(?:\b(?P<c1>only|just|nur|seulement|uniquement|solo|sólo|solamente|apenas|somente|alleen|soltanto)\s+)?\b"
    + _NUMBER
    + r"\s+(?:(?P<c2>seule?|single|einzige[ns]?|sol[oa]|únic[oa]|unic[oa]|enkele?)\s+)?(?:"
    + _THING_WORDS
    + r")\s+(?:(?P<c3>max(?:imum|imal|\.)?|au\s+(?:maximum|plus)|at\s+most|tops|höchstens|máximo|como\s+máximo|"
    r"no\s+máximo|al\s+máximo|massimo|al\s+massimo|hoogstens|maximaal)\s+)?(?:per|each|a|an|pro|por|par|per)\s+"
    r"(?P<per>message|reply|response|answer|post|nachricht|antwort|mensaje|respuesta|réponse|mensagem|resposta|"
    r"bericht|antwoord|messaggio|risposta)\b",
    re.IGNORECASE,
)
_NUMBERS = {"one": 1, "a single": 1, "two": 2, "three": 3, "ein": 1, "eins": 1, "eine": 1, "einen": 1, "eines": 1,
            "zwei": 2,
            "drei": 3, "un": 1, "una": 1, "une": 1, "uno": 1, "dos": 2, "deux": 2, "trois": 3, "um": 1, "uma": 1,
            "dois": 2, "duas": 2, "tres": 3, "een": 1, "twee": 2}  # fmt: skip
_PER = {"message": "message", "reply": "reply", "response": "reply", "answer": "reply", "post": "post",
        "antwort": "reply", "respuesta": "reply", "réponse": "reply", "resposta": "reply", "antwoord": "reply",
        "risposta": "reply"}  # fmt: skip
# A ban on the thing itself before the ration ("no emojis, not too many exclamation marks") is no allowance.
_BANNED = re.compile(
    r"\b(?:no|never|don['’]?t|do\s+not|avoid|without|keine?|sin|sans|pas\s+d['’]|geen|sem)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


# ... or on a list the thing ends ("Don't use slang or jokes, and emojis only sparingly": the jokes are banned)
_BANNED_LIST = re.compile(
    r"\b(?:no|never|don['’]?t|do\s+not|avoid|without|keine?|sin|sans|pas\s+d['’]|geen|sem)\s+(?:use\s+|any\s+)?"
    r"(?:[\w'’-]+\s*,\s*)*[\w'’-]+,?\s+(?:or|nor|and|oder|und|ou|et|o|ni|y|e|of|en)\s+$",
    re.IGNORECASE,
)


class FoundRation(NamedTuple):
    """A rationed thing: the rule to write, where the ration's words are, and the formatting feature it names."""

    text: str
    start: int
    end: int
    feature: str | None


# "don't use too many emojis", "not too many emojis", "keine übertriebenen Emojis": a cap before the thing
_TOO_MANY_BEFORE = re.compile(
    r"\b(?:too\s+many|too\s+much|excessive|a\s+lot\s+of|lots\s+of|zu\s+viele|trop\s+d['’]|demasiados|troppi)\s*$",
    re.IGNORECASE,
)


def find_ration(text: str) -> FoundRation | None:
    """The rationed allowance a clause states, with the rule to write; None when there is none."""
    for thing in _THING.finditer(text):
        index = int((thing.lastgroup or "t0")[1:])
        plural, singular = _THINGS[index][1], _THINGS[index][2]
        feature = "emoji" if index == 0 else None
        before = text[max(0, thing.start() - 24) : thing.start()]
        too_many = _TOO_MANY_BEFORE.search(before)
        if too_many is not None:
            start = thing.start() - len(before) + too_many.start()
            rule = f"Use {plural} sparingly: a few where they fit, never in every sentence."
            return FoundRation(rule, start, thing.end(), feature)
        if _BANNED.search(text[max(0, thing.start() - 20) : thing.start()]) or _BANNED_LIST.search(
            text[max(0, thing.start() - 80) : thing.start()]
        ):
            continue
        window_end = min(len(text), thing.end() + 60)
        counted = _COUNTED.search(text, max(0, thing.start() - 60), window_end) or _capped(text, thing.start())
        if counted is not None:
            number = counted.group("n").lower()
            count = int(number) if number.isdigit() else _NUMBERS.get(" ".join(number.split()), 1)
            per = _PER.get(counted.group("per").lower(), "message")
            noun = singular if count == 1 else plural
            rule = f"Use at most {count} {noun} per {per}."
            return FoundRation(rule, min(thing.start(), counted.start()), max(thing.end(), counted.end()), feature)
        sparing = _SPARING.search(text, max(0, thing.start() - 60), window_end)
        if sparing is not None:
            rule = f"Use {plural} sparingly: a few where they fit, never in every sentence."
            return FoundRation(rule, min(thing.start(), sparing.start()), max(thing.end(), sparing.end()), feature)
    return None


def _capped(text: str, start: int) -> re.Match[str] | None:
    """A count with a cap word around it ("un emoji maximum par message") whose thing starts at start."""
    for match in _CAPPED.finditer(text, max(0, start - 30), min(len(text), start + 80)):
        capped = match.group("c1") or match.group("c2") or match.group("c3") or "single" in match.group("n").lower()
        if capped and match.start() < start < match.end():
            return match
    return None


def within(ration: FoundRation | None, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside the ration's words (a ban or a limit read from them), give or take the
    negation before them and the full stop after them."""
    if ration is None:
        return False
    return ration.start - 16 <= start and end <= ration.end + 1 and start < ration.end and end > ration.start
