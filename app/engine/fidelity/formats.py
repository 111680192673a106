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

from app.engine.constraints.clauses import negated_ranges
from app.engine.constraints.formats import forbidden_features, mentions_feature, required_features

# The feature words that also name things in the world; the other features (Markdown, bullets, emoji, headings)
# are formatting whatever their context.
_NOUNABLE = re.compile(
    r"(?:lists?|listas?|listen|listes?|tables?|tablas?|tabellen?|tableaux?|tabelas?)$", re.IGNORECASE
)
# A word that names a list itself (not only bullets): "no lists" forbids listing; "no bullet points" does not.
_LIST_WORD = re.compile(r"\b(?:lists?|listas?|listen|listes?|aufzählungen?)\b|列表", re.IGNORECASE)

_NUMBER_WORDS = (
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|dos|tres|cuatro|zwei|drei|vier|deux|trois|quatre|"
    r"duas|três|quatro"
)
# After the word: "list of stores", "table of contents", "lista de precios", "Liste der Filialen", "table for four".
_THING_AFTER = re.compile(
    rf"\s+(?:of|de|des|du|der|da|do|dos|das|di)\b(?!\s+(?:\d+\s+)?(?:bullets?|bullet\s+points?|items|points|"
    rf"rows|columns|steps|lines)\b)|\s+for\s+(?:{_NUMBER_WORDS})\b|\s+(?:para|pour|für)\s+(?:{_NUMBER_WORDS})\b",
    re.IGNORECASE,
)
# Before the word: a particular list or table ("the list", "our wine list", "la lista", "die Liste"), or a table
# booked, set or sat at.
_THING_BEFORE = re.compile(
    r"(?:\b(?:the|this|that|these|those|our|your|their|its|my|his|her|la|las|el|los|le|les|l'|die|der|den|dem|das)"
    r"\s+(?:[\w'-]+\s+)?|\b(?:book|booking|reserve|reserving|reservation|seat|seated|set|clear|wait|waiting)\s+"
    r"(?:a|an|the|your|their)?\s*)$",
    re.IGNORECASE,
)
# "the following table", "the table below", "the list format": the form the reply takes after all.
_FORM_BEFORE = re.compile(r"\b(?:following|same|above|below|this|that)\s+$", re.IGNORECASE)
_FORM_AFTER = re.compile(r"\s+(?:below|above|format|layout|form|template|that\s+follows)\b", re.IGNORECASE)
_FRAME_BEFORE = re.compile(
    r"\b(?:as|in|into|in\s+the\s+form\s+of|formatted\s+as|sous\s+forme\s+de|en\s+forma\s+de|em\s+forma\s+de|en|em|"
    r"als)\s+(?:a|an|one|una|uma|un|une|einer|eine)?\s*(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A word before the list or table that makes it a form or a request ("bulleted list", "use tables"): no compound
# that names a thing. The strong ones make a form even before "of" ("a bulleted list of the steps").
_FORM_MODIFIERS = _words(
    "bulleted bullet numbered ordered unordered nested simple short long brief plain markdown md html ascii text "
    "flat vertical horizontal compact clear structured formatted separate single comparison summary check to-do "
    "todo sorted ranked alphabetical itemized itemised tabular full complete detailed concise small big large huge "
    "quick neat tidy final key main following same above below new extra additional any some no one a an and or "
    "nor with without use using avoid include including add adding make create produce give return output write "
    "show present format render reply respond answer send emit prefer"
)
_STRONG_FORM_MODIFIERS = _words(
    "bulleted bullet numbered ordered unordered nested markdown md html ascii comparison summary check to-do todo "
    "itemized itemised tabular"
)
_WORD_BEFORE = re.compile(r"([\w'-]+)\s+$")
# "then list them", "until they ask": a new step ends the scope of a negation in a brief's sentence.
_STEP_BOUNDARY = re.compile(
    r"\b(?:then|afterwards|after\s+that|until|till|til|before|once|luego|después|dann|danach|puis|ensuite|depois)\b",
    re.IGNORECASE,
)

# A request to list things: the verb with an object, or "as a list". English, Spanish, German, French, Portuguese.
_LIST_OBJECT = (
    rf"(?:them|it|all|every|each|the|these|those|your|their|its|any|some|up\s+to|out|what|which|who|how|where|"
    rf"key|main|possible|relevant|(?:{_NUMBER_WORDS})|los|las|todos|todas|tous|toutes|les|alle|die|os|as)\b"
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


def names_a_thing(text: str, start: int, end: int) -> bool:
    """Whether the list or table word at text[start:end] names a thing ("the wine list", "a table for four")."""
    if not _NOUNABLE.match(text, start, end):
        return False
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    previous = _WORD_BEFORE.search(before)
    if previous is not None and previous.group(1).lower() in _STRONG_FORM_MODIFIERS:
        return False  # "a bulleted list of the steps", "a comparison table of the plans"
    if _FRAME_BEFORE.search(before) and not _THING_AFTER.match(after):
        return False  # "as a list", "in a table": the form of the reply
    if _FORM_AFTER.match(after) or _FORM_BEFORE.search(before):
        return False
    if _THING_AFTER.match(after) or _THING_BEFORE.search(before):
        return True
    # An English compound with a naming word before it ("wine list", "mailing lists", "price tables"): a thing.
    # (Other languages name the thing after the word, "lista de precios", or in one word, "Preisliste".)
    if previous is None or text[start:end].lower() not in ("list", "lists", "table", "tables"):
        return False
    word = previous.group(1).lower()
    return word.isalpha() and word not in _FORM_MODIFIERS and not word.endswith(("ed", "ly"))


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
        found.append(Feature(name, start, end, name == "lists" and bool(_LIST_WORD.search(text, start, end))))
    return found


def _negated(text: str, position: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether a position is under a negation whose scope has not ended at a step boundary before it."""
    return any(start <= position < end and not _STEP_BOUNDARY.search(text, start, position) for start, end in ranges)


def requests(text: str) -> list[Feature]:
    """The formatting features a text asks for, read in context: named things left out, requests to list added."""
    found = [
        Feature(name, start, end, name == "lists" and bool(_LIST_WORD.search(text, start, end)))
        for name, start, end in (required_features(text) if mentions_feature(text) else [])
        if not names_a_thing(text, start, end) and not (name == "lists" and _IN_PROSE.match(text, end))
    ]
    if any(key in text.lower() for key in LIST_KEYS):
        ranges = negated_ranges(text)
        for match in _LIST_REQUEST.finditer(text):
            group = "verb" if match.group("verb") else "form"
            start, end = match.span(group)
            if not _negated(text, start, ranges) and not _IN_PROSE.match(text, end):
                found.append(Feature("lists", start, end, True, group == "verb"))
    return found
