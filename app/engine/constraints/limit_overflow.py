"""A limit's overflow instruction: "max 60 words: if it comes out longer, don't cut it, add the line TOO LONG - CHECK",
"al massimo 60 parole: se viene più lunga NON tagliare, ma aggiungi …", "höchstens 80 Wörter; wenn es länger wird,
nicht kürzen, sondern …".

Written without it, the limit tells the model to cut, which is what the brief forbids: the instruction for the reply
that runs over travels with the limit wherever the prompt states it (the output section included).
"""

from __future__ import annotations

import re

import msgspec

from app.engine.brief import Brief
from app.engine.constraints.model import Constraint

# "if it comes out longer", "if it runs over", "se viene più lunga", "si sale más larga", "s'il est plus long",
# "wenn es länger wird", "se ficar mais longo", "als het langer is": the case of a reply over the limit
_OVER = (
    r"(?:if|when|should)\s+(?:it|the\s+\w+|a\s+\w+|yours?|one)?\s*(?:'s\s+|is\s+|comes?\s+out\s+|runs?\s+|goes\s+|"
    r"gets?\s+|turns?\s+out\s+|ends?\s+up\s+)?(?:any\s+)?(?:longer|over|too\s+long|more|above|beyond)\b|"
    r"if\s+you\s+(?:go|run|need\s+to\s+go)\s+over\b|"
    r"se\s+(?:(?:la\s+\w+\s+|il\s+\w+\s+)?(?:viene|è|risulta|esce|diventa)\s+più\s+lung[ao]|supera\w*|sfora)\b|"
    r"si\s+(?:(?:te\s+)?(?:sale|es|queda|resulta)\s+más\s+larg[ao]|(?:se\s+)?pasa\w*|supera\w*|excede\w*)\b|"
    r"s['’]il\s+(?:est|fait)\s+plus\s+long|si\s+(?:elle|il|(?:le|la)\s+\w+|[çc]a|cela)\s+(?:est|fait)\s+plus\s+longu?e?|"
    r"si\s+(?:[çc]a|cela|elle|il)\s+d[ée]passe\w*|"
    r"(?:wenn|falls)\s+(?:es|sie|er|der\s+\w+|die\s+\w+|das\s+\w+)?\s*(?:länger|mehr)\b|"
    r"(?:wenn|falls)\s+(?:es|sie|er)\s+(?:darüber|drüber)\b|"
    r"se\s+(?:ficar|for|sair)\s+mais\s+long[ao]|se\s+passar\b|"
    r"als\s+(?:het|hij|ze|die)\s+(?:langer|meer)\b"
)
# The limit, a short tail ("per caption", "each"), then the overflow case after a colon, a dash or a comma, or in the
# sentence right after it
_AFTER_LIMIT = re.compile(
    r"(?P<gap>(?:\s+[^\s.;:!?()\n,]+){0,3}?)\s*(?:[:;,–—]|\s-|\.)\s*(?:but\s+|ma\s+|pero\s+|mais\s+|aber\s+|mas\s+|"
    r"maar\s+)?(?P<over>(?:" + _OVER + r")[^\n]{2,200}?)\s*(?=\n|\.\s|\.$|$)",
    re.IGNORECASE,
)
# The gap between the limit and its overflow case names no rule of its own ("and no emoji")
_OTHER_RULE = re.compile(r"\b(?:and|no|never|not|then|und|et|e|y|en|ohne|sans|sin|sem|senza|niente|nada)\b", re.I)
_ENGLISH = re.compile(r"(?:if|when|should)\b", re.IGNORECASE)


def limit_overflow(text: str, end: int) -> str | None:
    """The overflow instruction written right after a limit that ends at `end`, in the brief's words; or None."""
    match = _AFTER_LIMIT.match(text, end)
    if match is None or _OTHER_RULE.search(match.group("gap") or ""):
        return None
    return " ".join(match.group("over").split()).rstrip(" ,;")


def with_overflow(sentence: str, overflow: str) -> str:
    """ "Keep the reply to at most 60 words." with what to do when it runs over: in the brief's words when they are
    English, quoted otherwise."""
    base = sentence.rstrip().rstrip(".")
    if _ENGLISH.match(overflow):
        return f"{base}; {overflow[0].lower()}{overflow[1:]}."
    return f'{base}. If it runs longer, follow the brief for that case: "{overflow}".'


def attach_limit_overflows(brief: Brief, found: list[Constraint]) -> None:
    """Give each limit the overflow instruction the brief writes after it ("… max 60 words: if longer, don't cut,
    add TOO LONG - CHECK")."""
    for index, constraint in enumerate(found):
        span = constraint.span
        if constraint.kind != "limit" or span is None or not constraint.unit or constraint.unit == "items":
            continue
        if span.field == "task":
            text = brief.task
        elif span.field == "constraints" and span.index is not None and span.index < len(brief.constraints):
            text = brief.constraints[span.index]
        else:
            continue
        overflow = limit_overflow(text, span.end)
        if overflow is None or overflow.lower() in constraint.text.lower():
            continue
        found[index] = msgspec.structs.replace(constraint, text=with_overflow(constraint.text, overflow))
