"""Shared text analysis for the lint rules.

The prompt is analysed once into a `Doc` (fenced blocks, XML tag pairs, headings, sentences, paragraphs,
variable occurrences); rules read those precomputed views instead of rescanning the text.

Phrase lists (`Phrases`, `heads`, see `_phrases` for the speed notes) are re-exported here for the rules;
they match against `Doc.lower` (lower-cased with offsets preserved) instead of using re.IGNORECASE.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from app.engine.lint._phrases import Phrases, heads, is_word_char
from app.engine.lint._templates import PlaceholderKind, Slot, classify_placeholder, find_slots, inferred_trust
from app.engine.types import ChatMessage, Target, Variable

__all__ = ["Doc", "LintContext", "Phrases", "Sentence", "heads", "is_conditional", "lowered"]

VAR_RE = re.compile(r"\{\{([^{}]*?)\}\}")
# Names a Jinja template defines itself ({% set X %}, {% for x in … %}, {% macro m() %}): not inputs.
TEMPLATE_LOCAL_RE = re.compile(r"\{%-?\s*(?:set|for|macro)\s+([A-Za-z_]\w*)")
FENCES = ("```", "~~~")
TEMPLATE_TAG_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
TRIPLE_QUOTES = ('"""', "'''")
TAG_RE = re.compile(r"<(/?)([A-Za-z][\w.:-]*)(?:\s[^<>\n]*)?>")
# "##{0,5}" is "#{1,6}" led by a literal "#", which lets `re` skip ahead to it (20x faster on 20 KB).
HEADING_RE = re.compile(r"(##{0,5})[ \t]+(\S[^\n]*)")
MARKER_LINE_RE = re.compile(r"[ \t]*(?:-{3,}|={3,}|\*{3,}|#{3,}|_{3,})[ \t]*")
HEADING_LINE_RE = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+\S.*")
# A sentence: optional list marker, then text up to a line break or to . ! ? followed by whitespace.
# Abbreviations (e.g.) are merged back in code. The body loop is unrolled so `re` runs it in tight loops.
SENTENCE_RE = re.compile(
    r"[ \t]*(?:(?:[-*+•]|\d{1,3}[.)]|[A-Za-z][.)])[ \t]+)?"
    r"(\S[^\n.!?]*(?:[.!?]+(?=[^\s.!?])[^\n.!?]*)*[.!?]*)"
)
ABBREVIATIONS = ("e.g.", "i.e.", "vs.", "dr.", "mr.", "ms.", "cf.")
ABBREVIATION_LAST_CHARS = frozenset(abbr[-2] for abbr in ABBREVIATIONS)
PARAGRAPH_BOUNDARY_RE = re.compile(r"\n[ \t]*\n\s*")
APOSTROPHE_RE = re.compile(r"(?<=\w)['’](?=\w)")
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
CJK_CHARS_PER_WORD = 2
"""Rough characters per word in Chinese/Japanese/Korean text, for length thresholds written in English words."""
ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)

Region = tuple[int, int]


ABBREVIATION_MAX_LEN = max(map(len, ABBREVIATIONS))


def _is_abbreviation(lower: str, end: int, floor: int) -> bool:
    """Whether lower[floor:end] ends with an abbreviation that starts a word."""
    tail = lower[max(floor, end - ABBREVIATION_MAX_LEN) : end]  # one short slice instead of a search per abbreviation
    for abbr in ABBREVIATIONS:
        if tail.endswith(abbr):
            start = end - len(abbr)
            if start == 0 or not is_word_char(lower[start - 1]):
                return True
    return False


def lowered(text: str) -> str:
    """Lower-case `text` keeping every offset (full Unicode lowering can change the length)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else text.translate(ASCII_LOWER)


class Sentence(NamedTuple):
    """A sentence or line of prose; `start`/`end` span its `body` (list marker stripped)."""

    start: int
    end: int
    body: str
    lower: str


class VarOccurrence(NamedTuple):
    """One `{{...}}` in the text."""

    name: str
    """The variable name ("var"), the root identifier of another dialect's expression ("expr"), or the text."""
    raw: str
    kind: PlaceholderKind
    start: int
    end: int

    @property
    def valid(self) -> bool:
        """A plain variable name, the only kind Promptsmith substitutes and checks."""
        return self.kind == "var"


class XmlRegion(NamedTuple):
    """A matched `<tag>...</tag>` pair."""

    name: str
    start: int
    content_start: int
    content_end: int
    end: int
    depth: int


def _pair_regions(starts: list[int], ends: list[int], text_len: int) -> list[Region]:
    """Pair consecutive delimiters into regions; an unclosed last one runs to the end of the text."""
    return [(starts[i], ends[i + 1] if i + 1 < len(starts) else text_len) for i in range(0, len(starts), 2)]


def _occurrences(text: str, needles: Sequence[str]) -> list[int]:
    """Ascending offsets of the non-overlapping occurrences of each needle (a regex scan for `a|b` without the
    scan: `str.find` jumps ahead). Needles made of different characters cannot overlap one another."""
    found: list[int] = []
    find = text.find
    for needle in needles:
        i = find(needle)
        while i >= 0:
            found.append(i)
            i = find(needle, i + len(needle))
    found.sort()
    return found


def _line_end(text: str, pos: int) -> int:
    newline = text.find("\n", pos)
    return len(text) if newline < 0 else newline


def _in_sorted_regions(pos: int, regions: list[Region], starts: list[int]) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and regions[i][0] <= pos < regions[i][1]


class Doc:
    """Precomputed views of one prompt text; expensive views are computed on first use."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = lowered(text)
        fence_starts: list[int] = []
        fence_ends: list[int] = []
        for start in _occurrences(text, FENCES):
            line_start = text.rfind("\n", 0, start) + 1
            if not text[line_start:start].strip(" \t"):
                fence_starts.append(line_start)
                fence_ends.append(_line_end(text, start + 3))
        self.fences = _pair_regions(fence_starts, fence_ends, len(text))
        self._fence_starts = [r[0] for r in self.fences]
        quotes = _occurrences(text, TRIPLE_QUOTES)
        self.triple_quoted = _pair_regions(quotes, [q + 3 for q in quotes], len(text))
        self._quote_starts = [r[0] for r in self.triple_quoted]

    def in_fence(self, pos: int) -> bool:
        """Whether a position lies inside a fenced code block (fence lines included)."""
        return bool(self.fences) and _in_sorted_regions(pos, self.fences, self._fence_starts)

    @cached_property
    def line_starts(self) -> list[int]:
        """Offset of every line start."""
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    @cached_property
    def xml_regions(self) -> list[XmlRegion]:
        """Matched XML-style tag pairs, in order of their closing tags."""
        stack: list[tuple[str, int, int]] = []
        regions: list[XmlRegion] = []
        for m in TAG_RE.finditer(self.text):
            closing, name = m.group(1), m.group(2).lower()
            if not closing:
                if not m.group(0).endswith("/>"):
                    stack.append((name, m.start(), m.end()))
                continue
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    _, open_start, open_end = stack[i]
                    del stack[i:]
                    regions.append(XmlRegion(name, open_start, open_end, m.start(), m.end(), i))
                    break
        return regions

    @cached_property
    def headings(self) -> list[tuple[int, int, str]]:
        """Markdown headings outside code fences as (offset, level, title)."""
        text = self.text
        result = []
        for m in HEADING_RE.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            indent = text[line_start : m.start()]
            if len(indent) <= 3 and not indent.strip(" \t") and not self.in_fence(m.start()):
                result.append((m.start(), len(m.group(1)), m.group(2).strip()))
        return result

    @cached_property
    def section_count(self) -> int:
        """Markdown headings plus top-level XML sections."""
        return len(self.headings) + sum(1 for r in self.xml_regions if r.depth == 0)

    @cached_property
    def variables(self) -> list[VarOccurrence]:
        """Every `{{...}}` occurrence, valid or not."""
        result = []
        local_names = {m.group(1) for m in TEMPLATE_LOCAL_RE.finditer(self.text)} if "{%" in self.text else set()
        for m in VAR_RE.finditer(self.text):
            raw = m.group(1)
            kind, name = classify_placeholder(raw)
            if kind == "var" and name in local_names:
                kind = "expr"
            result.append(VarOccurrence(name, raw, kind, m.start(), m.end()))
        return result

    @cached_property
    def slots(self) -> list[Slot]:
        """Unfilled slots and leftover markers (`[insert … here]`, `{topic}`, "Lorem ipsum", "TODO:")."""
        return find_slots(self.text, self.fences + self.triple_quoted)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Prose sentences and lines outside code fences, list markers excluded from the span."""
        result: list[Sentence] = []
        text, lower = self.text, self.lower
        segments: list[Region] = []
        pos = 0
        for start, end in self.fences:
            segments.append((pos, start))
            pos = end
        segments.append((pos, len(text)))
        for seg_start, seg_end in segments:
            merge = False
            for m in SENTENCE_RE.finditer(text, seg_start, seg_end):
                start, end = m.span(1)
                if text[end - 1] in " \t":
                    end = start + len(text[start:end].rstrip(" \t"))
                if merge and text.find("\n", result[-1].end, start) < 0:
                    # The previous piece ended in an abbreviation on this same line: it continues here.
                    start = result.pop().start
                result.append(Sentence(start, end, text[start:end], lower[start:end]))
                merge = (
                    text[end - 1] == "."
                    and lower[end - 2 : end - 1] in ABBREVIATION_LAST_CHARS
                    and _is_abbreviation(lower, end, start)
                )
        return result

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Start offsets of `sentences`, for bisecting."""
        return [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence containing `pos`, if any."""
        i = bisect_right(self.sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    @cached_property
    def paragraphs(self) -> list[Region]:
        """Blank-line separated blocks as spans (whitespace trimmed)."""
        result: list[Region] = []
        cursor = 0
        for m in PARAGRAPH_BOUNDARY_RE.finditer(self.text):
            result.append((cursor, m.start()))
            cursor = m.end()
        result.append((cursor, len(self.text)))
        return [(s, e) for s, e in result if self.text[s:e].strip()]

    @cached_property
    def has_cjk(self) -> bool:
        """Whether the text contains Chinese, Japanese or Korean script (written without spaces between words)."""
        return not self.text.isascii() and CJK_RE.search(self.text) is not None

    @cached_property
    def word_count(self) -> int:
        """Number of whitespace-separated words; in CJK script every CJK_CHARS_PER_WORD characters count as a word,
        so a Japanese prompt is not "near-empty" for lack of spaces."""
        words = self.text.split()
        if not self.has_cjk:
            return len(words)
        cjk = len(CJK_RE.findall(self.text))
        return len(words) + cjk // CJK_CHARS_PER_WORD

    def line_bounds(self, pos: int) -> Region:
        """Span of the line containing `pos` (newline excluded)."""
        return self.text.rfind("\n", 0, pos) + 1, _line_end(self.text, pos)

    def _neighbour_line(self, line_index: int, step: int) -> str | None:
        starts = self.line_starts
        i = line_index + step
        while 0 <= i < len(starts):
            end = starts[i + 1] - 1 if i + 1 < len(starts) else len(self.text)
            line = self.text[starts[i] : end]
            if line.strip():
                return line
            i += step
        return None

    def is_delimited(self, start: int, end: int) -> bool:
        """Whether a span is fenced, triple-quoted, inside an XML tag pair, or alone between marker lines."""
        if self.in_fence(start) or _in_sorted_regions(start, self.triple_quoted, self._quote_starts):
            return True
        if any(r.content_start <= start and end <= r.content_end for r in self.xml_regions):
            return True
        line_start, line_end = self.line_bounds(start)
        if self.text[line_start:start].strip() or self.text[end:line_end].strip():
            return False
        index = bisect_right(self.line_starts, start) - 1
        above = self._neighbour_line(index, -1)
        below = self._neighbour_line(index, 1)

        def is_marker(line: str | None) -> bool:
            return line is not None and (
                MARKER_LINE_RE.fullmatch(line) is not None or HEADING_LINE_RE.fullmatch(line) is not None
            )

        return is_marker(above) and (below is None or is_marker(below))

    def is_quoted(self, start: int, end: int) -> bool:
        """Whether a span is quoted on its line (an example being discussed, not an instruction)."""
        line_start, line_end = self.line_bounds(start)
        # Apostrophes (don't, user's) are not quotes, so single quotes count only when not between letters.
        before = APOSTROPHE_RE.sub("", self.text[line_start:start])
        after = APOSTROPHE_RE.sub("", self.text[end:line_end])
        for open_q, close_q in (('"', '"'), ("“", "”"), ("'", "'"), ("`", "`"), ("‘", "’")):
            opened = (
                before.count(open_q) % 2 == 1 if open_q == close_q else before.count(open_q) > before.count(close_q)
            )
            if opened and close_q in after:
                return True
        return False

    @cached_property
    def template_tags(self) -> list[Region]:
        """Spans of template markup (`{{ … }}`, `{% … %}`, `{# … #}`): names and logic, not instructions."""
        if "{" not in self.text:
            return []
        return [m.span() for m in TEMPLATE_TAG_RE.finditer(self.text)]

    @cached_property
    def _template_tag_starts(self) -> list[int]:
        return [r[0] for r in self.template_tags]

    def in_template_tag(self, pos: int) -> bool:
        """Whether a position lies inside template markup such as `{{#if premium}}`."""
        return bool(self.template_tags) and _in_sorted_regions(pos, self.template_tags, self._template_tag_starts)

    def prose(self, m: re.Match[str]) -> bool:
        """Whether a match is live prose: outside code fences and template markup, and not quoted."""
        return (
            not self.in_fence(m.start())
            and not self.in_template_tag(m.start())
            and not self.is_quoted(m.start(), m.end())
        )


CONDITIONAL = Phrases(
    "if\\b", "when\\b", "whenever\\b", "unless\\b", "in case\\b", "once\\b", "for example\\b", "for instance\\b"
)


def is_conditional(lower_sentence: str) -> bool:
    """Whether a sentence scopes itself with a condition (if, when, unless…)."""
    return CONDITIONAL.search(lower_sentence) is not None


@dataclass
class LintContext:
    """Everything a rule needs: the analysed text plus the request's options."""

    doc: Doc
    prompt: str | Sequence[ChatMessage]
    variables: Sequence[Variable] | None
    target: Target
    token_budget: int
    placeholder_names: frozenset[str] = field(default_factory=frozenset)

    @cached_property
    def declared(self) -> dict[str, Variable] | None:
        """Declared variables by name, or None when the caller gave no list."""
        return None if self.variables is None else {v.name: v for v in self.variables}

    def is_untrusted(self, name: str) -> bool:
        """Untrusted: declared with trusted=False or, when no list was given, named like user-supplied text
        (`question`, `customer_message`, `document`). System context (`currentDateTime`, `os`) and names that
        say neither are not reported without a declaration."""
        declared = self.declared
        if declared is None:
            return inferred_trust(name) is False
        var = declared.get(name)
        return var is not None and not var.trusted

    @property
    def trust_is_inferred(self) -> bool:
        """True when trust comes from names, not declarations (findings built on it are less certain)."""
        return self.variables is None
