"""Faster equivalents of the engine's heaviest regular expressions: the same matches, found sooner.

`re` tries a pattern at every position of a text. A case-insensitive alternation of dozens of phrases ("\\bformal\\w*|
\\binformal\\w*|\\bregister\\b|…") gets no prefix scan from `re`, so each position costs every alternative. A match can
only start with one of a few characters, though (here "f", "i", "r", … in either case). `prefiltered` reads them from
the parsed pattern and puts them in a lookahead before it: `(?=\\b[fir…])(?:<pattern>)`. Positions that cannot start
a match fail at the lookahead; every other position runs the pattern as before, so every match (its span, its groups,
the order `finditer` finds them in) is the one the pattern finds alone.

The first characters are a superset, never a guess: a lookahead or boundary is skipped (it consumes nothing), an
optional part adds its own first characters and those of what follows it, and anything the reading does not know (a
back-reference, `.`, a negated class, a scoped flag) leaves the pattern as it is. The characters go into a class
compiled with the pattern's own flags, so case folding and `\\w` in the class are those of the pattern.

`Twins` keeps a pattern's ASCII-mode twin for texts on which both modes read every character alike (`is_plain`).
"""

from __future__ import annotations

import re

# The parsed form of a pattern, read with `re`'s own parser (Python 3.11+; no stubs, hence the ignores).
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


class _Unknown(Exception):
    """The pattern holds something whose first characters are not read: it stays as it is."""


def _char(code: int) -> str:
    """One character for a character class (punctuation escaped, letters and digits as they are)."""
    char = chr(code)
    return char if char.isalnum() or not char.isascii() else "\\" + char


def _class_items(items: list[tuple[Any, Any]]) -> str:
    parts: list[str] = []
    for op, value in items:
        if op is sre.LITERAL and isinstance(value, int):
            parts.append(_char(value))
        elif op is sre.RANGE and isinstance(value, tuple):
            parts.append(f"{_char(value[0])}-{_char(value[1])}")
        elif op is sre.CATEGORY and value in _CATEGORIES:
            parts.append(_CATEGORIES[value])
        else:
            raise _Unknown(op)  # a negated class or category: nearly every character, no use as a filter
    return "".join(parts)


def _first(items: list[tuple[Any, Any]], bounded: bool, found: list[tuple[bool, str]]) -> bool:
    """Add to `found` the characters a match of the sequence `items` can start with, each with whether a word
    boundary holds before it (`bounded`); return whether the sequence can match the empty string."""
    for op, value in items:
        if op is sre.AT:
            bounded = bounded or value is sre.AT_BOUNDARY
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # consumes nothing: the next item starts the match
        elif op is sre.LITERAL and isinstance(value, int):
            found.append((bounded, _char(value)))
            return False
        elif op is sre.IN and isinstance(value, list):
            found.append((bounded, _class_items(value)))
            return False
        elif op is sre.SUBPATTERN and isinstance(value, tuple):
            _group, add_flags, del_flags, sub = value
            if add_flags or del_flags:
                raise _Unknown(op)
            if not _first(sub.data, bounded, found):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _first(value.data, bounded, found):
                return False
        elif op is sre.BRANCH and isinstance(value, tuple):
            empty = False
            for alternative in value[1]:
                empty = _first(alternative.data, bounded, found) or empty
            if not empty:
                return False
        elif op in _REPEATS and isinstance(value, tuple):
            least, _most, sub = value
            if not _first(sub.data, bounded, found) and least > 0:
                return False
        else:
            raise _Unknown(op)
    return True


def prefiltered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern behind a lookahead for the characters its matches can start with (or the pattern itself)."""
    source = prefiltered_source(pattern.pattern, pattern.flags)
    if source == pattern.pattern:
        return pattern
    _uncache(pattern)
    return re.compile(source, pattern.flags)


def prefiltered_source(source: str, flags: int) -> str:
    """The source `prefiltered` compiles for a pattern of this source and (compiled) flags, or the source itself:
    for a caller that wants only another mode's pattern of it, without compiling this one."""
    if flags & re.VERBOSE or _GLOBAL_FLAGS.match(source):
        return source  # white space would need escaping; a leading "(?i)" must stay first
    try:
        found: list[tuple[bool, str]] = []
        if _first(_parser.parse(source, flags).data, False, found):
            return source  # it can match the empty string anywhere
    except _Unknown:
        return source
    bounded = "".join(dict.fromkeys(chars for is_bounded, chars in found if is_bounded))
    free = "".join(dict.fromkeys(chars for is_bounded, chars in found if not is_bounded))
    heads = ([rf"\b[{bounded}]"] if bounded else []) + ([f"[{free}]"] if free else [])
    return f"(?={'|'.join(heads)})(?:{source})"


def _uncache(pattern: re.Pattern[str]) -> None:
    """Take the pattern out of `re`'s cache of compiled patterns (the last 512 `re.compile` calls).

    The pattern `prefiltered` replaces is often a throw-away (`prefiltered(re.compile(...))`, a keyword gate), kept
    alive by that cache alone: after the engine's imports and first calls it held 245 such patterns, 0.84 MB, the
    biggest 205 KB. A caller that keeps its pattern is not affected; a later `re.compile` of the same source
    compiles it again."""
    cache = getattr(re, "_cache", None)  # CPython's: keyed by (type, source, flags as passed)
    if not isinstance(cache, dict):
        return
    for flags in {pattern.flags, pattern.flags & ~re.UNICODE}:
        key = (type(pattern.pattern), pattern.pattern, flags)
        if cache.get(key) is pattern:
            del cache[key]


# ASCII mode. On a text of ASCII characters without the separators \x1c-\x1f (white space to Unicode `\s`, not to
# ASCII `\s`), `\w`, `\b`, `\d` and `\s` mean the same in both modes, and so does case folding, except for the four
# non-ASCII characters that fold to ASCII letters (İ, ı, ſ, the Kelvin sign). `re` runs case-insensitive patterns
# about twice as fast in ASCII mode.
_SEPARATORS = ("\x1c", "\x1d", "\x1e", "\x1f")
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
_BY_CODE = re.compile(r"\\[uUxN0-9]")
"""An escape that names a character by its code (it may be one of those four), or a back-reference."""
_NON_ASCII_RANGE = re.compile(r"[^\x00-\x7f]-|-[^\x00-\x7f]")
"""A range with a non-ASCII end ("[À-ž]" holds ſ): left in Unicode mode, as is any hyphen next to such a letter."""


def is_plain(text: str) -> bool:
    """Whether ASCII mode and Unicode mode read every character of the text alike."""
    return text.isascii() and not any(separator in text for separator in _SEPARATORS)


def ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern in ASCII mode, finding on an `is_plain` text what the pattern finds (or the pattern itself, when
    its source could match otherwise)."""
    source = pattern.pattern
    if _BY_CODE.search(source) or _NON_ASCII_RANGE.search(source) or not _FOLDS_TO_ASCII.isdisjoint(source):
        return pattern
    try:
        return re.compile(source, (pattern.flags & ~re.UNICODE) | re.ASCII)
    except re.error:  # an inline "(?u)"
        return pattern


class Twins:
    """A pattern and its ASCII twin (compiled on first use): `get(is_plain(text))` is the one to search text with."""

    __slots__ = ("_plain", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._plain: re.Pattern[str] | None = None

    def get(self, plain: bool) -> re.Pattern[str]:
        if not plain:
            return self.pattern
        if self._plain is None:
            self._plain = ascii_twin(self.pattern)
        return self._plain
