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
    r"devolve|devuelva|responde|renvoie|renvoyer|retourne|retourner|réponds|gib|antworte|ausgeben|retorne|retornar|devolva|"
    r"responda|geef|antwoord|stuur)\w*\b[^{}\n]{0,40}$|(?:返回|输出|返す|出力|回答)[^{}\n]{0,10}$",
    re.IGNORECASE,
)
# (matched at the object's end) Japanese, Korean and German put the verb after the object: "… なら {"error": "x"}
# だけを返す", "{…}만 반환", "dann gib {…} zurück"; the clause's condition is then a clause-final
# "なら / 場合 / 時 / 면".
_VERB_AFTER = re.compile(
    r"\s*(?:(?:(?:だけ|のみ)\s*(?:を)?|を)?\s*(?:返す|返して|返却|出力|回答|返答)|(?:만|을|를)?\s*(?:반환|출력|응답)|"
    r"(?:zurück|aus|aus\s*geben)\b)",
    re.IGNORECASE,
)
_CONDITION_BEFORE = re.compile(r"(?:なら|ならば|場合は?|時は?|ときは?|であれば|면|경우)[、,\s]*$")
# "message not about availability (payslips, complaints) -> output exactly {…}", "spam → devolve {…}": a case written
# before an arrow, then the reply for it.
_ARROW_CASE = re.compile(r"\w[^\n]{2,}?\s*(?:-+>|→|=>)\s*\w")
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


def is_case_reply(text: str, start: int, value: dict[str, Any], end: int | None = None) -> bool:
    """Whether the object at `start` (ending at `end`) is the fixed reply for one case ('if … return exactly
    {"error": "x"}', "…なら {"error": "x"} だけを返す"): few keys, every value a constant, a condition in the clause
    before it and a reply verb before it (or right after it, where the language puts the verb last)."""
    if not value or len(value) > 3 or not all(_constant(v) for v in value.values()):
        return False
    opening = max((m.end() for m in _CLAUSE_START.finditer(text, max(0, start - 300), start)), default=0)
    before = text[max(opening, start - 300) : start]
    if (
        _CONDITION.search(before) is None
        and _CONDITION_BEFORE.search(before) is None
        and _ARROW_CASE.search(before) is None
        and not _case_colon(before)
    ):
        return False
    if _REPLY_VERB.search(before) is not None:
        return True
    if re.search(r"[:：]\s*$", before) and not _SHAPE_LEAD.search(before):
        # "- se il messaggio è vuoto: {"errore": "…"}", "- if the text is blank: {…}": a condition, a colon, then the
        # fixed object is that case's reply, with no verb at all
        return _CONDITION.search(before) is not None or _CONDITION_BEFORE.search(before) is not None
    return end is not None and _VERB_AFTER.match(text, end) is not None


# "fehlt die Telefonnummer und steht auch keine E-Mail im Text: nur {…} ausgeben", "no order number in the message:
# return only {…}": a case named before a colon, then the reply for it (the case may open with its verb, as German
# conditions do, with no "if" to find). Not a lead that names the reply's shape ("Output format: {…}").
_CASE_COLON = re.compile(r"(?P<case>[^:：\n]{12,200})[:：]\s*(?P<lead>[^:：{}\n]{0,40})$")
_SHAPE_LEAD = re.compile(
    r"\b(?:format\w*|schema|json|shape|structure|template|layout|output|ausgabe|formato|salida|sortie|saída|uitvoer|"
    r"estructura|struktur|struttura|like\s+this|as\s+follows|wie\s+folgt|so)\b",
    re.IGNORECASE,
)


def _case_colon(before: str) -> bool:
    """Whether the clause before an object names a case before a colon ("keine Telefonnummer und keine E-Mail: nur
    … ausgeben"), not the reply's shape."""
    found = _CASE_COLON.search(before)
    return found is not None and len(found.group("case").split()) >= 3 and not _SHAPE_LEAD.search(found.group("case"))
