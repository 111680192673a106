"""CLR-10: two different contacts (phone numbers or email addresses) for the same situation, e.g. a safety pack's
"if the person describes signs of an emergency (chest pain, …), call 020 7946 0321" beside the brief's "999 for
chest pain". Only conditions that are the same, or one listed as an example of the other, are compared: a narrower
situation ("urgent and not covered") may well have its own contact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from app.engine.lint._registry import Hit, rule
from app.engine.lint._text import LintContext, Sentence
from app.engine.lint.rules.consistency import sentences_containing

# Every sentence with a contact has an "@" or one of these verbs; the others are never looked at.
ROUTE_KEYS = ("@", "call", "phone", " ring ", "dial", " text ", "contact")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A number to call: "call 999", "ring the ward on 020 7946 0321", "text 988".
PHONE_ROUTE_RE = re.compile(
    r"\b(?:call|phone|ring|dial|text|contact)\b[^.\n\d@]{0,40}?(?P<number>\+?\d[\d ().-]{1,18}\d|\d{3})(?!\d)",
    re.IGNORECASE,
)
# "… on 020 7946 0321, or 999 for chest pain": a further number after a route, with "or".
OR_PHONE_RE = re.compile(r",?\s+or\s+(?:on\s+|call\s+|dial\s+)?(?P<number>\+?\d[\d ().-]{1,18}\d|\d{3})(?!\d)")
CONDITION_RE = re.compile(
    r"\b(?:if|when|whenever|in\s+case)\b(?P<condition>[^,;:]{3,240}?)(?=,|\s(?:then|tell|call|ask|send|direct|refer"
    r"|give|say|point|urge|advise|have)\b)",
    re.IGNORECASE,
)
# "… on 020 7946 0321, or 999 for chest pain": a route with a condition of its own.
OWN_CONDITION_RE = re.compile(r"\s*(?:\)\s*)?(?:for|if|when)\s+(?P<condition>[^,;.]{3,120})", re.IGNORECASE)
CONDITION_WORD_RE = re.compile(r"[a-z]{2,}")
GENERIC_CONDITION_WORDS = frozenset(
    (
        *("user", "users", "customer", "customers", "person", "people", "someone", "anyone", "they", "their", "them"),
        *("he", "she", "it", "we", "us", "you", "your", "the", "an", "any", "some", "or", "and", "of", "to", "in"),
        *("on", "at", "for", "with", "about", "is", "are", "be", "has", "have", "had", "this", "that", "there"),
        *("asks", "ask", "says", "say", "mentions", "mention", "describes", "describe", "wants", "want", "needs"),
        *("need", "reports", "report", "signs", "sign", "seems", "seem", "appears", "feels", "feel", "writes"),
        *("tells", "gets", "something", "anything", "such", "as", "like", "other", "also", "still", "re", "s"),
    )
)
CONDITION_STEM = 5


class Route(NamedTuple):
    """A contact the prompt sends the user to, and the situation it is for."""

    sentence: Sentence
    kind: str
    value: str
    condition: frozenset[str]
    examples: frozenset[str]
    """What the condition lists in brackets as examples of it ("an emergency (chest pain, trouble breathing)")."""
    start: int
    end: int


def _stems(text: str) -> frozenset[str]:
    return frozenset(
        word[:CONDITION_STEM] for word in CONDITION_WORD_RE.findall(text.lower()) if word not in GENERIC_CONDITION_WORDS
    )


BRACKETED_RE = re.compile(r"\(([^()]*)\)")


def _routes(sentence: Sentence) -> Iterator[Route]:
    body = sentence.body
    # Commas inside brackets list examples; they do not end the condition.
    flat = BRACKETED_RE.sub(lambda m: m.group(0).replace(",", " "), body)
    condition = CONDITION_RE.search(flat)
    if condition is None:
        return
    general = _stems(condition.group("condition"))
    examples = _stems(" ".join(BRACKETED_RE.findall(condition.group("condition"))))
    found: list[tuple[str, str, int, int]] = [
        ("email", m.group(0).lower(), m.start(), m.end()) for m in EMAIL_RE.finditer(body)
    ]
    for m in PHONE_ROUTE_RE.finditer(body):
        numbers = [m]
        while (more := OR_PHONE_RE.match(body, numbers[-1].end("number"))) is not None:
            numbers.append(more)
        for number in numbers:
            digits = re.sub(r"\D", "", number.group("number"))
            if 3 <= len(digits) <= 15:
                found.append(("phone", digits, number.start("number"), number.end("number")))
    for kind, value, start, end in found:
        own = OWN_CONDITION_RE.match(body, end)
        if own and start > condition.end():
            yield Route(
                sentence,
                kind,
                value,
                _stems(own.group("condition")),
                frozenset(),
                sentence.start + start,
                sentence.start + end,
            )
        else:
            yield Route(sentence, kind, value, general, examples, sentence.start + start, sentence.start + end)


def _same_situation(a: Route, b: Route) -> bool:
    """Whether two routes are for the same situation: the same condition, or one that the other lists as an
    example of its own ("chest pain" in "an emergency (chest pain, trouble breathing)"). A narrower condition
    that adds a qualifier ("urgent and not covered") is another situation."""
    if a.condition and a.condition == b.condition:
        return True
    return any(len(narrow.condition) >= 2 and narrow.condition <= wide.examples for narrow, wide in ((a, b), (b, a)))


@rule(
    "CLR-10",
    "clarity",
    "warning",
    "Two contacts for the same situation",
    "Two instructions send the user to different phone numbers or email addresses for the same situation ('If"
    " they describe chest pain, call 020 7946 0321' and 'for chest pain, call 999'), so the model must pick one."
    " Contacts for different situations, or several given in one sentence, are not reported.",
)
def conflicting_routes(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    routes = [route for sentence in sentences_containing(doc, ROUTE_KEYS) for route in _routes(sentence)]
    reported: set[int] = set()
    for i, first in enumerate(routes):
        for second in routes[i + 1 :]:
            if (
                second.sentence is first.sentence
                or second.kind != first.kind
                or second.value == first.value
                or second.start in reported
                or not _same_situation(first, second)
            ):
                continue
            # The first sentence may send the same situation to the second contact too ("…, or 999 for …").
            if any(r.sentence is first.sentence and r.value == second.value for r in routes):
                continue
            reported.add(second.start)
            text = doc.text
            yield Hit(
                second.start,
                second.end,
                f"Two contacts for the same situation: {text[first.start : first.end]} in"
                f" '{_excerpt(first.sentence.body)}' and {text[second.start : second.end]} in"
                f" '{_excerpt(second.sentence.body)}'.",
                "Keep one contact per situation, or say which one applies when (e.g. '999 for chest pain, the ward"
                " for anything else').",
            )


def _excerpt(text: str) -> str:
    return text if len(text) <= 70 else text[:67] + "..."
