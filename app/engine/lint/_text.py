"""Shared text analysis for the lint rules.

The prompt is analysed once into a `Doc` (fenced blocks, XML tag pairs, headings, sentences, paragraphs,
variable occurrences); rules then read those precomputed views instead of rescanning the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from app.engine.types import ChatMessage, Target, Variable

VAR_RE = re.compile(r"\{\{([^{}]*?)\}\}")
VALID_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
FENCE_RE = re.compile(r"^[ \t]*(?:```|~~~)", re.M)
TRIPLE_QUOTE_RE = re.compile(r'"""|\'\'\'')
TAG_RE = re.compile(r"<(/?)([A-Za-z][\w.:-]*)(?:\s[^<>\n]*)?>")
HEADING_RE = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(\S[^\n]*)$", re.M)
MARKER_LINE_RE = re.compile(r"[ \t]*(?:-{3,}|={3,}|\*{3,}|#{3,}|_{3,})[ \t]*")
HEADING_LINE_RE = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+\S.*")
# A sentence ends at . ! ? followed by space (abbreviations excluded), or at a line break.
SENTENCE_BOUNDARY_RE = re.compile(r"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\bDr\.)(?<!\bMr\.)\s+|\n+")
PARAGRAPH_BOUNDARY_RE = re.compile(r"\n[ \t]*\n\s*")
LIST_PREFIX_RE = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)]|[A-Za-z][.)](?=\s))?\s*")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*")
CONDITIONAL_RE = re.compile(r"\b(?:if|when|whenever|unless|in case|once|for (?:example|instance))\b")

Region = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence or line of prose with its span; `body` has list markers stripped."""

    start: int
    end: int
    text: str
    body: str
    lower: str


@dataclass(frozen=True, slots=True)
class VarOccurrence:
    """One `{{...}}` in the text."""

    name: str
    raw: str
    valid: bool
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class XmlRegion:
    """A matched `<tag>...</tag>` pair."""

    name: str
    start: int
    content_start: int
    content_end: int
    end: int
    depth: int


def _pair_regions(starts: list[int], ends: list[int], text_len: int) -> list[Region]:
    """Pair consecutive delimiters into regions; an unclosed last one runs to the end of the text."""
    regions: list[Region] = []
    for i in range(0, len(starts), 2):
        close = ends[i + 1] if i + 1 < len(starts) else text_len
        regions.append((starts[i], close))
    return regions


def _line_end(text: str, pos: int) -> int:
    newline = text.find("\n", pos)
    return len(text) if newline < 0 else newline


def _in_sorted_regions(pos: int, regions: list[Region], starts: list[int]) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and regions[i][0] <= pos < regions[i][1]


class Doc:
    """Precomputed views of one prompt text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = text.lower()
        fence_matches = list(FENCE_RE.finditer(text))
        fence_line_ends = [_line_end(text, m.end()) for m in fence_matches]
        self.fences = _pair_regions([m.start() for m in fence_matches], fence_line_ends, len(text))
        self._fence_starts = [r[0] for r in self.fences]
        quote_matches = list(TRIPLE_QUOTE_RE.finditer(text))
        self.triple_quoted = _pair_regions([m.start() for m in quote_matches], [m.end() for m in quote_matches], len(text))
        self._quote_starts = [r[0] for r in self.triple_quoted]
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def in_fence(self, pos: int) -> bool:
        """Whether a position lies inside a fenced code block (fence lines included)."""
        return _in_sorted_regions(pos, self.fences, self._fence_starts)

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
        return [
            (m.start(), len(m.group(1)), m.group(2).strip())
            for m in HEADING_RE.finditer(self.text)
            if not self.in_fence(m.start())
        ]

    @cached_property
    def section_count(self) -> int:
        """Markdown headings plus top-level XML sections."""
        return len(self.headings) + sum(1 for r in self.xml_regions if r.depth == 0)

    @cached_property
    def variables(self) -> list[VarOccurrence]:
        """Every `{{...}}` occurrence, valid or not."""
        result = []
        for m in VAR_RE.finditer(self.text):
            raw = m.group(1)
            name = raw.strip()
            result.append(VarOccurrence(name, raw, VALID_NAME_RE.fullmatch(name) is not None, m.start(), m.end()))
        return result

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Prose sentences and lines outside code fences, with list markers stripped from `body`."""
        result: list[Sentence] = []
        text = self.text
        segments: list[Region] = []
        pos = 0
        for start, end in self.fences:
            segments.append((pos, start))
            pos = end
        segments.append((pos, len(text)))
        for seg_start, seg_end in segments:
            cursor = seg_start
            for m in SENTENCE_BOUNDARY_RE.finditer(text, seg_start, seg_end):
                self._add_sentence(result, cursor, m.start())
                cursor = m.end()
            self._add_sentence(result, cursor, seg_end)
        return result

    def _add_sentence(self, out: list[Sentence], start: int, end: int) -> None:
        raw = self.text[start:end]
        if not raw.strip():
            return
        prefix = LIST_PREFIX_RE.match(raw)
        skip = prefix.end() if prefix else 0
        body = raw[skip:].rstrip()
        if body:
            out.append(Sentence(start + skip, start + skip + len(body), raw, body, body.lower()))

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
    def word_count(self) -> int:
        """Number of whitespace-separated words."""
        return len(self.text.split())

    def line_bounds(self, pos: int) -> Region:
        """Span of the line containing `pos` (newline excluded)."""
        i = bisect_right(self.line_starts, pos) - 1
        start = self.line_starts[i]
        end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def _neighbour_line(self, line_index: int, step: int) -> str | None:
        i = line_index + step
        while 0 <= i < len(self.line_starts):
            start = self.line_starts[i]
            end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(self.text)
            line = self.text[start:end]
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
            return line is not None and (MARKER_LINE_RE.fullmatch(line) is not None or HEADING_LINE_RE.fullmatch(line) is not None)

        return is_marker(above) and (below is None or is_marker(below))

    def is_quoted(self, start: int, end: int) -> bool:
        """Whether a span is quoted on its line (an example being discussed, not an instruction)."""
        line_start, line_end = self.line_bounds(start)
        before = self.text[line_start:start]
        after = self.text[end:line_end]
        for open_q, close_q in (('"', '"'), ("“", "”"), ("'", "'"), ("`", "`")):
            if before.count(open_q) % 2 == 1 if open_q == close_q else before.count(open_q) > before.count(close_q):
                if close_q in after:
                    return True
        return False


def is_conditional(lower_sentence: str) -> bool:
    """Whether a sentence scopes itself with a condition (if, when, unless…)."""
    return CONDITIONAL_RE.search(lower_sentence) is not None


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
        """Untrusted: declared with trusted=False, or any variable when no list was given."""
        declared = self.declared
        if declared is None:
            return True
        var = declared.get(name)
        return var is not None and not var.trusted
