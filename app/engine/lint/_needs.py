"""Words a phrase pattern cannot match without: a filter that skips most scans of a long prompt.

A `Phrases` pattern is scanned over the whole lower-cased prompt (about 10 µs per pattern on 20 KB), and on a
real prompt nearly nine scans in ten find nothing. `needs` reads the parsed pattern (with `re`'s own parser) and
lists conditions every accepted match meets, on the text's ASCII words (`_phrases.ascii_words`: the text cut at
every character that is not an ASCII letter, digit or "_"): "the word `about` occurs" for `about\\b` after a word
start, "a word starts with `exhaustive`" for `exhaustive(?:ly)?\\b`. A pattern whose conditions fail cannot match
and is not scanned; one whose conditions hold is scanned as before, so the matches are the pattern's own.

The conditions are necessary, never a guess: a run of ASCII word characters counts as a whole word only when
something in the pattern ends it on both sides (a character that is no ASCII word character, `\\b`, `\\s`, the
start of an accepted match), and as a word start when only its left side is ended. Anything the reading does not
know (a class with letters, an optional part, a back-reference, a scoped flag) ends the word in progress without a
condition on its right. `\\b` and `$` at the end of a window (`search(text, pos, endpos)`) hold where the full text
has a letter, so the conditions are only for scans of the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The parsed form of a pattern, read with `re`'s own parser (Python 3.11+; no stubs, hence the ignores).
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, NamedTuple, TypeVar

Leaf = tuple[int, bytes]
"""(WORD, w): the word w occurs in the text; (START, p): some word of the text starts with p; (PAIR, b"a b"): the word
b follows the word a."""
Clause = tuple[Leaf, ...]
"""Met when any of its leaves is."""

START, WORD, PAIR = 0, 1, 2
T = TypeVar("T")
START_LEN = 4
"""Word starts are looked up by their first START_LEN characters (a shorter start is no condition)."""

_ASCII_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_NON_WORD_CATEGORIES = frozenset({sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD})
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_LOOKS = (sre.ASSERT, sre.ASSERT_NOT)
_ENDS = (sre.AT_BOUNDARY, sre.AT_END, sre.AT_END_STRING)
_STARTS = (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)


def _is_word(code: int) -> bool:
    return code in _ASCII_WORD


def _non_word_class(items: list[tuple[Any, Any]]) -> bool:
    """Whether a character class holds no ASCII word character (`\\s`, `[ -]`, `[:;]`)."""
    for op, value in items:
        if op is sre.LITERAL and isinstance(value, int):
            if _is_word(value):
                return False
        elif op is sre.RANGE and isinstance(value, tuple):
            if any(value[0] <= c <= value[1] for c in _ASCII_WORD):
                return False
        elif not (op is sre.CATEGORY and value in _NON_WORD_CATEGORIES):
            return False  # a negated class, `\w`, `\d`: it may hold a word character
    return True


def _non_word_char(op: Any, value: Any) -> bool:
    """Whether the item consumes one character that is no ASCII word character."""
    if op is sre.LITERAL:
        return not _is_word(value)
    return op is sre.IN and _non_word_class(value)


def _starts_bounded(items: list[tuple[Any, Any]], index: int, tail_bounded: bool) -> bool:
    """Whether, after a word character, what follows `items[index - 1]` ends the word."""
    if index >= len(items):
        return tail_bounded
    op, value = items[index]
    if op is sre.AT:
        return value in _ENDS
    if op in _REPEATS:
        least, _most, sub = value
        return least > 0 and len(sub.data) == 1 and _non_word_char(*sub.data[0])
    return _non_word_char(op, value)


def _ends_non_word(items: list[tuple[Any, Any]]) -> bool:
    """Whether every match of the sequence ends with a character that is no ASCII word character."""
    if not items:
        return False
    op, value = items[-1]
    if op is sre.BRANCH:
        return all(_ends_non_word(_flatten(alternative.data)) for alternative in value[1])
    if op in _REPEATS:
        return value[0] > 0 and _ends_non_word(_flatten(value[2].data))
    return _non_word_char(op, value)


def _flatten(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """The items with every plain group opened in place (a group matches exactly what its items match)."""
    out: list[tuple[Any, Any]] = []
    for op, value in items:
        if op is sre.SUBPATTERN and not value[1] and not value[2]:
            out.extend(_flatten(value[3].data))
        else:
            out.append((op, value))
    return out


def _best(clauses: list[Clause]) -> Clause | None:
    """The clause most likely to fail on a text: fewest leaves, pairs and whole words first, longest."""
    if not clauses:
        return None
    return min(clauses, key=lambda c: (len(c), -sum(kind for kind, _ in c), -min(len(chars) for _, chars in c)))


class _State(NamedTuple):
    run: bytes
    run_bounded: bool
    run_after: bytes
    bounded: bool
    last: bytes


class _Reader:
    """Walks one sequence of parsed items, keeping the word in progress."""

    def __init__(self, state: _State) -> None:
        self.out: list[Clause] = []
        self.run, self.run_bounded, self.run_after, self.bounded, self.last = state
        """`bounded`: the character before the next item is no ASCII word character (or the match starts there).
        `last`: the last whole word, when only characters that are no word characters were read since;
        `run_after`: that word, for the word in progress."""

    def state(self) -> _State:
        return _State(self.run, self.run_bounded, self.run_after, self.bounded, self.last)

    def close(self, right_bounded: bool) -> None:
        if self.run:
            whole = self.run_bounded and right_bounded
            if self.run_bounded:
                self.out.append(((WORD if whole else START, self.run),))
            if whole and self.run_after:
                self.out.append(((PAIR, self.run_after + b" " + self.run),))
            self.last = self.run if whole else b""
        self.run = b""

    def unknown(self) -> None:
        self.close(False)
        self.bounded = False
        self.last = b""

    def literal(self, code: int) -> None:
        if _is_word(code):
            if not self.run:
                self.run_bounded = self.bounded
                self.run_after = self.last if self.bounded else b""
                self.last = b""
            self.run += bytes((code,))
            self.bounded = False
        else:
            self.close(True)
            self.bounded = True

    def at(self, where: Any) -> None:
        if where in _ENDS:
            self.close(True)
            self.bounded = where is sre.AT_BOUNDARY
        elif where in _STARTS and not self.run:
            self.bounded = True
        else:
            self.unknown()

    def repeat(self, value: Any) -> None:
        least, _most, sub = value
        if least == 0:
            # Skipped or taken: a word starts after it when one starts before it and it ends with no word character
            # ("(?:any |all )?" after a space).
            bounded = self.bounded and not self.run and _ends_non_word(_flatten(sub.data))
            self.unknown()
            self.bounded = bounded
        elif len(sub.data) == 1 and _non_word_char(*sub.data[0]):
            self.close(True)
            self.bounded = True
        else:
            # The first repetition goes on with the word in progress; what follows it is not known.
            self.out.extend(_read(_flatten(sub.data), self.state(), False))
            self.run = b""
            self.bounded = False
            self.last = b""

    def branch(self, alternatives: list[Any], right_bounded: bool) -> None:
        # Each alternative goes on with the word in progress; a match meets the conditions of one of them.
        leaves: list[Leaf] = []
        state = self.state()
        for alternative in alternatives:
            best = _best(_read(_flatten(alternative.data), state, right_bounded))
            if best is None:
                leaves = []
                break
            leaves.extend(best)
        if leaves:
            self.out.append(tuple(dict.fromkeys(leaves)))
        self.run = b""
        self.bounded = False
        self.last = b""


def _read(items: list[tuple[Any, Any]], state: _State, tail: bool) -> list[Clause]:
    """The conditions every match of `items` meets, given what was read before it (`state`) and whether a word ends
    after it (`tail`)."""
    reader = _Reader(state)
    for index, (op, value) in enumerate(items):
        if op is sre.LITERAL:
            reader.literal(value)
        elif op is sre.AT:
            reader.at(value)
        elif op is sre.IN:
            if _non_word_class(value):
                reader.close(True)
                reader.bounded = True
            else:
                reader.unknown()
        elif op in _REPEATS:
            reader.repeat(value)
        elif op is sre.BRANCH:
            reader.branch(value[1], _starts_bounded(items, index + 1, tail))
        elif op in _LOOKS:
            continue  # consumes nothing
        else:
            reader.unknown()  # `.`, a back-reference, a group with its own flags…
    reader.close(tail)
    return reader.out


def needs(pattern: str, flags: int, word_start: bool) -> tuple[Clause, ...]:
    """Conditions on the text's ASCII words that every match `Phrases` accepts meets (none when unknown).

    `word_start`: a match that starts with a word character is accepted only at the start of a word."""
    if flags & (re.IGNORECASE | re.LOCALE | re.VERBOSE):
        return ()
    parsed = _parser.parse(pattern, flags)
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
        return ()  # an inline "(?i)"
    return tuple(dict.fromkeys(_read(_flatten(parsed.data), _State(b"", False, b"", word_start, b""), False)))


class Needs(NamedTuple):
    """`needs` conditions as set operations on a text's words, word starts and pairs (see `_phrases._TextWords`)."""

    words: frozenset[bytes]
    """Every one occurs."""
    starts: frozenset[bytes]
    """Every one is the first START_LEN characters of a word."""
    pairs: frozenset[tuple[bytes, bytes]]
    """Every one is two consecutive words."""
    any_of: tuple[tuple[frozenset[bytes], frozenset[bytes], frozenset[tuple[bytes, bytes]]], ...]
    """For each: one of its words, starts or pairs occurs."""

    @property
    def only_words(self) -> bool:
        return not self.starts and not self.pairs and not self.any_of


def compile_needs(clauses: tuple[Clause, ...], first_word: bytes = b"") -> Needs:
    """The clauses as sets, with `first_word` (when given) as a further word that must occur."""
    sets: tuple[set[bytes], set[bytes], set[tuple[bytes, bytes]]] = (
        {first_word} if first_word else set(),
        set(),
        set(),
    )
    any_of = []
    for clause in clauses:
        if any(kind == START and len(chars) < START_LEN for kind, chars in clause):
            continue  # met by nearly every text
        words = _shared(chars for kind, chars in clause if kind == WORD)
        starts = _shared(chars[:START_LEN] for kind, chars in clause if kind == START)
        pairs = _shared(_pair(chars) for kind, chars in clause if kind == PAIR)
        if len(clause) > 1:
            any_of.append((words, starts, pairs))
        else:
            sets[0].update(words)
            sets[1].update(starts)
            sets[2].update(pairs)
    return Needs(_shared(sets[0]), _shared(sets[1]), _shared(sets[2]), tuple(dict.fromkeys(any_of)))


_SHARED: dict[frozenset[Any], frozenset[Any]] = {}
"""One frozenset per distinct value across every pattern's `Needs`: about a thousand patterns are read, most of
their sets are empty or repeat another's, and each frozenset takes at least 216 bytes (1.2 MB in all unshared)."""


def _shared(items: Iterable[T]) -> frozenset[T]:
    """The items as a frozenset, the same object as every equal set made before (see `_SHARED`)."""
    value: frozenset[Any] = frozenset(items)
    return _SHARED.setdefault(value, value)


def _pair(chars: bytes) -> tuple[bytes, bytes]:
    first, second = chars.split(b" ")
    return first, second
