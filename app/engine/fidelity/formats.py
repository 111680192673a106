"""Formatting features read in context, for the fidelity check.

The brief reader names a formatting feature wherever its word appears; here the word is read in its sentence:
- a list or table named as a thing ("the wine list", "our price list", "a mailing list", "the list of stores",
  "table of contents", "a table for four") is no rule about the reply's format, neither as a ban nor as a request;
- a ban does not reach past a step boundary: in "don't give the answers until they ask, then list them all" the
  negation covers the answers, not the list;
- a request to list things ("list them all", "enumerate the options", "as a list") asks for a list, although the
  word is a verb and no format verb precedes it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.constraints.format_nouns import LIST_WORD, NUMBER_WORDS, names_a_thing
from app.engine.constraints.formats import forbidden_features, mentions_feature, required_features
from app.engine.constraints.negation import negated_ranges

# The feature words that also name things in the world; the other features (Markdown, bullets, emoji, headings)
# are formatting whatever their context.
_STEP_BOUNDARY = re.compile(
    r"\b(?:then|afterwards|after\s+that|until|till|til|before|once|luego|después|dann|danach|puis|ensuite|depois)\b",
    re.IGNORECASE,
)

# A request to list things: the verb with an object, or "as a list". English, Spanish, German, French, Portuguese.
_LIST_OBJECT = (
    rf"(?:them|it|all|every|each|the|these|those|your|their|its|any|some|up\s+to|out|what|which|who|how|where|"
    rf"key|main|possible|relevant|(?:{NUMBER_WORDS})|los|las|todos|todas|tous|toutes|les|alle|die|os|as)\b"
)
_LIST_REQUEST = re.compile(
    r"(?:(?m:^)[ \t]*(?:(?:[-*•+]|\d{1,3}[.)])[ \t]+)?|[,;:.!?][ \t]*|\b(?:then|and|please|also|to|first|just|simply|"
    r"you|should|must|will|can|always|pls|y|e|et|und|luego|dann|puis|depois)\s+)"
    rf"(?P<verb>(?:list|lista|liste|enumerate|enumera|enumere|énumère|énumérez|itemi[sz]e)\s+{_LIST_OBJECT})"
    r"|(?P<form>\b(?:as|in|into|in\s+the\s+form\s+of)\s+(?:a\s+)?(?:bulleted\s+|numbered\s+)?list\b"
    r"|\b(?:en|em)\s+(?:una\s+|uma\s+)?(?:forma\s+de\s+)?lista\b|\bsous\s+forme\s+de\s+liste\b|\bals\s+liste\b"
    r"|\bin\s+einer\s+liste\b|\bzähle\b[^.;:!?\n]{1,60}\bauf\b|列出|列举)",
    re.IGNORECASE,
)


# "list them in one sentence", "list the steps in prose": listing in running text, not a list.
_IN_PROSE = re.compile(
    r"[^.;:!?\n]{0,60}?\b(?:in\s+(?:plain\s+)?prose|in\s+(?:a|one)\s+(?:single\s+)?sentence|in\s+running\s+text|"
    r"inline|comma[- ]separated|separated\s+by\s+commas)\b",
    re.IGNORECASE,
)


# "No markdown, it shows up as raw asterisks": how the feature would look on screen, the ban's reason, not a request.
_SHOWN_AS = re.compile(
    r"\b(?:shows?|showing|showed|turns?|comes?|came|ends?)\s+(?:up|out)\s+as\s+(?:[\w-]+\s+){0,2}$|"
    r"\b(?:appears?|appearing|renders?|rendered|rendering|displays?|displayed|looks?|prints?|printed)\s+"
    r"(?:\w+\s+)?as\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


LIST_KEYS = ("list", "enumer", "énum", "itemi", "zähle", "列")
"""Substrings every request to list things contains: a cheap test before the regex scan."""


class Feature(NamedTuple):
    """A formatting feature named in a text, with the span of its word (or of the request)."""

    name: str
    start: int
    end: int
    names_list: bool = False
    """For lists: whether the words name a list itself, not only bullet points."""
    verb: bool = False
    """A request made with the verb ("list them all"), which running text can also satisfy."""


def clash(request: Feature, ban: Feature) -> bool:
    """Whether a ban rules out a request: the same feature, except that a ban on bullet points alone leaves room
    to list things in running text ("list the three options" beside "no bullet points")."""
    return request.name == ban.name and not (request.verb and not ban.names_list)


def _word_before(text: str, end: int) -> int:
    """Start of the feature word that ends at `end`."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
        start -= 1
    return start


def bans(text: str) -> list[Feature]:
    """The formatting features a text rules out, read in context (no named things, no ban past a step boundary)."""
    found: list[Feature] = []
    for name, scope_start, end in forbidden_features(text):
        start = _word_before(text, end)
        if names_a_thing(text, start, end) or _STEP_BOUNDARY.search(text, scope_start, start):
            continue
        found.append(Feature(name, start, end, name == "lists" and bool(LIST_WORD.search(text, start, end))))
    return found


def _negated(text: str, position: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether a position is under a negation whose scope has not ended at a step boundary before it."""
    return any(start <= position < end and not _STEP_BOUNDARY.search(text, start, position) for start, end in ranges)


def requests(text: str) -> list[Feature]:
    """The formatting features a text asks for, read in context: named things left out, requests to list added."""
    found = [
        Feature(name, start, end, name == "lists" and bool(LIST_WORD.search(text, start, end)))
        for name, start, end in (required_features(text) if mentions_feature(text) else [])
        if not names_a_thing(text, start, end)
        and not (name == "lists" and _IN_PROSE.match(text, end))
        and not _SHOWN_AS.search(text, max(0, start - 50), start)
    ]
    if any(key in text.lower() for key in LIST_KEYS):
        ranges = negated_ranges(text)
        for match in _LIST_REQUEST.finditer(text):
            group = "verb" if match.group("verb") else "form"
            start, end = match.span(group)
            if not _negated(text, start, ranges) and not _IN_PROSE.match(text, end):
                found.append(Feature("lists", start, end, True, group == "verb"))
    return found
