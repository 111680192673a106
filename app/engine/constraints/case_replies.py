"""A JSON object that is one case's fixed reply, not the reply's schema: 'if the note isn't about a watch return
exactly {"error": "not_a_watch"}', "se l'email non è una prenotazione restituisci esattamente {"errore": "…"}"."""

from __future__ import annotations

import re
from typing import Any

# The clause the object closes opens with a condition: "if …", "when …", "otherwise", "si …", "se …", "wenn …",
# "falls …", "als …", "cuando …", "quand …", "もし…", "如果…".
_CONDITION = re.compile(
    r"(?:^|[\s(\-–—•*])(?:if|when|whenever|unless|otherwise|else|in\s+case|si|sinon|sino|si\s+no|cuando|lorsque|"
    r"quand|se|altrimenti|quando|caso|wenn|falls|sonst|ansonsten|als|anders|indien)\b|もし|場合|如果|若是|否则",
    re.IGNORECASE,
)
# A verb that hands the object back: "return (exactly)", "restituisci esattamente", "devuelve", "renvoie
# exactement", "gib … zurück", "antworte mit", "retorne", "geef", "返回", "返す".
_REPLY_VERB = re.compile(
    r"\b(?:return|output|respond|reply|answer|give|emit|send|use|restituisci|restituire|rispondi|devuelve|devolver|"
    r"devuelva|responde|renvoie|renvoyer|retourne|retourner|réponds|gib|antworte|ausgeben|retorne|retornar|devolva|"
    r"responda|geef|antwoord|stuur)\w*\b[^{}\n]{0,40}$|(?:返回|输出|返す|出力|回答)[^{}\n]{0,10}$",
    re.IGNORECASE,
)
# Where the clause before the object begins: a line, a bullet, a sentence's end.
_CLAUSE_START = re.compile(r"\n|[.!?;。！？]\s")
# Value words that stand for a type or a slot to fill, so the object describes a shape instead of fixing a reply.
_SLOT_VALUES = re.compile(
    r"^(?:string|str|text|number|integer|int|float|boolean|bool|object|array|list|null|date|\.\.\.|…|"
    r"[A-Z]{2,4}-[A-Z]{2}-[A-Z]{2}|<[^>]*>|\{[^}]*\}|\[[^\]]*\])$",
    re.IGNORECASE,
)


def _constant(value: Any) -> bool:
    """Whether a JSON value is a fixed constant (a code, a number, true), not a type name or a slot."""
    if isinstance(value, bool | int | float):
        return True
    if isinstance(value, str):
        return bool(value.strip()) and "|" not in value and not _SLOT_VALUES.match(value.strip())
    return False


def is_case_reply(text: str, start: int, value: dict[str, Any]) -> bool:
    """Whether the object at `start` is the fixed reply for one case ('if … return exactly {"error": "x"}'): few
    keys, every value a constant, and a condition and a reply verb in the clause before it."""
    if not value or len(value) > 3 or not all(_constant(v) for v in value.values()):
        return False
    opening = max((m.end() for m in _CLAUSE_START.finditer(text, max(0, start - 300), start)), default=0)
    before = text[max(opening, start - 300) : start]
    return _CONDITION.search(before) is not None and _REPLY_VERB.search(before) is not None
