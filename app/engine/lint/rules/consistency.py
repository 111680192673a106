"""CLR-09: a length limit on the whole reply too small for the parts the prompt asks for ("Reply in exactly 1
sentence." beside "give a summary, then three bullet points", "Reply with exactly one of these labels" beside
"End with one line that starts with 'Label:'").

Only unconditional, unscoped sentences count, for the limit and for the parts ("Reply in exactly 1 sentence.",
"Keep the reply to at most 60 words."), so a limit meant for one part ("Keep the summary to one sentence", "for
simple questions, …") is never compared with the rest of the reply.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from app.engine.lint._registry import Hit, rule
from app.engine.lint._text import Doc, LintContext, Sentence, is_conditional
from app.engine.lint.rules.clarity import SCOPE

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "a couple of": 2, "a few": 3, "several": 3,
}  # fmt: skip
_NUMBER = r"(?:\d{1,4}|one|a\s+single|single|two|three|four|five|six|seven|eight|nine|ten|twelve)"
_UNITS = r"sentences?|lines?|words?|paragraphs?|bullet\s+points?|bullets?"
_UPPER_CUE = r"(?:exactly|at\s+most|no\s+more\s+than|up\s+to|under|fewer\s+than|less\s+than|only|just|a\s+maximum\s+of)"
_REPLY = r"(?:reply|replies|response|responses|answer|answers|output|message|messages)"
# "Reply in exactly 1 sentence.", "Keep the reply to at most 60 words.", "Your answer must be under 3 lines."
REPLY_LIMIT_RE = re.compile(
    rf"\b(?:(?:reply|respond|answer)\s+(?:in|with|using)|(?:keep|limit)\s+(?:the\s+|your\s+|each\s+|every\s+|all\s+)?"
    rf"{_REPLY}\s+(?:to|at|under|below|within)|(?:the|your|each|every)\s+{_REPLY}\s+(?:must|should|may)\s+"
    rf"(?:be|have|contain|not\s+exceed)|{_REPLY}\s+(?:of|in))\s+(?P<cue>{_UPPER_CUE}\s+)?(?P<n>{_NUMBER})\s+"
    rf"(?P<unit>{_UNITS})\b(?:\s+(?P<extra>or\s+(?:fewer|less)|max(?:imum)?|long))?",
    re.IGNORECASE,
)
# "Reply with exactly one of these labels", "Output only the label", "the priority code and nothing else": the
# whole reply is one label.
LABEL_ONLY_RE = re.compile(
    r"\b(?:reply|respond|answer|output|return)\s+(?:with\s+)?(?:exactly\s+one\s+of\s+(?:these|the\s+following)\s+"
    r"(?:labels|categories)|(?:only|just)\s+(?:the|one|a\s+single)\s+(?:label|category)\b|(?:the\s+)?(?:label|category)"
    r"\s+only\b)|\b(?:label|category|code)\s+and\s+nothing\s+else\b",
    re.IGNORECASE,
)
# "Keep the reply between 150 and 250 words", "at least 150 words": a minimum the reply must reach.
REPLY_MINIMUM_RE = re.compile(
    r"\b(?:between\s+(?P<low>\d{2,4})\s+and\s+\d{2,4}|at\s+least\s+(?P<least>\d{2,4}))\s+words\b", re.IGNORECASE
)
# A part the prompt asks for, counted: "three bullet points", "2 questions", "a table".
PART_RE = re.compile(
    rf"\b(?P<n>{_NUMBER})\s+(?:short\s+|key\s+|main\s+|brief\s+|numbered\s+|separate\s+|distinct\s+|follow-up\s+"
    r"|clarifying\s+|open\s+|concrete\s+)?(?P<unit>bullet\s+points?|bullets?|sentences?|lines?|paragraphs?|steps|"
    r"questions)\b",
    re.IGNORECASE,
)
PART_VERB_RE = re.compile(
    r"\b(?:give|write|list|provide|include|add|offer|ask|return|produce|generate|create|end|start|begin|follow|then"
    r"|use|present|show|make|draft|reply|respond|answer|summari[sz]e|explain|with)\b",
    re.IGNORECASE,
)
# "End with one line …", "a summary, then three bullets": the counted part comes beside another one.
ANOTHER_PART_RE = re.compile(
    r"\b(?:end|finish|close|start|begin|open)\s+with\b|\bfollowed\s+by\b|\bthen\b", re.IGNORECASE
)
NOT_A_REQUEST_RE = re.compile(
    r"\b(?:at\s+most|up\s+to|more\s+than|fewer\s+than|less\s+than|under|maximum\s+of|max|or\s+(?:fewer|less)"
    r"|each|per|every|e\.g\.|for\s+example|such\s+as|like)\s+$",
    re.IGNORECASE,
)
# How many of a limit's units one part takes at least: a bullet or a question needs its own sentence and line.
MIN_UNITS_PER_PART: dict[str, dict[str, int]] = {
    "sentences": {"sentences": 1, "bullets": 1, "paragraphs": 1, "steps": 1, "questions": 1, "lines": 1},
    "lines": {"lines": 1, "bullets": 1, "paragraphs": 1, "steps": 1},
    "paragraphs": {"paragraphs": 1},
    "bullets": {"bullets": 1},
    "words": {"sentences": 3, "bullets": 1, "paragraphs": 3, "steps": 2, "questions": 3, "lines": 1},
    "labels": {"sentences": 1, "bullets": 1, "paragraphs": 1, "steps": 1, "questions": 1, "lines": 1},
}
WORDS_PER_SENTENCE = 40
"""A sentence longer than this is no sentence a reader would accept: a word minimum above 40 per allowed sentence
cannot be met."""


def _unit(raw: str) -> str:
    raw = raw.lower()
    if raw.startswith("bullet"):
        return "bullets"
    return raw if raw.endswith("s") else raw + "s"


def _count(raw: str) -> int:
    raw = " ".join(raw.lower().split())
    return int(raw) if raw.isdigit() else _NUMBERS.get(raw.replace("a single", "single"), 1)


class ReplyLimit(NamedTuple):
    sentence: Sentence
    unit: str
    maximum: int


def _free(doc: Doc, sentence: Sentence) -> bool:
    """An unconditional sentence that is not scoped to a kind of request, and not quoted or in an example."""
    return not is_conditional(sentence.lower) and not SCOPE.contains(sentence.lower)


REPLY_KEYS = ("repl", "respon", "answer", "output", "return", "nothing else")
PART_KEYS = ("sentence", "line", "paragraph", "bullet", "step", "question")
LIMIT_UNIT_KEYS = ("sentence", "line", "word", "paragraph", "bullet")
LABEL_ONLY_KEYS = ("label", "categor", "nothing else")


def sentences_containing(doc: Doc, keys: tuple[str, ...]) -> list[Sentence]:
    """The sentences whose lower-cased text contains any of the keys, in order: each key is found with str.find
    over the whole text and placed by bisection, so sentences without any key are never looked at."""
    sentences = doc.sentences
    return [sentences[index] for index in sorted(_indexes_containing(doc, keys))]


def _indexes_containing(doc: Doc, keys: tuple[str, ...]) -> set[int]:
    lower = doc.lower
    starts = doc.sentence_starts
    sentences = doc.sentences
    found: set[int] = set()
    for key in keys:
        position = lower.find(key)
        while position >= 0:
            index = bisect_right(starts, position) - 1
            if index >= 0 and position < sentences[index].end:
                found.add(index)
            position = lower.find(key, position + len(key))
    return found


def _reply_limits(doc: Doc) -> list[ReplyLimit]:
    limits = []
    # A limit names the reply and a unit ("Reply in 1 sentence"); a label-only reply names a label or "nothing else".
    sentences = doc.sentences
    with_unit = {
        index
        for index in _indexes_containing(doc, LIMIT_UNIT_KEYS)
        if any(key in sentences[index].lower for key in REPLY_KEYS)
    }
    label_only = _indexes_containing(doc, LABEL_ONLY_KEYS)
    for index in sorted(with_unit | label_only):
        sentence = doc.sentences[index]
        match = REPLY_LIMIT_RE.search(sentence.body) if index in with_unit else None
        label_only_match = LABEL_ONLY_RE.search(sentence.body) if match is None and index in label_only else None
        if (match is None and label_only_match is None) or not _free(doc, sentence):
            continue
        if doc.is_quoted(sentence.start, sentence.end):
            continue
        if match is not None:
            limits.append(ReplyLimit(sentence, _unit(match.group("unit")), _count(match.group("n"))))
        else:
            limits.append(ReplyLimit(sentence, "labels", 1))
    return limits


def _parts(doc: Doc, limit: ReplyLimit, candidates: list[Sentence]) -> Iterator[tuple[Sentence, int, str]]:
    """(sentence, parts asked for in the limit's units, what they are) for each sentence that asks for more."""
    per_part = MIN_UNITS_PER_PART[limit.unit]
    for sentence in candidates:
        if sentence is limit.sentence or not _free(doc, sentence):
            continue
        needed = 0
        named: list[str] = []
        for match in PART_RE.finditer(sentence.body):
            unit = _unit(match.group("unit"))
            if unit not in per_part or NOT_A_REQUEST_RE.search(sentence.body, 0, match.start()):
                continue
            if not PART_VERB_RE.search(sentence.body, 0, match.start()):
                continue
            needed += _count(match.group("n")) * per_part[unit]
            if not named and ANOTHER_PART_RE.search(sentence.body, 0, match.start()):
                needed += min(per_part.values())
                named.append(f"{match.group(0)} besides the rest of the reply")
            else:
                named.append(match.group(0))
        if needed > limit.maximum:
            yield sentence, needed, " and ".join(named)


def _minimum_words(doc: Doc) -> tuple[Sentence, int] | None:
    for sentence in sentences_containing(doc, ("words",)):
        match = REPLY_MINIMUM_RE.search(sentence.body)
        if match and _free(doc, sentence):
            return sentence, int(match.group("low") or match.group("least"))
    return None


def _excerpt(text: str) -> str:
    return text if len(text) <= 70 else text[:67] + "..."


@rule(
    "CLR-09",
    "clarity",
    "warning",
    "Length limit too small for the parts asked for",
    "A limit on the whole reply ('Reply in exactly 1 sentence.') leaves no room for the parts another instruction"
    " asks for ('give a summary, then three bullet points'), so one of them will be broken. Limits scoped to one"
    " part or one kind of request are not compared.",
)
def limit_against_parts(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    limits = _reply_limits(doc)
    if not limits:
        return
    minimum = _minimum_words(doc)
    candidates = sentences_containing(doc, PART_KEYS)
    reported: set[int] = set()
    for limit in limits:
        allowed = (
            "nothing but one label"
            if limit.unit == "labels"
            else f"{limit.maximum} {limit.unit[:-1] if limit.maximum == 1 else limit.unit}"
        )
        for sentence, _, named in _parts(doc, limit, candidates):
            if sentence.start in reported:
                break
            reported.add(sentence.start)
            yield Hit(
                limit.sentence.start,
                limit.sentence.end,
                f"'{_excerpt(limit.sentence.body)}' allows {allowed}, but '{_excerpt(sentence.body)}' asks for"
                f" {named}.",
                "Scope the limit to the part it is meant for ('Keep the summary to one sentence'), or raise it so"
                " that every part the prompt asks for fits.",
            )
            break
        else:
            if minimum is not None and limit.unit == "sentences":
                sentence, words = minimum
                if words > WORDS_PER_SENTENCE * limit.maximum:
                    yield Hit(
                        limit.sentence.start,
                        limit.sentence.end,
                        f"'{_excerpt(limit.sentence.body)}' allows {allowed}, but '{_excerpt(sentence.body)}' asks"
                        f" for at least {words} words.",
                        "Keep one of the two limits, or scope each to the part of the reply it is meant for.",
                    )
