"""The parts of a sentence that no constraint reads (content of their own after a constraint's part), kept as
details in the brief's words."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.compose.job import CONTENT_WORD
from app.engine.compose.rule_lists import BARE_HEADING, NEGATIVE_HEADING
from app.engine.constraints.fallback_conditions import find_condition
from app.engine.phrasing import VERBS

FILLER_WORDS = frozenset(
    {
        "nothing",
        "else",
        "more",
        "only",
        "just",
        "please",
        "pls",
        "always",
        "really",
        "very",
        "exactly",
        "strictly",
        "and",
        "or",
        "but",
        "the",
        "a",
        "an",
        "it",
        "that",
        "this",
        "with",
        "no",
        "not",
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "be",
        "is",
        "are",
        "as",
        "so",
        "also",
        "too",
        "ok",
        "okay",
        "thanks",
        "thx",
        "total",
        "overall",
        "max",
        "maximum",
        # "Keep replies under 40 words.": the words around a limit that only say what it limits
        "keep",
        "reply",
        "replies",
        "response",
        "responses",
        "answers",
        "should",
        "each",
        "every",
        "per",
        "your",
        "them",
        "short",
        "shorter",
        "brief",
        "like",
        "less",
    }
)


_CONDITION_LEAD = re.compile(
    r"(?:(?:very\s+)?important|note|nb|also|and|but|so|pls|please)?\W*"
    r"(?:if|when|whenever|unless|once|after|before|in\s+case|as\s+soon\s+as|otherwise|anything\s+else|si|cuando|wenn|falls|sobald|"
    r"quand|lorsque|se|quando|caso)\b",
    re.IGNORECASE,
)


def _parts(text: str) -> list[tuple[int, int]]:
    """[start, end) of the comma- or semicolon-separated parts of a sentence, outside parentheses."""
    bounds, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if (char in ",;" and depth == 0) or char == "\n":  # a line break ends a part: "first:\n[A|B] path - fix"
            bounds.append((start, index))
            start = index + 1
    bounds.append((start, len(text.rstrip().rstrip(".!?"))))
    return bounds


# "no sexual content, no real world politics, gore kept PG-13": a part with its own subject after a constraint is
# content of its own; one that opens with a link or a verb continues the constraint before it.
# "and if they're outside the US tell them …": a second case with its own instruction
_NEW_CASE = re.compile(
    r"(?:and|but|or)\s+(?:if|when|whenever|where)\b[^,;]{3,80}?\b(?:tell|give|ask|point|send|refer|say|offer|"
    r"suggest|direct|advise|urge)\b",
    re.IGNORECASE,
)


_LINKED_PART = re.compile(
    r"(?:then|and|or|but|so|until|till|unless|before|after|which|that|who|because|otherwise|if|when|instead|"
    r"except|with|without|even|also|plus|only|just|e\.g|i\.e|etc|in|on|at|for|as|to|from|by|under|"
    r"over|into|within|per|each|every|using|via|like|such)\b",
    re.IGNORECASE,
)


_INTRO_WORDS = frozenset({"output", "format", "reply", "response", "answer", "ausgabe", "salida", "sortie", "formato"})


_INTRO_ONLY = re.compile(
    r"(?:(?:return|output|reply|respond|format|use|give|write|print|answer|pick|choose)\b[^:：]{0,20}|"
    r"[^:：]{0,30}\b(?:label\s+set|labels|categories|format|fields|columns|template|layout|shape)\b[^:：]{0,25})[:：]",
    re.IGNORECASE,
)


def untouched_parts(text: str, offset: int, covered: Sequence[bool]) -> str:
    """The leading parts of a sentence that no constraint's span touches and that say something, joined again."""
    kept: list[str] = []
    trailing: list[str] = []
    after_constraint = False
    condition = ""
    for start, end in _parts(text):
        if any(covered[offset + i] for i in range(start, end)):
            # A condition just before a constraint belongs to it ("If someone is in crisis, give them 988").
            conditions = [index for index, part in enumerate(kept) if _CONDITION_LEAD.match(part)]
            own = " ".join(text[start:end].split())
            if conditions:
                condition = kept[conditions[-1]]
            elif _CONDITION_LEAD.match(own):
                condition = find_condition(own) or condition
            del kept[conditions[-1] if conditions else len(kept) :]
            after_constraint = True
            continue
        part = " ".join(text[start:end].split())
        if (
            _INTRO_ONLY.fullmatch(part)
            or part.lower().rstrip(":：") in _INTRO_WORDS
            or (
                # (a capitalised heading of a word or two, not "most severe first:" before a layout)
                BARE_HEADING.fullmatch(part)
                and part[:1].isupper()
                and len(part.split()) <= 2
                and not NEGATIVE_HEADING.search(part)
            )
        ):
            continue  # "Return only:", "Schema:", "Policy:": it introduces the lines after it
        part = part.rstrip(":：").rstrip()  # "most severe first:" before the line's layout keeps what it says
        if not part:
            continue  # "…, just bullet points, " ends on an empty part
        if after_constraint and _NEW_CASE.match(part):
            # "…(call or text 988), and if they're outside the US tell them …": a case of its own, with its own
            # instruction, that no constraint carries
            after_constraint = False
            part = re.sub(r"^(?:and|but|or)\s+", "", part, flags=re.IGNORECASE)
        if after_constraint and (_LINKED_PART.match(part) or part.split()[0].lower() in VERBS):
            break  # a part after a constraint that continues it ("…, then list them all") belongs to it
        words = [w.lower().strip(".'") for w in CONTENT_WORD.findall(part)]
        if part and any(len(w) > 2 and w not in FILLER_WORDS for w in words):
            # "if someone is behind on rent, be kind, dont lecture, and give them …": a part after the constraint
            # still holds under the sentence's condition.
            if after_constraint:
                trailing.append(f"{condition}, {part}" if condition else part)
            else:
                kept.append(part)
    return ", ".join([*kept, *trailing])
