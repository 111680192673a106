"""SAF-03: an emergency or crisis line given as the catch-all route ("When you cannot help, tell the user to call
999.", "For anything else, call 024.").

An emergency number (999, 112, 911) or a crisis line (988, 116 123, 024) is for the situation it was set up for.
As the route for everything the assistant cannot handle, it sends ordinary questions (a lost order, a question the
documents do not answer) to emergency services, and hides the crisis line's own condition, which was usually cut
off when the sentence was built. A conditional route ("If they describe chest pain, call 999.") is the right use
and is left alone, as is a catch-all that offers the emergency line beside an ordinary contact for emergencies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.engine.constraints.phones import CRISIS_LINES, EMERGENCY_SERVICES
from app.engine.lint._registry import Hit, rule
from app.engine.lint._text import LintContext
from app.engine.lint.rules.consistency import sentences_containing

# Emergency and crisis numbers (the constraint reader's lists); 101, the UK police's non-emergency line, may well
# be a catch-all for a police service's assistant. Two-digit services (15, 17, 18) never match ROUTE_RE, which
# wants three digits or more: they are also minutes, ages and counts.
EMERGENCY_NUMBERS = (CRISIS_LINES | EMERGENCY_SERVICES) - {"101"}
# A catch-all condition: the route applies to whatever the assistant cannot handle.
CATCHALL_RE = re.compile(
    r"\b(?:when|if|whenever)\s+you\s+(?:cannot|can\s*not|can't|can’t|are\s+unable\s+to|don't|don’t|do\s+not)"
    r"\s+(?:help|answer|assist|resolve|know|find)\b"
    r"|\bfor\s+(?:anything|everything|all)\s+(?:else|other\b)"
    r"|^\s*otherwise\b"
    r"|\bif\s+(?:nothing|none)\s+(?:else\s+)?(?:applies|fits)\b"
    r"|\b(?:when|if)\s+(?:the\s+)?(?:question|answer|request)\s+is\s+(?:not|n't)\s+(?:covered|in)\b",
    re.IGNORECASE,
)
ROUTE_RE = re.compile(
    r"\b(?:call|phone|ring|dial|text)\b[^.\n\d@]{0,40}?(?P<number>\+?\d[\d ().-]{1,18}\d)(?!\d)", re.IGNORECASE
)
# "call 999 in an emergency", "dial 112 if anyone is in danger": the line keeps its own condition.
OWN_CONDITION_RE = re.compile(
    r"^\W{0,3}(?:\)\s*)?(?:in\s+(?:an?\s+)?(?:emergency|emergencies|crisis|danger)|if\s|when\s|for\s+(?:an?\s+)?"
    r"(?:emergency|emergencies|crisis)|for\s+(?:immediate|urgent)\s)",
    re.IGNORECASE,
)
ROUTE_KEYS = ("call", "phone", "ring", "dial", "text")


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


@rule(
    "SAF-03",
    "safety",
    "warning",
    "An emergency line as the catch-all route",
    "An emergency or crisis number (999, 112, 911, 988, 116 123 …) is given for whatever the assistant cannot"
    " handle ('When you cannot help, tell the user to call 999.'), so ordinary questions are sent to emergency"
    " services and the line's own condition is lost. Routes that keep their condition ('call 999 if anyone is in"
    " danger') are not reported.",
)
def emergency_line_as_catchall(ctx: LintContext) -> Iterator[Hit]:
    for sentence in sentences_containing(ctx.doc, ROUTE_KEYS):
        catchall = CATCHALL_RE.search(sentence.body)
        if catchall is None:
            continue
        for route in ROUTE_RE.finditer(sentence.body, catchall.end()):
            number = route.group("number")
            if _digits(number) not in EMERGENCY_NUMBERS:
                continue
            if OWN_CONDITION_RE.match(sentence.body[route.end() :]):
                continue
            start = sentence.start + route.start("number")
            yield Hit(
                start,
                start + len(number),
                f"An emergency or crisis line as the route for everything else: '{sentence.body[:90]}'.",
                "Give the emergency line only with its own condition ('call 999 if anyone is in danger'), and an"
                " ordinary contact (the team's phone or email) for what you cannot help with.",
            )
            break
