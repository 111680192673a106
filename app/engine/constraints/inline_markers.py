"""Item markers inside a line ("1) … 2) …", "a) … b) …") and numbered lines: where a brief's inline list items start."""

from __future__ import annotations

import functools
import re

_LOWER_NEXT = re.compile(r"\s[a-zäöü]")


_ORDINAL_LEAD = re.compile(r"\b(?:der|die|das|dem|den|des|am|im|vom|zum|zur|und|bis|ab|seit)\s+\d{1,2}$", re.I)


def is_ordinal(text: str, index: int) -> bool:
    """Whether "5." at `index` is a German ordinal ("der 5. und 6. Klasse"): a lowercase word follows, or an
    article or conjunction comes before it."""
    lower_next = _LOWER_NEXT.match(text, index + 1) is not None
    # "we're open tues-sat 11-3. dont take orders": a range or a time that ends a sentence, then an English word
    if lower_next and (
        re.search(r"[-–:/]\d{1,2}$", text[max(0, index - 6) : index]) or _ENGLISH_NEXT.match(text, index + 1)
    ):
        lower_next = False
    return lower_next or bool(_ORDINAL_LEAD.search(text, max(0, index - 12), index))


_ENGLISH_NEXT = re.compile(
    r"\s+(?:dont|don't|do|we|i|the|you|no|never|please|pls|it|they|if|then|so|also|but|our|my|just|always|keep|"
    r"make|send|use|say|tell|ask|only)\b"
)


_MARKER = re.compile(r"(?:^|(?<=[\s:;(]))(?P<n>\d{1,2})$")


def inline_marker(text: str, index: int) -> int | None:
    """Where an inline list item's number starts, when the full stop at `index` closes "N." in a run "1. … 2. …"."""
    found = _MARKER.search(text, max(0, index - 4), index)
    if found is None or not text[index + 1 : index + 2].isspace():
        return None
    if _ORDINAL_LEAD.search(text, max(0, index - 12), found.start()):
        return None  # "der 5. und 6. Klasse": German ordinals, not list items
    line_start = text.rfind("\n", 0, found.start()) + 1
    if line_start and not text[line_start : found.start()].strip() and numbered_line(text, found.start()):
        return found.start()  # "in this order:\n1. full name\n2. …": a number that opens its line marks an item
    number = int(found.group("n"))
    # Items of a list say something: "5. und 6." has one word between its numbers, an item has three or more.
    if number == 1:
        following = _next_two(text, index + 1)
        return found.start() if following is not None and len(text[index + 1 : following].split()) >= 3 else None
    previous = _previous_item_end(text, number - 1, found.start())
    if previous is not None and len(text[previous : found.start()].split()) >= 3:
        return found.start()
    return None


def numbered_line(text: str, start: int) -> bool:
    """Whether the line whose number starts at `start` is an item of a numbered list: "1. " with a "2. " line after
    it, or "n. " with an "n-1. " line before it ("24. und 31. Dezember …" and "1.5米以上…" are no items)."""
    marker = _LINE_NUMBER.match(text, start)
    if marker is None:
        return False
    number = int(marker.group("n"))
    if number == 1:
        end = text.find("\n", start)
        following = text[end + 1 :].lstrip(" \t") if end >= 0 else ""
        return _LINE_NUMBER.match(following[:8]) is not None and following.startswith(("2.", "2)", "2、", "2．"))
    line_start = text.rfind("\n", 0, start) + 1
    previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    previous = text[previous_start:line_start].lstrip(" \t")
    return any(previous.startswith(f"{number - 1}{mark}") for mark in ".)、．")


_LINE_NUMBER = re.compile(r"(?P<n>\d{1,2})(?:[.)](?=[ \t]+\S)|[、．](?=\s*\S))")


_TWO = re.compile(r"[\s:;]2\.\s")


def _next_two(text: str, start: int) -> int | None:
    r"""Where `re.search(r"(?:^|[\s:;])2\.\s", text[start:])` starts its match, in `text`, when `text[start]` is white
    space (so "^" cannot match): found by `str.find`, not by trying the pattern at every position."""
    position = text.find("2.", start + 1)
    while position != -1:
        if _TWO.match(text, position - 1):
            return position - 1
        position = text.find("2.", position + 1)
    return None


@functools.cache
def _item_marker(number: int) -> re.Pattern[str]:
    return re.compile(rf"(?:^|[\s:;]){number}\.\s")


def _previous_item_end(text: str, number: int, end: int) -> int | None:
    r"""The end of the last match of `re.finditer(rf"(?:^|[\s:;]){number}\.\s", text[:end])`, found backwards.

    Scanning the text before every item made a prompt's numbered rules quadratic. A match is "N." with the
    character before it (or the text's start) and the white space after it, so matches overlap only in a run
    "␣N.␣N.␣", each one `size` after the last: `finditer` keeps the first of such a run, skips the second, keeps the
    third, and so on.
    """
    pattern = _item_marker(number)
    key = f"{number}."
    size = len(key) + 1

    def marker_at(position: int) -> bool:  # "N." at `position` is a match of its own (not inside a longer number)
        match = pattern.match(text, max(0, position - 1), end)
        return match is not None and match.end() == position + size

    position = text.rfind(key, 0, end)
    while position != -1 and not marker_at(position):
        position = text.rfind(key, 0, position + len(key) - 1)
    if position == -1:
        return None
    run = 0
    while position - (run + 1) * size >= 0 and marker_at(position - (run + 1) * size):
        run += 1
    return position + size if run % 2 == 0 else position
