"""Fallbacks: what to do when the assistant cannot help ("if unsure, email help@acme.com", "escalate to a human")."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.constraints.model import FallbackAction
from app.engine.constraints.rules import is_english

EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
URL = re.compile(r"\bhttps?://[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]|\bwww\.[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]")
PHONE = re.compile(r"(?<![\w$€£.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{5,16}\d(?![\w%])")
_HANDOFF = re.compile(
    r"\b(?:connect|transfer|escalate|hand(?:\s+(?:it|them|the\s+\w+))?\s+(?:off|over)|pass|route|forward|refer|"
    r"put\s+(?:them|the\s+\w+)\s+through|offer)\b[^.;]{0,60}?\b(?:human|agent|person|representative|rep|specialist|"
    r"staff(?:\s+member)?|team(?:\s+member)?|manager|supervisor|operator|support(?:\s+team)?|live\s+chat|colleague|"
    r"nurse|doctor|clinician|lawyer|advisor|adviser)s?\b(?:\s+(?:agent|representative|rep|colleague|member|team))?s?|"
    r"\b(?:human|live)\s+(?:agent|handoff|hand-off|support)\b|"
    r"\b(?:derivar?|deriva|escalar?|escala|transferir|transfiere|pasar?)\b[^.;]{0,40}\b(?:agente|humano|persona|"
    r"especialista|equipo)\b|\b(?:weiterleiten|übergeben|eskalieren|leite)\b[^.;]{0,40}|"
    r"\b(?:mitarbeiter|menschlichen?\s+\w+)\b[^.;]{0,30}\b(?:weiter|verbinden|übergeben)|"
    r"\b(?:transférer|transfère|escalader|rediriger|redirige)\b[^.;]{0,40}\b(?:agent|humain|conseiller|équipe)\b|"
    r"\b(?:encaminhar?|encaminhe|transferir|transfira|escalar?)\b[^.;]{0,40}\b(?:agente|humano|atendente|equipe)\b|"
    r"有人工|人工客服|转人工|担当者|オペレーター",
    re.IGNORECASE,
)
_SAY = re.compile(
    r"\b(?:say|reply|respond|answer|tell\s+(?:them|the\s+\w+|users?)|write|output|return)\s*(?:with|:)?\s*(?:exactly\s*:?\s*)?"
    r"(?P<q>[\"“'‘«])(?P<say>[^\"”’»]{3,200}?)(?:[\"”’»]|'(?=\s|$|[.,;]))|"
    r"\b(?:di|responde|diga|responda|sag|antworte|dis|réponds|dites)\s*:?\s*(?P<q2>[\"“'‘«])(?P<say2>[^\"”’»]{3,200}?)[\"”’»]",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?:if|when|whenever|in\s+case|unless|should\s+(?:a|the)\s+\w+|for\s+anything\s+(?:else|outside)|otherwise|"
    r"si|cuando|wenn|falls|sonst|quand|lorsque|sinon|caso|quando|se(?=\s+(?:o|a|não|você|houver)\b))\b"
    r"[^,;.]*?(?=,|;|\.(?:\s|$)|$|\s+(?:tell|say|reply|respond|email|call|offer|escalate|direct|ask|point|refer|"
    r"send|hand|connect|transfer|then|di|responde|sag|dis|diga)\b)",
    re.IGNORECASE,
)
_CONTACT_VERB = re.compile(
    r"\b(?:email|e-mail|mail|contact|call|phone|ring|reach|write\s+to|direct|refer|send|point|tell|visit|go\s+to|"
    r"escalate|forward|ask\s+them|support|help|escribe|contacta|llama|schreib|kontaktier|ruf|écri|contacte|appel|"
    r"contate|ligue|envie)\w*",
    re.IGNORECASE,
)


class FoundFallback(NamedTuple):
    """A fallback: the action, its exact value (address, number, URL, or words to say), condition and extent."""

    action: FallbackAction
    value: str
    condition: str | None
    start: int
    end: int


def _phones(text: str, taken: list[tuple[int, int]]) -> list[re.Match[str]]:
    phones: list[re.Match[str]] = []
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if not 7 <= len(digits) <= 15 or any(s <= match.start() < e for s, e in taken):
            continue
        # Dates and plain numbers ("2024-01-05", "1000000") are not phone numbers.
        raw = match.group(0).strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw) or (raw.isdigit() and len(digits) < 10):
            continue
        phones.append(match)
    return phones


def find_condition(text: str) -> str | None:
    """The condition phrase of a clause ("if unsure", "when the customer is angry"), as written."""
    match = _CONDITION.search(text)
    if not match:
        return None
    condition = match.group(0).strip().rstrip(",")
    return condition if len(condition.split()) >= 2 or condition.lower() in {"otherwise", "sonst", "sinon"} else None


def find_fallbacks(text: str) -> list[FoundFallback]:
    """Every fallback stated in one clause."""
    condition = find_condition(text)
    found: list[FoundFallback] = []
    taken: list[tuple[int, int]] = []
    contact_context = condition is not None or bool(_CONTACT_VERB.search(text))
    for match in EMAIL.finditer(text):
        found.append(FoundFallback("email", match.group(0), condition, match.start(), match.end()))
        taken.append((match.start(), match.end()))
    for match in URL.finditer(text):
        if any(s <= match.start() < e for s, e in taken) or not contact_context:
            continue
        found.append(FoundFallback("url", match.group(0), condition, match.start(), match.end()))
        taken.append((match.start(), match.end()))
    if contact_context:
        for match in _phones(text, taken):
            value = match.group(0).strip()
            found.append(FoundFallback("phone", value, condition, match.start(), match.end()))
    handoff = _HANDOFF.search(text)
    if handoff and (
        condition is not None or re.search(r"\b(?:offer|escalate|hand|transfer|connect)", text, re.IGNORECASE)
    ):
        found.append(FoundFallback("handoff", handoff.group(0).strip(), condition, handoff.start(), handoff.end()))
    say = _SAY.search(text)
    if say and (
        condition is not None
        or re.search(
            r"\b(?:otherwise|else|can'?t|cannot|unable|refuse|decline|out of scope|off-topic)\b", text, re.IGNORECASE
        )
    ):
        words = say.group("say") or say.group("say2")
        start = say.start("say") if say.group("say") else say.start("say2")
        end = start + len(words)
        # An address or number inside the words to say is part of that reply, not a fallback of its own.
        found = [f for f in found if not start <= f.start < end]
        found.append(FoundFallback("say", words.strip(), condition, start, end))
    found.sort(key=lambda f: f.start)
    return found


def describe_fallback(action: FallbackAction, value: str, condition: str | None) -> str:
    """The imperative sentence for a fallback, keeping the address, number, URL or wording exactly."""
    if condition and not is_english(condition):
        lead = f'When this applies ("{condition}"), '
    else:
        lead = (condition[0].upper() + condition[1:] + ", ") if condition else "When you cannot help, "
    if not condition and action == "say":
        lead = "When you cannot help, "
    if action == "email":
        return f"{lead}tell the user to email {value}."
    if action == "phone":
        return f"{lead}tell the user to call {value}."
    if action == "url":
        return f"{lead}point the user to {value}."
    if action == "handoff":
        if re.match(r"(?:connect|transfer|escalate|hand|pass|route|forward|refer|offer)\b", value, re.IGNORECASE):
            return f"{lead}{value}."
        return f'{lead}offer to hand the conversation to a human agent ("{value}").'
    return f'{lead}reply exactly: "{value}"'
