"""A case's condition without the reply verb that ends it: "Bei Brustschmerzen antworte nur: „Ruf 112 an.“" has the
case "Bei Brustschmerzen"; read up to the colon, the case was "Bei Brustschmerzen antworte nur", and the prompt's
trigger read 'When this applies ("Bei Brustschmerzen antworte nur")'. The same for "Si menciona X responde solo:",
"Se falar em X, diga apenas:", "S'il parle de X réponds uniquement :"."""

from __future__ import annotations

import re

_QUALIFIER = (
    r"nur|bitte|immer|genau|exakt|wörtlich|solo|sólo|solamente|únicamente|apenas|só|somente|exactamente|exatamente|"
    r"seulement|uniquement|exactement|soltanto|esattamente|alleen|only|just|exactly"
)
# A reply verb in the imperative: unambiguous ones alone, the rest only with "only" / "nur" / "solo" after them
# ("Se não souber responder": the case's own verb, not the reply's)
_REPLY_HEAD = re.compile(
    r"[\s,]+(?:(?:antworte|contesta|conteste|diga|dile|réponds|rispondi|risponda|responda)(?:\s+(?:"
    + _QUALIFIER
    + r"))*"
    r"|(?:sag|sage|schreib|schreibe|responde|di|dí|diz|dis|dites|zeg|antwoord|reply|respond|answer|say)"
    r"(?:\s+(?:" + _QUALIFIER + r"))+)"
    r"(?:\s+(?:mit|con|com|avec|with|esto|isto|ceci|dies|Folgendes|lo\s+siguiente|o\s+seguinte))*\s*:?\s*$",
    re.IGNORECASE,
)


def without_reply_head(condition: str | None) -> str | None:
    """The condition without a trailing reply verb ("antworte nur", "responde solo"), or as it was."""
    if condition is None:
        return None
    head = _REPLY_HEAD.search(condition)
    if head is None or head.start() < 3:
        return condition
    return condition[: head.start()]
