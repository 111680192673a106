"""What the fidelity check reads in a prompt: its sentences, the limits it states, its slots, its stems."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property, lru_cache

from app.engine.constraints.clauses import Clause, split_clauses
from app.engine.constraints.formats import FEATURE_KEYS
from app.engine.constraints.language import LANGUAGE_KEYS, FoundLanguage, find_language
from app.engine.constraints.limit_numbers import FoundLimit
from app.engine.constraints.limits import find_limits
from app.engine.constraints.negation import has_negation
from app.engine.fidelity.formats import LIST_KEYS, Feature, bans, requests
from app.engine.language_id import identify

_SLOT = re.compile(r"\{\{\s*\.?([A-Za-z_][\w.]*)\s*\}\}|\{\s*([A-Za-z_]\w*)\s*\}|\[([A-Z][A-Z_ ]{2,40})\]")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_STOPWORD_TEXT = (
    "a an the and or of to in on at for with by from as is are be been it its this that these those you"
    " your they them their he she we our us i me my any all each every some no not never don't do does did"
    " must should will would can could may might shall than then so if when while about into over under"
    " more most less only also just very please always ever without avoid use using make sure there here"
    " what which who whom whose how why where de la el los las en y o un una que con por para del al se su"
    " sus no nunca der die das und oder ein eine nicht zu mit von für le les des et ou un une ne pas du au"
    " aux à o os as e em um uma não do da "
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def stem(word: str) -> str:
    """A crude stem shared by extraction and check: the lower-cased word cut to six letters."""
    lowered = word.lower()
    return lowered[:6] if len(lowered) > 6 else lowered


def content_stems(text: str) -> list[str]:
    """Stems of the content words of a phrase, in order, without repeats."""
    stems: list[str] = []
    for token in _TOKEN.findall(text):
        lowered = token.lower()
        if lowered in STOPWORDS or len(lowered) < 2:
            continue
        # CJK runs have no spaces: count each pair of characters as one "word".
        if not lowered.isascii() and not any("a" <= ch <= "z" or "à" <= ch <= "ÿ" for ch in lowered):
            pieces = [lowered[i : i + 2] for i in range(0, max(1, len(lowered) - 1), 2)]
        else:
            pieces = [stem(lowered)]
        for piece in pieces:
            if piece not in stems:
                stems.append(piece)
    return stems


@lru_cache(maxsize=1024)
def term_pattern(term: str) -> re.Pattern[str]:
    """A case-insensitive pattern for a term, where spaces, "_" and "-" are interchangeable."""
    parts = [re.escape(part) for part in re.split(r"[\s_-]+", term.strip()) if part]
    body = r"[\s_-]*".join(parts) if parts else re.escape(term)
    return re.compile(rf"(?<![\w]){body}(?![\w])", re.IGNORECASE)


_REFUSAL = re.compile(r"\b(?:refuse|decline|stay\s+away|off[- ]limits|forbidden|prohibited|only)\b", re.IGNORECASE)


_REQUEST_KEYS = tuple(dict.fromkeys((*FEATURE_KEYS, *LIST_KEYS)))


class Sentence:
    """One sentence (clause) of a prompt with its position; its stems and negation are read on first use."""

    def __init__(self, text: str, start: int, under_ban: bool = False) -> None:
        self.text = text
        self.start = start
        self.end = start + len(text)
        self.lowered = text.lower()
        self.under_ban = under_ban
        """An item of a list under "Don't:": forbidden by the heading, with no negation of its own."""

    def count(self, stems: Sequence[str]) -> int:
        """How many of the stems occur in the sentence (as substrings: a stem is a word's start)."""
        return sum(1 for stem in stems if stem in self.lowered)

    @cached_property
    def negates(self) -> bool:
        """Whether the sentence forbids something (a negation, or "refuse", "only", "off-limits")."""
        return self.under_ban or has_negation(self.text) or bool(_REFUSAL.search(self.text))


_BAN_LEAD = re.compile(r"\s*(?:\d{1,2}\.\s*)?(?:don'?t|do\s+not|never|avoid)\s*:\s*", re.IGNORECASE)
_ITEM_LINE = re.compile(r"[ \t]*[-*•][ \t]+")


def _with_bans(text: str, clauses: Sequence[Clause]) -> list[Sentence]:
    """The prompt's sentences, with the items of a "Don't:" list marked as forbidden by their heading."""
    sentences: list[Sentence] = []
    banned = False
    for clause in clauses:
        line_start = text.rfind("\n", 0, clause.start) + 1
        on_item = _ITEM_LINE.match(text, line_start) is not None
        if _BAN_LEAD.fullmatch(clause.text):
            banned = True
        elif not text[line_start : clause.start].strip(" \t-*•"):
            banned = banned and on_item  # a new line: the list goes on while its lines are items
        sentences.append(Sentence(clause.text, clause.start, under_ban=banned and on_item))
    return sentences


class PromptView:
    """A prompt read once for every check."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        self.sentences = _with_bans(text, split_clauses(text))
        self._starts = [sentence.start for sentence in self.sentences]

    def sentences_with(self, keys: Sequence[str]) -> list[Sentence]:
        """The sentences that contain any of the (lower-case) keys, found by substring search of the whole
        prompt first, so sentences without any are never looked at."""
        hits: set[int] = set()
        for key in keys:
            index = self.lowered.find(key)
            while index != -1:
                position = bisect_right(self._starts, index) - 1
                if position >= 0:
                    hits.add(position)
                index = self.lowered.find(key, index + 1)
        return [self.sentences[i] for i in sorted(hits)]

    @cached_property
    def limits(self) -> list[FoundLimit]:
        """Every limit the prompt states, with offsets in the prompt."""
        return find_limits(self.text)

    @cached_property
    def bans(self) -> list[Feature]:
        """The formatting features the prompt rules out, with offsets in the prompt."""
        return [
            feature._replace(start=s.start + feature.start, end=s.start + feature.end)
            for s in self.sentences_with(FEATURE_KEYS)
            for feature in bans(s.text)
        ]

    @cached_property
    def forbidden(self) -> frozenset[str]:
        """The formatting features the prompt rules out anywhere."""
        return frozenset(feature.name for feature in self.bans)

    @cached_property
    def requests(self) -> list[Feature]:
        """The formatting features the prompt asks for (a request to list things included), with offsets."""
        return [
            feature._replace(start=s.start + feature.start, end=s.start + feature.end)
            for s in self.sentences_with(_REQUEST_KEYS)
            for feature in requests(s.text)
        ]

    @cached_property
    def languages(self) -> list[tuple[FoundLanguage, int]]:
        """Every reply-language instruction of the prompt, with the offset of its sentence."""
        found = [(find_language(s.text), s.start) for s in self.sentences_with(LANGUAGE_KEYS)]
        return [(language, offset) for language, offset in found if language is not None]

    @cached_property
    def slots(self) -> list[tuple[str, int, int]]:
        """Template slots ({{name}}, {name}, [NAME]) with their positions."""
        return [
            ((m.group(1) or m.group(2) or m.group(3)).lower(), m.start(), m.end()) for m in _SLOT.finditer(self.text)
        ]

    def written_in(self, code: str | None) -> bool:
        """Whether most of the prompt (by characters) is written in the language: a role line in English over a
        body in Spanish still counts as Spanish."""
        if code is None or not self.text.strip():
            return False
        total = sum(len(s.text) for s in self.sentences)
        share = sum(len(s.text) for s in self.sentences if identify(s.text)[0] == code)
        return share * 2 >= total

    @cached_property
    def digits(self) -> str:
        """The prompt with every non-digit removed between digits, to find phone numbers however written."""
        return re.sub(r"(?<=\d)[\s().-]+(?=[\d(])", "", self.text)

    def has(self, term: str) -> re.Match[str] | None:
        """Where a term occurs in the prompt (spaces, "_" and "-" interchangeable), if it does."""
        return term_pattern(term).search(self.text)

    def sentence_at(self, position: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= position < sentence.end:
                return sentence
        return None
