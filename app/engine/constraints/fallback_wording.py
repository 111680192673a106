"""The prompt's sentence for a fallback ("If unsure, tell the user to email help@acme.com."), for several contacts
under one case, and where a fixed reply's words go when they stand in for one missing detail."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.constraints.fallback_handoffs import TOOL_CALL
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.model import FallbackAction, FoundFallback
from app.engine.constraints.phones import CRISIS_LINES, EMERGENCY_SERVICES

_ACTION_VERB = r"(?:connect|transfer|escalate|hand|pass|route|forward|refer|offer|direct|point|send|signpost)\b"


# A condition too short for language identification that still opens with another language's "if"/"whoever".
_FOREIGN_LEAD = re.compile(
    r"(?:wer|wenn|falls|bei|si|cuando|quien(?:es)?|quand|lorsque|se|quando|als|wanneer|indien|qualora|caso|"
    r"em\s+caso|en\s+caso|en\s+cas|ante|pour|para|im\s+falle?|heeft|hebben|zit|vraagt|krijgt|hat|haben|braucht|fragt|"
    r"bekommt|meldet|"
    # ("Perguntas fora destes temas", "Domande al di fuori …": a case that opens with the questions it is for)
    r"perguntas?|preguntas?|domande?|fragen?|vragen?|demandes?)\b",
    re.IGNORECASE,
)


# 'If the notes don't give a dose, write "dose not recorded"', 'put "N/A"', 'mark it as "unknown"': words that
# stand in for one missing detail inside a longer reply, not the whole reply.
_IN_PLACE_VERB = re.compile(
    r"\b(?:write|put|enter|fill\s+in|mark\s+(?:it|them)(?:\s+as)?|use|insert|show|escribe|pon|schreib|"
    r"trage|écris|mets|escreva|coloque|scrivi|metti|schrijf|zet)\s*:?\s*[\"“'‘«]$",
    re.IGNORECASE,
)


_DESTINATION = re.compile(
    r"^[\"”’»']?\s+(?P<where>(?:in|into|under)\s+(?:the\s+|that\s+|its\s+)?[\w-]+"
    r"(?:\s+(?:field|column|cell|box|row|section))?)\b"
)


def written_in_place(text: str, found: FoundFallback) -> str | None:
    """Where a conditioned 'say' fallback writes its words when they stand in for a missing detail ('write "not
    stated" in Value' -> "in Value"; 'write "dose not recorded"' -> "in its place"), or None when they are the whole
    reply ("reply 'I can't help with that'")."""
    if found.action != "say" or found.condition is None:
        return None
    if _IN_PLACE_VERB.search(text[max(0, found.start - 30) : found.start]) is None:
        return None
    destination = _DESTINATION.match(text[found.end :])
    if destination:
        return destination.group("where")
    if found.value.rstrip("\"'”’»").endswith((".", "!", "?")):
        return None  # 'If you don't know, write "Sorry, I don't know - please ask at reception."': the whole reply
    return "in its place"


_CONTACT_VERBS = {"email": "email", "phone": "call", "url": "go to"}


def describe_contacts(
    contacts: Sequence[tuple[FallbackAction, str]], condition: str | None, *, either: bool = True
) -> str:
    """One sentence for several contacts under one condition ("…, tell the user to email rrhh@… or call 2105"),
    instead of the condition said once per contact; contacts are (action, value) pairs of email, phone or url.
    `either` says the brief offers them as alternatives; otherwise the person is to use each ("112 sowie …")."""
    lead = _lead(contacts[0][0], contacts[0][1], condition)
    joiner = f" {'or' if either else 'and'} "
    if len({action for action, _ in contacts}) == 1:  # "call 112 and 0800 393 0000"
        ways = f"{_CONTACT_VERBS[contacts[0][0]]} {joiner.join(value for _, value in contacts)}"
    else:
        ways = joiner.join(f"{_CONTACT_VERBS[action]} {value}" for action, value in contacts)
    return f"{lead}tell the user to {ways}."


# "email X or call Y", "X o Y", "X oder Y": the brief offers alternatives between two contacts.
ALTERNATIVE = re.compile(r"\b(?:or|o|ou|oder|oppure|eller|lub|veya)\b|或|または", re.IGNORECASE)


# A case of its own between two contacts ("call us on … and if we're closed call the PoisonLine …"): not one sentence.
OWN_CASE = re.compile(
    r"\b(?:if|when|unless|otherwise|out\s+of\s+hours|after\s+hours|si|cuando|wenn|falls|sonst|quand|sinon|se|quando)\b",
    re.IGNORECASE,
)


def describe_fallback(
    action: FallbackAction,
    value: str,
    condition: str | None,
    *,
    in_place: str | None = None,
    channel: str | None = None,
    also: bool = False,
) -> str:
    """The imperative sentence for a fallback, keeping the address, number, URL or wording exactly; `channel` is how
    a number is reached when it is no line to call (a template: "text {}", "message {} on WhatsApp"); `also` says the
    brief adds the contact to its case's first route."""
    lead = _lead(action, value, condition)
    if also and action in ("email", "phone", "url"):
        lead = f"{lead}also "  # "Il peut aussi rappeler le 116 006": said as well as the case's first route
    if action == "email":
        return f"{lead}tell the user to email {value}."
    if action == "phone":
        return f"{lead}tell the user to {(channel or 'call {}').format(value)}."
    if action == "url":
        return f"{lead}point the user to {value}."
    if action == "handoff":
        if TOOL_CALL.match(value):
            # "call escalate_to_agent(order_id, summary) and tell them …": the assistant calls its hand-off tool
            return f"{lead}{value[0].lower()}{value[1:]}."
        if not is_english(value):
            return f'{lead}refer the user as the brief says: "{value}".'
        if re.match(_ACTION_VERB, value, re.IGNORECASE):
            return f"{lead}{value[0].lower()}{value[1:]}."
        if re.match(r"(?:talk|speak|see|consult|contact|reach|call)\b", value, re.IGNORECASE):
            return f"{lead}tell the user to {value}."
        return f'{lead}offer to hand the conversation to a human agent ("{value}").'
    if in_place:
        return f'{lead}write "{value}" {in_place}.'
    return f'{lead}reply exactly: "{value}"'


# "or text 686868", "también por WhatsApp en el 600 000 016", "SMS an 12345": a number to write to, not to call
_TEXT_BEFORE = re.compile(
    r"\b(?:text|sms|texto|mensaje|simsen|envía\s+un\s+sms)(?:\s+(?:us|them|it|on|to|at|an|al|a))*\s*$", re.I
)


_WHATSAPP_BEFORE = re.compile(r"\bwhats\s?app\b[^.\n\d]{0,15}$", re.IGNORECASE)


def message_channel(text: str, start: int) -> str | None:
    """How a phone number is reached when the brief says to write to it ("text {}", "message {} on WhatsApp"), as a
    template for the number, or None."""
    before = text[max(0, start - 30) : start]
    if _WHATSAPP_BEFORE.search(before):
        return "message {} on WhatsApp"
    if _TEXT_BEFORE.search(before):
        return "text {}"
    return None


def _lead(action: FallbackAction, value: str, condition: str | None) -> str:
    """When a fallback applies, as the opening of its sentence ("If unsure, ", "When you cannot help, ")."""
    condition = condition.rstrip(" :;,") if condition else condition  # "… right now: tell them to call 911"
    if condition and condition.startswith("otherwise ("):
        lead = f"O{condition[1:]}, "
    elif condition and (not is_english(condition) or _FOREIGN_LEAD.match(condition)):
        lead = f'When this applies ("{condition}"), '
    elif condition is None and action == "phone" and "".join(ch for ch in value if ch.isdigit()) in EMERGENCY_SERVICES:
        lead = "In an emergency, "  # "112" with no case of its own: never the line for whatever you cannot answer
    elif condition is None and action == "phone" and "".join(ch for ch in value if ch.isdigit()) in CRISIS_LINES:
        lead = "If the user is in crisis or may harm themselves, "  # ("Samaritans 116 123", no case: the same)
    else:
        lead = (condition[0].upper() + condition[1:] + ", ") if condition else "When you cannot help, "
    if not condition and action == "say":
        lead = "When you cannot help, "
    return lead
