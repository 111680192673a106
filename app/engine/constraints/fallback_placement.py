"""Each fallback's own case inside its clause: the comma part's ("for billing point them to X, for anything else
Y"), a condition after the contact, a bare "if they ask" given its topic, a bare "otherwise" given what it is the
otherwise of, and a second condition that narrows the first."""

from __future__ import annotations

import re

from app.engine.constraints.fallback_cases import own_segment_case
from app.engine.constraints.fallback_conditions import find_condition
from app.engine.constraints.model import FoundFallback
from app.engine.constraints.said_instead import banned_case


def placed_conditions(text: str, found: list[FoundFallback], channelled: tuple[str, int] | None) -> list[FoundFallback]:
    """Each fallback's own case: the comma part's, the condition read for the clause, or the one after it."""
    found = sorted(found, key=lambda f: f.start)
    if channelled is not None:
        # "Urgent repairs only by phone on …, everything else by email at …": the email is no urgent repair's; in
        # "…, cancellations by email to …" the later route names its own case
        found = [
            f._replace(condition=own_segment_case(text, f.start)) if f.start >= channelled[1] else f for f in found
        ]
    conditioned = [
        f._replace(condition=_segment_condition(text, f.start) or f.condition or _trailing_condition(text, f.end))
        for f in found
    ]
    conditioned = [
        f._replace(condition=_with_its_topic(text, f.condition) or _ban_routed(text, f)) for f in conditioned
    ]
    return [f._replace(condition=_narrowed(text, f, _otherwise_of(text, f.condition))) for f in conditioned]


# ", send ppl to …", ", point them to …", ", just email …": the comma part that routes a contact
_ROUTES_TO = re.compile(
    r"\s*(?:(?:just|instead|rather|but)\s+)?(?:send|point|direct|refer|redirect|email|e-mail|call|phone|ring|text)\b",
    re.IGNORECASE,
)


def _ban_routed(text: str, found: FoundFallback) -> str | None:
    """ "dont take orders in the chat, send ppl to baodown.co/order": a contact the clause routes to in place of what
    it bans is for that case ("When asked to take orders in the chat"), not for whatever the assistant cannot help
    with."""
    if found.action not in ("email", "phone", "url"):
        return None
    comma = text.rfind(",", 0, found.start)
    if comma < 0 or _ROUTES_TO.match(text, comma + 1, found.start) is None:
        return None
    return banned_case(text, comma + 1)


# "Don't give legal advice about their immigration case - if they ask, tell them …": a bare "if they ask" refers to
# the topic just named
_BARE_ASK = re.compile(
    r"(?:if|when)\s+(?:they|he|she|someone|anyone|the\s+\w+)\s+(?:ask|asks|do|does)|if\s+asked", re.I
)


_TOPIC_BEFORE = re.compile(
    r"\b(?:about|on|regarding|concerning)\s+(?P<topic>[^,;.!?()–—-]{3,60}?)\s*(?:[-–—,;(]|$)", re.I
)


_BANNED_OBJECT = re.compile(
    r"\b(?:give|offer|provide|discuss|share)\s+(?:any\s+)?(?P<topic>[a-z][\w\s-]{2,40}?)\s*(?:[-–—,;(]|$)", re.I
)


_NEGATION = re.compile(r"\b(?:don'?t|do\s+not|never|no|not|avoid)\b", re.IGNORECASE)


def bare_ask(condition: str) -> bool:
    """Whether a condition is an ask with no topic of its own ("If they ask", "if asked")."""
    return _BARE_ASK.fullmatch(condition.strip()) is not None


def names_a_ban(text: str) -> bool:
    """Whether a sentence bans something ("Never say a road is safe")."""
    return _NEGATION.search(text) is not None


def _with_its_topic(text: str, condition: str | None) -> str | None:
    if condition is None or not _BARE_ASK.fullmatch(condition.strip()):
        return condition
    at = text.find(condition)
    clause_start = max(text.rfind(mark, 0, at) for mark in ".;!?\n") + 1 if at > 0 else 0
    clause = text[clause_start:at] if at > 0 else ""
    negations = list(re.finditer(_NEGATION, clause))
    if not negations:
        return condition  # ("Answer questions about bookings; if they ask, …": the topic is no ban)
    banned = clause[negations[-1].end() :]  # (what the ban names, not "questions about bookings" before it)
    topics = list(_TOPIC_BEFORE.finditer(banned)) or list(_BANNED_OBJECT.finditer(banned))
    return f"{condition} about {topics[-1].group('topic').strip()}" if topics else condition


# "If a parcel is missing, check the tracking and the photo: if both say delivered, email claims@…": a second
# condition after a colon narrows the first for what follows it.
_INNER_CONDITION = re.compile(r"[:;]\s*(?P<inner>(?:if|when|unless)\s+[^,;:.!?]{3,80}),", re.IGNORECASE)


def _narrowed(text: str, found: FoundFallback, condition: str | None) -> str | None:
    inner = next((m for m in _INNER_CONDITION.finditer(text, 0, found.start) if m.end() <= found.start), None)
    if condition is None or inner is None:
        return condition
    outer = text.lower().find(condition.lower()[:30])
    if outer < 0 or outer >= inner.start("inner"):
        return condition  # ("VERY IMPORTANT: if anyone mentions gas, …": the colon's condition is the only one)
    words = re.sub(r"^(?:if|when)\s+", "", inner.group("inner"), flags=re.IGNORECASE)
    return f"{condition} and {words}"


_BARE_OTHERWISE = frozenset({"otherwise", "else", "sinon", "sonst", "si no", "senão", "senao", "de lo contrario"})


def _otherwise_of(text: str, condition: str | None) -> str | None:
    """ "give the price if you know it, otherwise say 'price in store'": a bare "otherwise" names what it is the
    otherwise of, so that the rule still reads on its own line."""
    if condition is None or condition.strip(" ,").lower() not in _BARE_OTHERWISE:
        return condition
    at = re.search(rf"\b{re.escape(condition.strip(' ,'))}\b", text, re.IGNORECASE)
    before = text[: at.start()].strip(" ,;-") if at else ""
    if len(before.split()) < 3:
        return condition
    return f'otherwise (when "{before}" does not hold)'


# "recommend booking at example.com/book for anything beyond a quick fix": the condition may follow the contact.
_TRAILING_CONDITION = re.compile(
    r"\s*,?\s+(?P<cond>(?:for\s+anything|for\s+(?:any|all)\s+\w+|if|when|whenever|unless)\b[^,.;:!?]{3,80})",
    re.IGNORECASE,
)


def _trailing_condition(text: str, end: int) -> str | None:
    match = _TRAILING_CONDITION.match(text, end)
    return match.group("cond").strip() if match else None


# "for billing disputes point them to X, for anything else Y": each comma part can carry its own condition.
FOR_CONDITION = re.compile(
    r"^\s*(?:and\s+)?(?P<cond>for\s+(?:any\s+|all\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}?)(?=\s+(?:point|"
    r"send|direct|refer|tell|email|call|contact|escalate|use|reply|say|ask|[\w.+-]+@|https?://|www\.))|"
    # "Voor aanmelden verwijs je naar …", "Per le prenotazioni rimanda a …": the same topic, in the brief's language
    r"^\s*(?P<foreign>(?:voor|für|pour|per|para)\s+[\w'-]+(?:\s+[\w'-]+){0,3}?)(?=\s+(?:verwijs|verweise|stuur|"
    r"schick|renvoie|envoie|rimanda|manda|indirizza|envía|remite|deriva|encaminhe|indique)\b)",
    re.IGNORECASE,
)


_ACTION_START = re.compile(
    r"\s*(?:(?:just|then|please)\s+)?(?:tell|email|call|contact|point|send|direct|refer|ask\s+them|escalate)\b", re.I
)


_FOR_LIST = re.compile(
    r"(?:^|[,;:]\s*)(?P<cond>for\s+(?:that|this|those|these|anything|any|all|questions|issues)\b[^.;:!?]*)$", re.I
)


_ANAPHORA = re.compile(r"^for\s+(?:that|this|those|these)\s*,\s*(?:or|and)\s+(?:for\s+)?", re.I)


def _segment_condition(text: str, position: int) -> str | None:
    """The condition of the comma-separated part that holds `position`, when that part states its own."""
    start = max(text.rfind(mark, 0, position) for mark in ",;") + 1
    segment = text[start:position]
    match = FOR_CONDITION.match(segment)
    if match:
        return match.group("cond") or match.group("foreign")
    if start > 0 and _ACTION_START.match(segment):
        # "for that, or anything about their own pay being short, tell them to email X": the condition runs over
        # the comma parts before the action, from the one that opens with "for".
        opening = _FOR_LIST.search(text, 0, start)
        if opening is not None:
            condition = text[opening.start("cond") : start - 1].strip()
            # "that" points back to a clause this one cannot see; what follows it still says when the contact applies.
            return _ANAPHORA.sub("for ", condition) or None
    if start > 0:
        own = find_condition(segment)
        if own is not None:
            return own
    return None
