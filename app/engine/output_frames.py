"""Frames the brief's own output decides: a JSON record read from each text it is given is an extractor's job, and
a reply with a label line appended keeps the reply's job with the labeller as one part of it."""

from __future__ import annotations

import re
from collections.abc import Sequence

import msgspec

from app.engine.archetypes import BY_ID, FALLBACK_ID, REGISTRY
from app.engine.archetypes.variants import ASKS_QUESTIONS
from app.engine.classify import ArchetypeMatch
from app.engine.constraints import Constraint

ANSWER_KEYS = frozenset({"answer", "reply", "response", "summary", "text", "draft", "message", "explanation"})
"""Keys of a JSON record that would hold a written answer."""

# A label line appended to each reply: "at the end of each reply add a new line", "end every answer with a line",
# "al final de cada respuesta añade una línea", "à la fin de chaque réponse, ajoute une ligne".
_REPLY_NOUN = (
    r"(?:replies|reply|answers?|responses?|messages?|respuestas?|mensajes?|réponses?|antwort(?:en)?|"
    r"nachrichten?|rispost[ae]|messaggi|respostas?|mensage(?:m|ns)|antwoord(?:en)?|berichten?)"
)
LABEL_LINE_AFTER_REPLY = re.compile(
    r"\b(?:at\s+the\s+(?:end|bottom)\s+of|after|below|under(?:neath)?|al\s+final\s+de|debajo\s+de|à\s+la\s+fin\s+de|"
    r"apr[èe]s|am\s+Ende|unter|nach|alla\s+fine\s+di|dopo|no\s+final\s+d[eao]|depois\s+d[eao]|aan\s+het\s+eind\s+van|"
    r"onder)\s+(?:(?:each|every|your|the|cada|chaque|jede[rsn]?|ogni|elke?|tu|tus|ta|tes|deine[rsn]?|la\s+tua|"
    r"sua)\s+)?(?:\w+\s+){0,2}?" + _REPLY_NOUN + r"\b[^\n]{0,80}?\b(?:lines?|línea|ligne|Zeile|riga|linha|regel)\b|"
    r"\bend\s+(?:each|every|your)\s+(?:\w+\s+){0,2}?" + _REPLY_NOUN + r"\s+with\s+(?:a|one)\s+(?:\w+\s+){0,2}?line\b",
    re.IGNORECASE,
)


def label_line_joins(matches: list[ArchetypeMatch]) -> list[ArchetypeMatch]:
    """The reply's own job leads and the labeller joins it for the appended label line (never as the lead: its
    one-label reply would drop the reply the label is appended to)."""
    labeller = next(a for a in REGISTRY if a.uses_labels)
    found = next((m for m in matches if m.id == labeller.id), None)
    rest = [m for m in matches if m is not found]
    if not rest:
        rest = [ArchetypeMatch(id=FALLBACK_ID, score=found.score if found else 0, features=["reply with a label line"])]
    joined = found or ArchetypeMatch(id=labeller.id, score=0, features=["label line"])
    return [
        msgspec.structs.replace(rest[0], rank="primary"),
        msgspec.structs.replace(joined, rank="secondary"),
        *(msgspec.structs.replace(m, rank="secondary") for m in rest[1:2]),
    ]


# Each text the assistant is given, named by what it is: "each note", "per ogni email", "cada mensaje", "chaque mail".
_EACH_TEXT = re.compile(
    r"\b(?:each|every|per\s+ogni|ogni|cada|chaque|jede[nrs]?|elke?|por\s+cada|para\s+cada|pour\s+chaque)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:notes?|e-?mails?|mails?|messages?|tickets?|reports?|letters?|transcripts?|entries|entry|"
    r"listings?|invoices?|receipts?|documents?|texts?|records?|submissions?|requests?|enquir(?:y|ies)|inquir(?:y|ies)|"
    r"notiz(?:en)?|nachrichten?|anfragen?|correos?|mensajes?|notas?|solicitud(?:es)?|messaggi|messaggio|richiest[ae]|"
    r"courriels?|demandes?|mensage(?:m|ns)|berichte?n?|aanvra(?:ag|gen))\b",
    re.IGNORECASE,
)


def reads_a_record(matches: Sequence[ArchetypeMatch], constraints: Sequence[Constraint], task: str) -> bool:
    """ "I need each note turned into JSON for our job tracker, exactly these keys": a reply that is JSON only, read
    from each text the assistant is given, is a record of that text; a job that would write prose or question a
    person (an e-mail drafter, the general assistant's intake chat) yields to the extractor: whether that is so."""
    if not matches or matches[0].id not in BY_ID or not BY_ID[matches[0].id].yields_to_read_record:
        return False
    if not any(c.kind == "format" and c.value == "json" for c in constraints) or ASKS_QUESTIONS.search(task):
        return False
    keys = {v.lower() for c in constraints if c.kind in ("schema", "fields") and c.value != "collect" for v in c.values}
    # {"reply": …}: a drafted answer in a JSON envelope is still the drafter's job
    return not keys & ANSWER_KEYS and _EACH_TEXT.search(task) is not None
