"""A request for the prompt itself is no rule for the assistant.

    Hotel Casa Azul, Seville.
    1. Make a prompt for something that answers guest WhatsApp messages.
    2. Check-in 3pm.

Item 1 is what the requester asks of us (write a prompt), not an order the assistant follows: as a rule it would tell
the assistant to "make a prompt". Its job is what the role line says. So a requirement or a ban whose sentence (list
marker aside) asks for a prompt, or says what "this prompt" is for, is dropped; `META_REQUEST` also lets the composer
keep such a sentence out of the context lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.constraints.model import Constraint
from app.engine.constraints.requester_voice import requester_voice

_MARKER = r"[ \t]*(?:[-*•>]+[ \t]*|\(?\d{1,2}[.)][ \t]*|\(?[a-z][.)][ \t]+)?"
META_REQUEST = re.compile(
    _MARKER + r"(?:(?:ok(?:ay)?|so|hi|hey|please|pls)[\s,]+)*(?:"
    # "Make a prompt for …", "I need a system prompt for …", "Can you write me a prompt that …"
    r"(?:(?:can|could|would)\s+you\s+(?:please\s+)?)?(?:(?:i|we)\s+(?:need|want|would\s+like|'d\s+like)|need|want|"
    r"write|create|generate|build|make|design|draft|give|set\s+up|(?:i'?m|we'?re|i\s+am|we\s+are)\s+"
    r"(?:writing|building|making|creating|drafting))\s+(?:me\s+|us\s+)?(?:(?:a|an|the|one)\s+)?"
    r"(?:(?:good|simple|quick|small|new)\s+)*(?:system\s+)?prompt(?:\s+(?:for|that|which|to)\b|\s*[:.]?\s*$)|"
    # "A system prompt for a helper that …", "The prompt is for the chat widget", "This prompt is for …"
    # (not "Prompt for the booking reference": asking the user for it is a rule)
    r"(?:(?:a|an|the|this|our|my)\s+(?:system\s+)?|system\s+)prompt\s+(?:is\s+|will\s+be\s+|should\s+be\s+)?"
    r"(?:for|that|which)\b|"
    r"(?:this|it)\s+is\s+(?:a|the)\s+(?:system\s+)?prompt\b|"
    # "Necesito un prompt para …", "Ich brauche einen Prompt für …", "Il me faut un prompt pour …"
    r"(?:necesito|necesitamos|quiero|queremos|preciso|precisamos|quero|ich\s+brauche|wir\s+brauchen|"
    r"il\s+(?:me|nous)\s+faut|je\s+veux|nous\s+voulons|mi\s+serve|ci\s+serve|vorrei|ik\s+wil|wij\s+willen)\s+"
    r"(?:de\s+)?(?:un|uma|einen|ein|een)\s+(?:system[\s-]?)?prompt\b)",
    re.IGNORECASE,
)
_RULE_KINDS = frozenset({"requirement", "prohibition"})


def asks_for_prompt(text: str) -> bool:
    """Whether a sentence (or list item) is the requester's request for the prompt itself."""
    return META_REQUEST.match(text) is not None


def without_meta_requests(constraints: Sequence[Constraint]) -> list[Constraint]:
    """The constraints without the rules that only ask for the prompt ("1. Make a prompt for something that …")."""
    return [
        c
        for c in constraints
        if not (
            c.kind in _RULE_KINDS
            and (
                asks_for_prompt(c.text)
                or (c.span is not None and (asks_for_prompt(c.span.text) or requester_voice(c.span.text)))
            )
        )
    ]


def requested_job(text: str) -> str:
    """What a request for a prompt asks the assistant to be, without the request ("I want a prompt for a bot that
    turns notes into tickets" -> "A bot that turns notes into tickets"); '' when it names nothing; the text itself
    when it is no such request."""
    found = META_REQUEST.match(text)
    if found is None:
        return text
    rest = text[found.end() :].strip(" \t:.")
    if len(rest.split()) < 3:
        return ""
    last = found.group(0).split()[-1].lower()
    lead = {"that": "An assistant that ", "which": "An assistant that ", "to": "An assistant to "}.get(last, "")
    return lead + rest if lead else rest[0].upper() + rest[1:]
