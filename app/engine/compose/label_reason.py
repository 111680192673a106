"""A label followed by a reason: "output: SPAM or HAM + reason", "reply with the label, then a short justification".

Such a reply starts with the label and goes on, so the label job's default ("only the label, with no explanation")
would contradict the brief.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_REASON_NOUNS = {
    "reason": "reason",
    "reasons": "reason",
    "justification": "justification",
    "explanation": "explanation",
    "rationale": "rationale",
    "reden": "reason",
    "toelichting": "explanation",
    "uitleg": "explanation",
    "begründung": "justification",
    "grund": "reason",
    "raison": "reason",
    "justificación": "justification",
    "justificativa": "justification",
    "justificação": "justification",
    "razón": "reason",
    "motivo": "reason",
    "motivazione": "reason",
    "motivation": "reason",
    "理由": "reason",
    "原因": "reason",
}
_SHORT = r"short|brief|one[- ]sentence|one[- ]line|kurze[nr]?|korte|courte|breve|corta|kort"
# After the label: "+ reason", "then a short justification", "plus a one-line explanation", "+ reden".
_REASON_FOLLOWS = re.compile(
    # ("LABEL | reden (max 12 woorden)": a line template, the label's own word and a pipe before the reason; not
    # the input's columns, "order_id | reason | amount")
    r"(?:(?P<strong>[+＋]|\b(?:label|labels|category|categorie|categoría|catégorie|kategorie|etiqueta|étiquette|"
    r"etichetta|verdict|code)\s*[|｜]|\b(?:plus|then|and\s+then|followed\s+by|dann|puis|luego|depois|poi|daarna)\b)|"
    r"\b(?:and|with|und|et|y|e|en|met|con|com)\b)\s*(?:(?:a|an|the|one|een|eine?n?|une?|un[ao]?|uma?)\s+)?"
    rf"(?P<short>(?:{_SHORT})\s+)?(?P<noun>{'|'.join(sorted(_REASON_NOUNS, key=len, reverse=True))})(?!\w)",
    re.IGNORECASE,
)
# "reply with the label and a reason": a plain "and"/"with" joins a reason to the reply only after a reply verb in
# the same sentence ("Users often write a rating and a reason" describes the input)
_REPLY_VERB = re.compile(
    r"\b(?:repl\w*|respond\w*|answer\w*|output\w*|return\w*|give|write|label\w*|tag\w*|classif\w*|categori[sz]\w*|"
    r"mark\w*|flag\w*|decid\w*|verdict|antwort\w*|réponds|rispond\w*|responde\w*|uitvoer|antwoord\w*)\b",
    re.IGNORECASE,
)
# ... said to the assistant: at the start of the sentence or after "to", "should", "you", "then" ("Users often write a
# rating and a reason" is what the input holds)
_ASKED_REPLY = re.compile(
    r"(?:^\s*|[,:;]\s*|\b(?:to|should|must|will|you|please|then|and|just)\s+)" + _REPLY_VERB.pattern, re.IGNORECASE
)
_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|without|never|sin|sans|ohne|keine?n?|sem|senza|zonder|geen)\b[^.;:]{0,12}$", re.I
)
# "然后写一句理由", "并给出原因": a CJK reason after a connective within a few characters.
_CJK_REASON_FOLLOWS = re.compile(r"(?:然后|并|再|，|、)(?P<gap>[^。；;\n]{0,8}?)(?P<noun>理由|原因)")
_CJK_NEGATION = re.compile(r"不|无需|无须|没有|別|别|不要|不用|不必")


class ReasonAfterLabel(NamedTuple):
    """The part of a reply after its label, as the brief names it."""

    noun: str
    short: bool
    start: int
    """Where the brief names it (a limit stated after this is the reason's)."""


def reason_after_label(task: str) -> ReasonAfterLabel | None:
    """The reason the brief asks for after a label, or None."""
    for match in _REASON_FOLLOWS.finditer(task):
        before = task[max(0, match.start() - 80) : match.start()]
        sentence = re.split(r"[.!?\n]", before)[-1]
        if _NEGATED_BEFORE.search(task[max(0, match.start() - 20) : match.start("noun")]):
            continue  # "the label only, with no reason"
        if match.group("strong") is None and not _ASKED_REPLY.search(sentence):
            continue
        return ReasonAfterLabel(
            _REASON_NOUNS[match.group("noun").lower()], match.group("short") is not None, match.start()
        )
    for match in _CJK_REASON_FOLLOWS.finditer(task):
        if _CJK_NEGATION.search(match.group("gap")):
            continue  # "只输出标签，不需要写理由": no reason wanted
        return ReasonAfterLabel("reason", False, match.start())
    return None


def reason_line(reason: ReasonAfterLabel) -> str:
    """The output line that says what follows the label."""
    return f"After the label, give {'a short' if reason.short else 'the'} {reason.noun}."
