"""Parts of the reply the brief writes as lettered or numbered paragraphs: "A) a client update email. … Max 150
words.\n\nB) under the email, one internal log line …". A limit written inside a part bounds that part, not the reply.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

# "A) ", "B. ", "1) ", "Part 2:" at the start of a line
_PART_START = re.compile(r"(?m)^[ \t]*(?:(?P<letter>[A-D])[).:]|(?P<number>[1-4])\)|part\s+(?:[A-D1-4])\s*:)[ \t]+",
                         re.IGNORECASE)  # fmt: skip
# "a client update email", "one internal log line", "the summary for the file": what the part is
_PART_NAME = re.compile(
    r"(?:an?|one|the)\s+(?P<name>(?:[\w-]+\s+){0,4}?(?:e-?mails?|summary|summaries|notes?|messages?|replies|reply|"
    r"letters?|lines?|logs?|posts?|captions?|descriptions?|reports?|lists?|paragraphs?|answers?|drafts?|texts?))\b",
    re.IGNORECASE,
)


class LetteredPart(NamedTuple):
    """One lettered part: its name ("client update email"), where the name ends, and the part's extent."""

    name: str
    start: int
    end: int
    name_end: int


def lettered_parts(text: str) -> list[LetteredPart]:
    """The named parts of a brief written as two or more lettered paragraphs, or none."""
    starts = list(_PART_START.finditer(text))
    if len(starts) < 2:
        return []
    # "A) a reply email\nB) one CRM line\nKeep the whole thing under 150 words.": parts of one line each end at their
    # line, so what follows the last one is said of the whole reply
    one_line_each = all("\n" not in text[a.end() : b.start()].rstrip("\n") for a, b in pairwise(starts))
    parts: list[LetteredPart] = []
    for index, start in enumerate(starts):
        if index + 1 < len(starts):
            end = starts[index + 1].start()
        elif one_line_each:
            line_end = text.find("\n", start.end())
            end = len(text) if line_end == -1 else line_end
        else:
            end = _paragraph_end(text, start.end())
        name = _PART_NAME.match(text, start.end())
        if name is not None:
            parts.append(LetteredPart(" ".join(name.group("name").lower().split()), start.end(), end, name.end()))
    return parts


def _paragraph_end(text: str, start: int) -> int:
    blank = re.search(r"\n[ \t]*\n", text[start:])
    return start + blank.start() if blank else len(text)
