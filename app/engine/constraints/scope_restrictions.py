"""Scope restrictions written as fragments ("math only", "only SELECT queries", "Python questions only"), as
requirements ("Only help with math.")."""

from __future__ import annotations

import re

from app.engine.constraints.found_rules import FoundRule

# A scope restriction written as a fragment: "math only", "Python questions only", "only SELECT queries".
_SEGMENT_START = r"(?:^|(?<=[,;:(])\s*|(?<=\bbut\s)|(?<=\band\s))"


_TOPIC_ONLY = re.compile(
    _SEGMENT_START + r"(?P<topic>[\w+#.-]+(?:\s+[\w+#.-]+){0,2}?)\s+(?:only|exclusively)\s*(?=[,;.)]|$)",
    re.IGNORECASE,
)


_JOINED_BEFORE = re.compile(r"(?<![\w-])(?P<first>\w[\w+#.-]*)\s+(?P<conj>and|or|&)\s+$", re.I)


_ONLY_THING = re.compile(
    _SEGMENT_START + r"(?:only|exclusively)\s+(?P<thing>[\w+#.-]+(?:\s+[\w+#.-]+){0,2}?)\s+"
    r"(?P<noun>quer(?:y|ies)|statements?|questions?|topics?|requests?|code|scripts?|functions?|commands?|"
    r"tasks?|problems?|subjects?)\s*(?=[,;.)]|$)",
    re.IGNORECASE,
)


_ASKED_NOUNS = ("question", "topic", "request", "task", "problem", "subject")


# "JSON only", "English only", "label only", "reply only": formats, languages and reply shapes, read elsewhere.
_NOT_A_TOPIC = re.compile(
    r"^(?:json|yaml|xml|csv|text|plain(?:\s+text)?|markdown|code|label|labels?|category|class|english|spanish|german|"
    r"french|portuguese|italian|japanese|chinese|lowercase|uppercase|yes(?:\s+or\s+no)?|no|one|reply|answer|output|"
    r"the\s+\w+|a\s+\w+|\d+.*|emoji|words?|sentences?|bullets?|numbers?|ascii|read|internal|for\s+\w+|"
    # "one label only", "a single word only": a count, read as a limit or a format
    r"(?:one|single|a\s+single|two|three|four|five)\s+\w+|"
    # "show the age only", "give the total only": what to put in the reply, said with "only" after it
    # ("Quote clause 4 only", "cite the manual only": what to quote or cite, not a subject to help with)
    r"(?:show|display|print|return|give|include|list|mention|state|send|put|tell|say|quote|cite|copy|reproduce|"
    r"recite|read\s+out|name|link|refer\s+to|point\s+to)\s+.+)$",
    re.IGNORECASE,
)


# A topic is a noun phrase: a verb or a preposition in it means the fragment is an instruction ("reply in JSON").
_NOT_NOUN_PHRASE = re.compile(
    r"\b(?:in|with|as|to|for|of|by|on|at|reply|respond|answer|write|output|return|use|keep|be|is|are|and|or|"
    r"please|it|this|that|you|we)\b",
    re.IGNORECASE,
)


_ACTION_TOPIC = re.compile(
    r"(?:fix|correct|check|proofread|translate|summari[sz]e|review|edit|rewrite|rephrase|format|suggest|flag)\s+\w",
    re.IGNORECASE,
)


_SQL_STATEMENT = re.compile(r"select|insert|update|delete|merge|upsert", re.IGNORECASE)


_HOW_WRITTEN = frozenset({"syntax", "dialect", "notation", "spelling", "conventions", "terminology"})


def _is_topic(words: str) -> bool:
    return not _NOT_A_TOPIC.match(words) and not _NOT_NOUN_PHRASE.search(words)


_HOW_A_BUSINESS_SELLS = frozenset({"online", "offline", "in-store", "in store", "remote", "digital", "mobile", "web"})


_FORMAT_TOPIC = re.compile(
    r"(?:(?:raw|plain|pure|valid|strict|bare|minified)\s+)?(?:json|jsonl|csv|tsv|yaml|xml|html|markdown|text|plaintext)"
    r"(?:\s+(?:output|objects?|format|replies|responses?))?",
    re.IGNORECASE,
)


# "Indexes: ", "- Dates: ": a heading word and its colon right before a fragment.
_HEADING_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?[A-Za-z][\w -]{0,28}:[ \t]*$")


# "Topics: billing only", "Scope: billing questions only": a heading that is about what the assistant covers.
_SCOPE_HEADING = re.compile(r"\b(?:topics?|scope|subjects?|areas?|questions?|themes?|domain)\s*:", re.IGNORECASE)


# "8 yard skips can't go on the road at all (council rule), drive only": a statement before the comma, with its own
# subject and verb, is what the trailing "X only" qualifies; the sentence says it, and it is no scope for the assistant
_STATEMENT = re.compile(
    r"\b(?:can(?:not|'t|’t)?|won'?t|will|must|may|might|is|are|isn'?t|aren'?t|was|were|has|have|had|do|does|"
    r"don'?t|doesn'?t|go|goes|we|they|it|i|he|she)\b",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"[.!?;:\n](?=[^.!?;:\n]*$)")


def _qualifies_statement(text: str, start: int) -> bool:
    """Whether the fragment at `start` follows a comma after a statement of its own sentence."""
    before = text[:start].rstrip()
    if not before.endswith(","):
        return False
    opened = _SENTENCE_START.search(before)
    sentence = before[opened.end() if opened is not None else 0 : -1]
    return _STATEMENT.search(sentence) is not None


def find_scope_restrictions(text: str) -> list[FoundRule]:
    """Scope restrictions stated as fragments, as requirements: "math only" -> "Only help with math.",
    "only SELECT queries" -> "Write only SELECT queries.",
    "Python questions only" -> "Only answer Python questions."."""
    found: list[FoundRule] = []
    for match in _ONLY_THING.finditer(text):
        thing, noun = match.group("thing"), match.group("noun")
        if not _is_topic(thing):
            continue
        asked = noun.lower().startswith(_ASKED_NOUNS)
        rule = f"Only answer {thing} {noun}." if asked else f"Write only {thing} {noun}."
        found.append(FoundRule(rule, None, None, match.start(), match.end(), f"{thing} {noun}"))
    for match in _TOPIC_ONLY.finditer(text):
        if match.group("topic").strip().lower() in _HOW_A_BUSINESS_SELLS:
            continue  # "(outdoor gear, online only)": how the business trades, not a scope for the assistant
        if _FORMAT_TOPIC.fullmatch(match.group("topic").strip()):
            continue  # "Raw JSON only.": the output's format (read as such), not a subject to help with
        topic = match.group("topic").strip()
        if not _is_topic(topic) or any(r.start <= match.start() < r.end for r in found):
            continue
        if _qualifies_statement(text, match.start("topic")):
            continue  # "… can't go on the road at all, drive only": the statement's own limit
        heading = _HEADING_BEFORE.search(text, 0, match.start("topic"))
        if heading and not _SQL_STATEMENT.fullmatch(topic) and not _SCOPE_HEADING.search(heading.group(0)):
            continue  # "Indexes: CREATE INDEX CONCURRENTLY only": how to do one thing, not all the assistant does
        start = match.start("topic")
        joined = _JOINED_BEFORE.search(text, 0, start)
        if joined is not None and _is_topic(joined.group("first")):
            # "LS and WF postcodes only": both items are the topic, not the last one alone.
            topic, start = f"{joined.group('first')} {joined.group('conj')} {topic}", joined.start("first")
        last = topic.split()[-1].lower()
        if _ACTION_TOPIC.match(topic):
            rule = f"Only {topic}."  # "fix grammar only" names an action, not a topic to help with
        elif _SQL_STATEMENT.fullmatch(topic):
            rule = f"Write only {topic.upper()} statements."  # "SELECT only"
        elif last.startswith(_ASKED_NOUNS) and len(topic.split()) > 1:
            rule = f"Only answer {topic}."
        elif last in _HOW_WRITTEN:
            rule = f"Use only {topic}."  # "MySQL 8 syntax only", "metric units only": how to write, not a topic
        else:
            rule = f"Only help with {topic}."
        found.append(FoundRule(rule, None, None, start, match.end(), topic))
    return found
