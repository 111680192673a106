"""The brief's own words for the unsure path, when they name no contact and quote no reply.

"If you don't know the answer, say that an agent will call them back", "Si no sabes, di que un agente les llamará",
"Wenn du etwas nicht weißt, sag, dass die Rezeption zurückruft": the brief decides what the assistant does when it
cannot answer, so the archetype's default ("reply exactly: I don't know based on the documents") would contradict
it. The fallback reader (`fallbacks.find_fallbacks`) reads addresses, numbers, hand-offs and quoted replies; this
reader reads the rest: a reply described in the brief's own words (action `reply`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from app.engine.constraints import fallbacks
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.model import BriefSpan, Constraint

Span = Callable[[int, int], BriefSpan]

# The case: the assistant does not know, is not sure, or its source does not say.
_UNSURE_CASE = re.compile(
    r"(?P<case>\b(?:"
    # en: "if you don't know (the answer)", "if you're not sure", "if unsure", "when it isn't in the FAQ",
    # "if the answer is not in the listings", "if you can't find it", "if the menu doesn't say"
    r"(?:if|when|whenever)\s+(?:you|it|the\s+(?:bot|assistant))?\s*(?:do\s+not|don'?t|dont|does\s+not|doesn'?t|"
    r"can\s*not|can'?t|cannot|are\s+not|aren'?t|'re\s+not|is\s+not|isn'?t)\s*"
    r"(?:know|sure|certain|find|answer)\b[^,.;:!?\n]{0,50}|"
    r"(?:if|when|whenever)\s+(?:you(?:'re|\s+are)\s+)?(?:unsure|uncertain|in\s+doubt)\b[^,.;:!?\n]{0,40}|"
    r"(?:if|when)\s+(?:the\s+)?(?:answer|info(?:rmation)?|it|that|something|the\s+question)\s+(?:is\s+not|isn'?t|"
    r"'s\s+not|is\s+missing|can'?t\s+be\s+found)\b[^,.;:!?\n]{0,50}|"
    r"(?:if|when)\s+(?:the|our|your)\s+[\w -]{2,30}?\s+(?:does\s+not|doesn'?t)\s+(?:say|cover|answer|mention|"
    r"have)\b[^,.;:!?\n]{0,40}|"
    r"if\s+(?:unsure|in\s+doubt|not\s+sure)|"
    # es / pt / it / fr / de / nl
    r"si\s+no\s+(?:lo\s+)?(?:sabes|sabe|sabéis|est[áa]s?\s+segur[oa]|encuentras|encuentra|tienes\s+la\s+respuesta)|"
    r"si\s+no\s+est[áa]\s+en\b[^,.;:!?\n]{0,40}|en\s+caso\s+de\s+duda|"
    r"se\s+n[ãa]o\s+(?:souber|sabe|tiver\s+certeza|estiver\s+segur[oa]|encontrar|estiver\s+n[oa])\b[^,.;:!?\n]{0,40}|"
    r"em\s+caso\s+de\s+d[úu]vida|"
    r"se\s+non\s+(?:lo\s+)?(?:sai|sa|sei\s+sicur[oa]|trovi|è\s+(?:nel|nella|in))\b[^,.;:!?\n]{0,40}|"
    r"in\s+caso\s+di\s+dubbio|"
    r"si\s+(?:tu\s+ne\s+sais\s+pas|vous\s+ne\s+savez\s+pas|tu\s+n['’]es\s+pas\s+s[ûu]r|vous\s+n['’][êe]tes\s+pas\s+s[ûu]r|"
    r"(?:ce\s+n['’]est|ça\s+n['’]est|la\s+r[ée]ponse\s+n['’]est)\s+pas\s+dans)\b[^,.;:!?\n]{0,40}|"
    r"en\s+cas\s+de\s+doute|"
    r"(?:wenn|falls)\s+(?:du|sie|es)\s+(?:\w+\s+){0,3}?nicht\s+(?:weißt|wissen|weiß|sicher\s+bist|sicher\s+sind|"
    r"findest|finden|steht)\b[^,.;:!?\n]{0,30}|im\s+zweifel|"
    r"als\s+(?:je|u|het)\s+(?:\w+\s+){0,3}?niet\s+(?:weet|zeker\s+bent|vindt|staat)\b[^,.;:!?\n]{0,30}|bij\s+twijfel"
    r"))",
    re.IGNORECASE,
)
# What to do: say, tell, let them know, explain (and the same verbs in the languages the engine reads).
_REPLY_VERB = re.compile(
    r"\s*(?:[,:;–—-]\s*|\s+then\s+|\s+)(?:(?:just|simply|please|entonces|dann|alors|allora|então|dan)\s+)?"
    r"(?P<verb>say|tell\s+(?:them|the\s+(?:user|customer|guest|client|caller|visitor|person)s?)|let\s+them\s+know|"
    r"explain|reply|respond|answer|"
    r"di(?:les?)?|diga(?:les?)?|d[íi]gale(?:s)?|dile(?:s)?|responde|contesta|sag(?:e|en\s+sie)?|antworte|"
    r"dis|dites|r[ée]ponds|r[ée]pondez|diz|dica|d[ìi]|rispondi|zeg|antwoord)\b,?\s*(?:that\s+|que\s+|dass\s+|"
    r"qu['’]\s*|che\s+|dat\s+)?(?P<words>[^\"“«„\n]{2,160}?)\s*(?:[.!?;](?:\s|$)|$)",
    re.IGNORECASE,
)


class UnsureReply(NamedTuple):
    """The unsure case as written, what to reply in the brief's words, and where they are in the clause."""

    case: str
    words: str
    start: int
    end: int


def find_unsure_reply(text: str) -> UnsureReply | None:
    """The reply a clause describes for the unsure case, when no other fallback reader reads the clause."""
    case = _UNSURE_CASE.search(text)
    if case is None:
        return None
    reply = _REPLY_VERB.search(text, case.end())
    between = text[case.end() : reply.start()] if reply is not None else ""
    if reply is None or len(between) > 50 or re.search(r"[.;!?:]", between) or fallbacks.find_fallbacks(text):
        return None  # a contact, a hand-off or a quoted reply: the fallback reader's
    words = reply.group("words").strip().rstrip(",")
    return UnsureReply(case.group("case").strip(), words, case.start(), reply.end("words"))


def describe_unsure_reply(text: str, found: UnsureReply) -> str:
    """The brief's sentence as the rule (in English), or the case and the words quoted (in another language)."""
    said = text[found.start : found.end].strip()
    if is_english(said):
        return f"{said[0].upper()}{said[1:].rstrip('.')}."
    return f'When you do not know the answer or it is not in your sources, reply as the brief says: "{said}".'


def read_unsure_reply(text: str, unquoted: str, span: Span) -> list[Constraint]:
    """The unsure path the clause describes in its own words, as a fallback (action `reply`)."""
    found = find_unsure_reply(text)
    if found is None:
        return []
    return [
        Constraint(
            kind="fallback", text=describe_unsure_reply(text, found), span=span(found.start, found.end),
            action="reply", value=found.words, condition=found.case,
        )
    ]  # fmt: skip
