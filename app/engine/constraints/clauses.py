"""Split brief text into clauses with their offsets, parse number words, and find the scope of negation."""

from __future__ import annotations

import re
from typing import NamedTuple


class Clause(NamedTuple):
    """One clause of a brief field: its text and where it starts in that field."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


# Sentence ends (not inside "e.g.", "3.5", "help@acme.com."), semicolons, line breaks, and CJK full stops.
_BOUNDARY = re.compile(
    r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<=[.!?])\s+(?=\S)"
    r"|;\s*|\n+|(?<=[。！？；])"
)
_BULLET = re.compile(r"^\s*(?:[-*•·+]|\d{1,2}[.)]|[a-z][.)])\s+")


def split_clauses(text: str) -> list[Clause]:
    """Split a free-text field into clauses (sentences, semicolon parts, bullet lines), bullet markers removed."""
    clauses: list[Clause] = []
    position = 0
    for match in _BOUNDARY.finditer(text):
        _append(clauses, text, position, match.start())
        position = match.end()
    _append(clauses, text, position, len(text))
    return clauses


def _append(clauses: list[Clause], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    bullet = _BULLET.match(piece)
    if bullet:
        start += bullet.end()
        piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    start += len(piece) - len(piece.lstrip())
    clauses.append(Clause(stripped, start))


_NUMBER_WORDS: dict[str, int] = {
    # English
    "a single": 1, "single": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "a hundred": 100, "one hundred": 100, "a dozen": 12, "a couple of": 2,
    # Spanish
    "un": 1, "una": 1, "uno": 1, "una sola": 1, "un solo": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "cien": 100,
    # German
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "hundert": 100,
    # French
    "une seule": 1, "un seul": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "cent": 100,
    # Portuguese
    "um": 1, "uma só": 1, "um só": 1, "dois": 2, "duas": 2, "três": 3, "sete": 7, "oito": 8, "nove": 9,
    "dez": 10, "cem": 100,
    # Japanese / Chinese numerals
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    "百": 100,
}  # fmt: skip
NUMBER_WORD_ALT = "|".join(
    sorted((re.escape(w) for w in _NUMBER_WORDS if w.isascii() or " " in w), key=len, reverse=True)
)
NUMBER_WORD_ALT += "|" + "|".join(
    sorted((re.escape(w) for w in _NUMBER_WORDS if not w.isascii() and " " not in w), key=len, reverse=True)
)
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{NUMBER_WORD_ALT})(?![\w]))"
_CJK_NUMERAL = re.compile(r"^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$")


def parse_number(token: str) -> int | None:
    """An integer from digits ("150", "1,000", "３") or a number word ("three", "drei", "三"); None otherwise."""
    cleaned = token.strip().lower().replace(",", "")
    if cleaned in _NUMBER_WORDS:
        return _NUMBER_WORDS[cleaned]
    try:
        return int(float(cleaned))
    except ValueError:
        pass
    cjk = _CJK_NUMERAL.match(cleaned)
    if cjk and cleaned:
        tens_digit, ten, ones = cjk.groups()
        if ten is None:
            return None
        return _NUMBER_WORDS.get(tens_digit or "一", 1) * 10 + (_NUMBER_WORDS[ones] if ones else 0)
    return None


# Cues that open the scope of a negation. "not only X but Y" and "not just" do not negate X.
NEGATION_CUE = re.compile(
    r"\b(?:no|not(?!\s+(?:only|just|merely)\b)|never|without|avoid(?:ing)?|don'?t|doesn'?t|do\s+not|does\s+not|"
    r"must\s+not|mustn'?t|should\s+not|shouldn'?t|cannot|can'?t|may\s+not|nor|refrain\s+from|"
    r"nunca|jamás|sin|evita|evitar|nie|niemals|keine?[nmrs]?|nicht|ohne|vermeide|jamais|sans|pas\s+de|"
    r"aucune?|évite[rz]?|não|nem|sem|evite)\b|(?:\bno\s+)",
    re.IGNORECASE,
)
# Words that start a new instruction, ending a negation's scope ("no markdown, keep it short").
_SCOPE_BREAK = re.compile(
    r"^\s*(?:but|instead|rather|please|then|so|and\s+(?:always|keep|use|be|write|reply|respond|answer|make|give)|"
    r"keep|use|be|write|reply|respond|answer|make|give|always|stay|focus|include|say|ask|return|output|"
    r"pero|sino|aber|sondern|mais|plutôt|mas|e\s+sempre)\b",
    re.IGNORECASE,
)
_SCOPE_SPLIT = re.compile(r",\s*|\s+(?:or|and|nor|o|ni|y|oder|und|noch|ou|et|e|nem)\s+|/", re.IGNORECASE)


def negated_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of `text` under a negation: from each cue over the comma/or-joined items that follow it.

    "No markdown, no lists" and "don't use markdown, lists or emojis" negate every item; "no markdown, keep it
    friendly" stops at "keep"; "not only X but also Y" negates nothing.
    """
    ranges: list[tuple[int, int]] = []
    for cue in NEGATION_CUE.finditer(text):
        start = cue.start()
        end = cue.end()
        rest = text[end:]
        boundary = re.search(r"[.;:!?()\n]|\s[-–—]\s", rest)
        window = rest[: boundary.start()] if boundary else rest
        offset = 0
        pieces = list(_SCOPE_SPLIT.finditer(window))
        segment_starts = [0] + [p.end() for p in pieces]
        segment_ends = [p.start() for p in pieces] + [len(window)]
        for index, (seg_start, seg_end) in enumerate(zip(segment_starts, segment_ends, strict=True)):
            segment = window[seg_start:seg_end]
            if index > 0 and (_SCOPE_BREAK.match(segment) or len(segment.split()) > 6):
                break
            offset = seg_end
        ranges.append((start, end + offset))
    return ranges


def in_ranges(position: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether a character position falls inside one of the ranges."""
    return any(start <= position < end for start, end in ranges)


def sentence_case(text: str) -> str:
    """Capitalise the first letter and end with a full stop."""
    text = text.strip().rstrip(",;:")
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?。" else text + "."
