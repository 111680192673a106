"""Ordering rules that open with their condition ("After they confirm, output the JSON", "Después de que confirme,
envía…", "Nachdem der Kunde bestätigt hat, …"));
"…; only then …"; a first step and the next in other languages."""

from __future__ import annotations

import re

from app.engine.constraints.found_rules import FoundRule, is_english
from app.engine.constraints.ordering_steps import MAX_FIRST_WORDS, starts_with_verb, verb_phrase
from app.engine.constraints.sentence_case import sentence_case
from app.engine.phrasing import VERBS, second_person

# "After they confirm, …", "Only after the check, …" in the languages the engine reads; "once" is left out: "Once a
# week, send …" says how often, not after what.
_AFTER_LEAD = re.compile(
    r"^\s*(?:(?:only|solo|sólo|só|somente|erst|seulement|pas)\s+)?"
    r"(?P<word>after|despu[eé]s\s+de(?:\s+que)?|tras|depois\s+(?:de|que|da|do)|ap[oó]s|nachdem|nach\s+(?:dem|der)|"
    r"apr[eè]s\s+(?:que|avoir|le|la|les|l['’])?|une\s+fois\s+que|dopo\s+(?:che|aver|il|la|l['’])?|nadat)\s*"
    r"(?P<first>[^,;:]{3,120}?)\s*,\s*(?P<then>[^;]{6,300})$",
    re.IGNORECASE,
)


# "After 6pm, …", "after lunch, …", "After school, …": when, not after which step
_WHEN_ONLY = re.compile(
    r"^(?:\d|(?:lunch|dinner|breakfast|school|work|hours|midnight|noon|class|dark|that|this|which|all)\b)",
    re.IGNORECASE,
)


# "After we moved, I started …", "nachdem ich …, habe ich …": the requester's story, no rule for the assistant
_TELLER = re.compile(r"^(?:I|we|ich|wir|yo|nosotros|je|nous|eu|nós|io|noi|ik|wij)\b", re.IGNORECASE)


def after_lead(stripped: str) -> FoundRule | None:
    """ "After they confirm, output ONLY a JSON object": the step held back until what the opening clause says."""
    match = _AFTER_LEAD.match(stripped)
    if match is None:
        return None
    first, then = match.group("first").strip(), match.group("then").strip()
    if _WHEN_ONLY.match(first) or _TELLER.match(first) or _TELLER.match(then):
        return None
    if len(first.split()) > MAX_FIRST_WORDS or len(then.split()) > 30:
        return None
    if is_english(stripped):
        step = verb_phrase(then)
        if not (starts_with_verb(step) or step.split()[0].lower() in VERBS):
            return None  # ("After the storm, the roads were closed": a story, no step)
        sentence = second_person(sentence_case(f"{stripped.strip()}."), "user")
    else:
        sentence = f'Follow this order from the brief: "{stripped.strip()}".'
    return FoundRule(sentence, first, then, 0, len(stripped))


# "…; only then call get_debt", "…; só depois chame consultar_divida", "…, und erst dann …": the later step waits
# for everything the clause said before it
ONLY_THEN = (
    r"(?:(?:and|e|y|und|et|en)\s+)?(?:only\s+(?:then|after\s+that|afterwards)|s[óo]\s+(?:depois|ent[ãa]o)|"
    r"somente\s+depois|s[óo]lo\s+(?:despu[eé]s|entonces|luego)|erst\s+(?:dann|danach|anschlie(?:ß|ss)end)|"
    r"seulement\s+(?:apr[eè]s|ensuite|alors)|pas\s+(?:daarna|dan)|solo\s+(?:dopo|allora|poi))\b"
)
_ONLY_THEN = re.compile(rf"^(?P<first>[^;]{{3,200}}?)\s*[,;]\s*{ONLY_THEN}\s*,?\s*(?P<then>\S.{{2,200}})$", re.I)
ONLY_THEN_NEXT = re.compile(rf"\s*{ONLY_THEN}", re.IGNORECASE)


def only_then(stripped: str) -> FoundRule | None:
    """ "Confirm the customer's date of birth; only then call get_debt": the second step waits for the first."""
    match = _ONLY_THEN.match(stripped)
    if match is None:
        return None
    return _said_whole(stripped, match.group("first").strip(), match.group("then").strip())


# "First it should ask 5 questions, and only after all 5 answers write the draft", "primeiro uma dica, depois outra
# dica", "zuerst die Rechnung prüfen, dann antworten": a first step and the next, in the brief's words
_FIRST_THEN_ANY = re.compile(
    r"^(?:[^,;:]{0,40}?\b)?(?:first(?:ly)?|primero|primeiro|zuerst|erst|d['’]abord|prima|eerst)\b\s*,?\s*"
    r"(?P<first>.{3,200}?)\s*[,;]\s*(?:(?:and|y|e|und|et|en)\s+)?"
    r"(?:(?:only|s[óo]lo|s[óo]|erst|seulement|pas)\s+)?"
    r"(?:after|then|luego|despu[eé]s|depois|dann|danach|puis|ensuite|poi|dopo|daarna|dan)\b\s*(?P<then>\S.{2,300})$",
    re.IGNORECASE,
)


def first_then(stripped: str) -> FoundRule | None:
    """A first step and what follows it, said with the order words of any language the engine reads; English takes
    only the gate ("and only after …"), which the general reader would split wrongly."""
    match = _FIRST_THEN_ANY.match(stripped)
    if match is None:
        return None
    english = is_english(stripped)
    if english and not re.search(r"\bonly\s+after\b", stripped, re.IGNORECASE):
        return None  # (plain "first …, then …" in English has its own reader)
    first, then = match.group("first").strip(), match.group("then").strip()
    if _TELLER.match(first) or len(first.split()) > 30:
        return None  # "first I write the notes, then …": the requester's day
    return _said_whole(stripped, first, then)


# "nunca confirmes una reserva sin haber llamado antes a esa función", "bestätige nie eine Buchung, ohne vorher
# verfuegbarkeit aufzurufen", "ne confirme jamais sans avoir d'abord appelé …": a ban held until a step is done first
_GATED_BAN = re.compile(
    r"\b(?:nunca|jam[áa]s|no|nie|niemals|kein\w*|jamais|mai|non|não|nao|nooit|niet)\b\s*(?P<then>[^,;]{3,120}?)\s*,?\s*"
    r"\b(?:sin|ohne|sans|senza|sem|zonder)\s+(?:haber\s+|avoir\s+|aver\s+|ter\s+)?"
    r"(?:(?:antes|vorher|zuerst|d['’]abord|prima|primeiro|eerst|previamente)\s+)?(?P<first>[^,;]{3,120})$",
    re.IGNORECASE,
)
_FIRST_MARK = re.compile(r"\b(?:antes|primero|vorher|zuerst|d['’]abord|avant|prima|primeiro|eerst|previamente)\b", re.I)


def gated_ban(stripped: str) -> FoundRule | None:
    """ "nunca confirmes una reserva sin haber llamado antes a esa función": in another language, the step held back
    until the one said first (English has its own reader: "never … without … first")."""
    match = _GATED_BAN.search(stripped)
    if match is None or is_english(stripped) or _FIRST_MARK.search(match.group(0)) is None:
        return None
    return _said_whole(stripped, match.group("first").strip(), match.group("then").strip())


def _said_whole(stripped: str, first: str, then: str) -> FoundRule:
    """The brief's own sentence as the rule: in English as an instruction, elsewhere quoted."""
    if is_english(stripped):
        sentence = second_person(sentence_case(f"{stripped.strip()}."), "user")
    else:
        sentence = f'Follow this order from the brief: "{stripped.strip()}".'
    return FoundRule(sentence, first, then, 0, len(stripped))
