"""A list of cases before a colon whose action is a fixed reply: "- severe pain, vomiting so they can't keep anything
down, or fainting: reply only "Call 111 now." nothing else", "* Brustschmerzen, Ohnmacht oder Blutung: nur „…"
antworten".

Such a line is often written in lower case in a rule list, and its items may say what the user cannot do ("they can't
keep the prep down"). The colon-case reader wants a capital and reads any "can't" as the catch-all, so the reply lost
its list and became the reply for whatever the assistant cannot help with. Here the list is the case, whatever its
case of letters, as long as the words after the colon fix what to reply.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.engine.constraints.fixed_text import NEGATED_SAY

# An optional list marker, the listed cases (no sentence stop, no quote), a colon, then the reply's opener.
_LISTED = re.compile(
    r"\s*(?:[-*•]\s*|\d{1,2}[.)]\s*)?(?P<case>[^\W\d_][^:\n.;!?\"“«„]{3,200}?)\s*:\s+(?P<after>\S.*)", re.S
)
# What the words after the colon open with when they fix the reply: "reply only", "say exactly", a quote, "nur „…""
_FIXED_AFTER = re.compile(
    r"(?:(?:reply|respond|answer|say|write|antworte|antworten|réponds|répondre|responde|responder|rispondi|"
    r"antwoord)\s+(?:with\s+)?(?:only|exactly|just|verbatim|nur|genau|uniquement|exactement|solo|solamente|"
    r"exactamente|alleen|precies)\b|(?:only|just|nur|uniquement|solo|alleen|seulement|apenas)\s*:?\s*[\"“«„']|"
    r"[\"“«„])",
    re.IGNORECASE,
)
# The items a list of cases is joined by: commas and a last "or"/"and" in the supported languages
_JOINED = re.compile(r",|\s(?:or|and|oder|und|ou|et|o|y|e|of|en)\s", re.IGNORECASE)
# An item that says the assistant cannot answer ("anything you can't answer"): the catch-all, not a listed case
_ASSISTANT_STUCK = re.compile(
    r"\b(?:you|we|i|it|the\s+(?:bot|assistant))\s+(?:can'?t|cannot|can\s+not|don'?t\s+know)\b|"
    r"\b(?:unsure|not\s+sure|out\s+of\s+scope|anything\s+else|everything\s+else)\b",
    re.IGNORECASE,
)
# A head that names no case of its own but everything left ("not covered by the policy", "anything else",
# "otherwise", "nicht in …", "sinon", "lo demás"), or one that already routes with an arrow: no list of cases
_GENERAL_HEAD = re.compile(
    r"\s*(?:not\s+(?:covered|listed|mentioned|found)\b|not\s+(?:in|on)\s+(?:the|our|this|your|a|any)\b|"
    r"anything\s+else|everything\s+else|otherwise|"
    r"nicht\s+(?:abgedeckt|erwähnt|aufgeführt)\b|nicht\s+(?:in|im)\s+(?:der|den|dem|die|das|unserer?|dieser?)?\b|"
    r"alles\s+andere|sonst(?:iges)?\b|ansonsten|"
    r"pas\s+(?:couvert|dans|mentionné)|non\s+couvert|tout\s+le\s+reste|sinon\b|autrement|"
    r"no\s+(?:cubierto|incluido|aparece\s+en|está\s+(?:en|cubierto|incluido))\b|(?:todo\s+)?lo\s+demás|"
    r"cualquier\s+otr[ao]|de\s+lo\s+contrario)|"
    r"[^\n]*(?:->|→|=>|⇒|➔)",
    re.IGNORECASE,
)
# A head that is a ban or announces the reply itself ("Don't give budgeting or benefits advice, say: "…""): the
# colon opens the words said in place of the ban, not a list of cases
_BAN_OR_SAY_HEAD = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:don'?t|do\s+not|never|nie)\b|"
    r"\b(?:say|reply|respond|answer|sag|sage|antworte|dis|réponds|di|responde)\s*$",
    re.IGNORECASE,
)
# A reply verb inside the head ("Pupil mentions self-harm, bullying or trouble at home, reply only:", "Schrijft iemand
# over zelfmoord …, antwoord dan met:", "…, responde solo:"): the head is a condition sentence and its reply, no list
_REPLY_IN_HEAD = re.compile(
    r"\b(?:reply|replies|respond|answer|say|write|antwort\w*|antwoord\w*|respond\w*|répond\w*|rispond\w*|sag|sage)\b",
    re.IGNORECASE,
)
_MAX_ITEM_WORDS = 10


def listed_case(text: str) -> str | None:
    """The list of cases a clause opens with before a colon when what follows fixes the reply, as the reply's
    condition ("For severe pain, vomiting or fainting"), else None."""
    match = _LISTED.match(text)
    if match is None or _FIXED_AFTER.match(match.group("after")) is None:
        return None
    case = " ".join(match.group("case").split())
    items = [item for item in _JOINED.split(case) if item.strip()]
    if len(items) < 2 or any(len(item.split()) > _MAX_ITEM_WORDS for item in items):
        return None  # one phrase ("Closing line: "…"") or a sentence: no list of cases
    if _ASSISTANT_STUCK.search(case) or _GENERAL_HEAD.match(case) or _BAN_OR_SAY_HEAD.search(case):
        return None
    if _REPLY_IN_HEAD.search(case):
        return None
    return f"For {case[0].lower() if case[1:2].islower() else case[0]}{case[1:]}"


def condition_words(task: str, condition: str | None, start: int) -> tuple[int, int] | None:
    """Where a route's listed condition ("For severe pain, vomiting or fainting") is written on its line, before the
    route at `start`: the brief says those words by the route's rule, so no part of them is a rule of its own."""
    if not condition or not condition.startswith("For "):
        return None
    words = condition[4:]
    line_start = task.rfind("\n", 0, start) + 1
    at = task.lower().find(words.lower(), line_start, start)
    return (at, at + len(words)) if at >= 0 else None


# 'reply exactly No findings. Ship it.', 'antworte genau Alles gut. Nichts zu tun.': an unquoted reply after "exactly"
# with no colon; it runs to the end of its line, whatever full stops it holds
_EXACT_LINE = re.compile(
    r"\b(?:reply|respond|answer|say|output|return|write|antworte|antworten|sag|réponds|répondre|responde|responder|"
    r"rispondi|antwoord)\s+(?:with\s+)?(?:exactly|exactement|exactamente|esattamente|genau|precies|wörtlich|verbatim)"
    r"\s+(?P<words>(?-i:[A-ZÀ-Ý])[^\n\"“”«»„]{1,160}?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def exact_line_reply(text: str) -> tuple[str, int] | None:
    """The unquoted words a clause fixes after "reply exactly" (to its line's end) and where they start, or None."""
    match = next(_exact_lines(text), None)
    return (match.group("words"), match.start("words")) if match else None


def exact_line_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each unquoted reply after "reply exactly" (see `exact_line_reply`): no full stop in it ends
    the brief's sentence."""
    return [(m.start("words"), m.end("words")) for m in _exact_lines(text)]


def _exact_lines(text: str) -> Iterator[re.Match[str]]:
    """Each "reply exactly …" the clause asks for, not one it forbids ("never reply exactly NO_DATA.")."""
    return (m for m in _EXACT_LINE.finditer(text) if not NEGATED_SAY.search(text[max(0, m.start() - 20) : m.start()]))
