"""Repair list numbering in text kept verbatim: renumber runs, keep nesting, keep bullets as bullets."""

from __future__ import annotations

import re

_NUMBERED = re.compile(r"^(?P<indent>[ \t]*)(?P<num>\d{1,3})(?P<mark>[.)])(?P<gap>[ \t]+)(?P<rest>.*)$")
_BULLET = re.compile(r"^(?P<indent>[ \t]*)[-*+•][ \t]+")
# "3. 1. Read the ticket": a second marker left behind when two numbered lists were merged into one item.
_DOUBLE_MARKER = re.compile(r"^\d{1,3}[.)][ \t]+(?=\S)")
LIST_LINE = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+\S")


def _width(indent: str) -> int:
    return len(indent.replace("\t", "    "))


def is_list_line(line: str) -> bool:
    """Whether a line is a bullet or numbered list item."""
    return LIST_LINE.match(line) is not None


def repair_numbering(body: str) -> str:
    """Renumber every numbered run 1, 2, 3… per nesting level; blank lines inside a list keep it going.

    A prose line at the outer level ends the list, so a later list starts again at 1. Bullets stay bullets.
    """
    counters: list[tuple[int, int]] = []  # (indent width, last number) from the outermost level inwards
    out: list[str] = []
    in_fence = False
    for line in body.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence or line.lstrip().startswith(("```", "~~~")):
            out.append(line)  # code and data inside a fence are never touched
            continue
        numbered = _NUMBERED.match(line)
        if numbered:
            width = _width(numbered.group("indent"))
            while counters and counters[-1][0] > width:
                counters.pop()
            number = counters[-1][1] + 1 if counters and counters[-1][0] == width else 1
            if counters and counters[-1][0] == width:
                counters[-1] = (width, number)
            else:
                counters.append((width, number))
            rest = _DOUBLE_MARKER.sub("", numbered.group("rest"))
            out.append(f"{numbered.group('indent')}{number}{numbered.group('mark')}{numbered.group('gap')}{rest}")
            continue
        bullet = _BULLET.match(line)
        if bullet:
            width = _width(bullet.group("indent"))
            # A bullet nested under a numbered item leaves that item's count alone; a bullet at the same level
            # ends the numbered run, so a numbered list after it starts again at 1.
            while counters and counters[-1][0] >= width:
                counters.pop()
        elif line.strip() and not line[:1].isspace():
            counters.clear()  # outer-level prose ends the list
        out.append(line)
    return "\n".join(out)
