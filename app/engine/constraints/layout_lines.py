"""A reply layout pasted line by line is copied line by line, markers and all.

"Formato del correo:\nAsunto: …\nSaludo: "Estimados comuneros:"\nDespués los acuerdos numerados …\nCierre fijo:
…\nFirma: …" is the whole e-mail, in order: read as sections it stopped at the first line without a label and kept
two of six lines, and "Saludo:" became a heading to write. "【标题】不超过30个字" and "NOTE : x/10" carry their own
markers, which a "heading: description" rewrite loses (标题:, NOTE:). Such lines are shown as the brief writes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# "【标题】", "［卖点］": a bracket marker; "NOTE : x/10": a label with the space before its colon (French typography)
_OWN_MARKER = re.compile(r"^[ \t]*[【［]|^[^\n:：]{1,40}\S[ \t]+[:：](?:[ \t]|$)")
_MAX_LINES = 14


def verbatim_layout(headings: list[str]) -> bool:
    """Whether an outline's lines are copied as written: one of them has no label."""
    return any(not heading for heading in headings)


def marked_line(line: str) -> bool:
    """Whether a section's line carries its own marker ("【标题】…", "NOTE : x/10"), to be shown as written."""
    return bool(_OWN_MARKER.match(line))


def with_unlabelled_lines(
    text: str, sections: list[Any], labelled: Callable[[str], bool], ends: Callable[[str], bool]
) -> list[Any]:
    """The sections with the block's unlabelled lines, when labelled lines follow them before the block ends
    ("Después los acuerdos numerados …" between "Saludo:" and "Cierre fijo:"): one layout, every line in order.
    Unchanged when the block ends at the last labelled line or at a line that `ends` it (a case's own reply:
    'No findings: "Looks good to merge."')."""
    if len(sections) < 2:
        return sections
    last = sections[-1]
    position = last.end + 1
    block: list[tuple[int, int, str]] = []
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[position:end]
        if not line.strip() or ends(line):
            break
        block.append((position, end, line.strip()))
        position = end + 1
    labelled_at = [i for i, (_, _, line) in enumerate(block) if labelled(line)]
    if not labelled_at or len(sections) + len(block) > _MAX_LINES:
        return sections
    kept = block[: labelled_at[-1] + 1]
    section_type = type(last)
    extra = [
        section_type(*_split(line), start, end, line) if labelled(line) else section_type("", line, start, end, line)
        for start, end, line in kept
    ]
    return [*sections, *extra]


def _split(line: str) -> tuple[str, str]:
    head, _, description = re.split(r"([:：])", line, maxsplit=1) if re.search(r"[:：]", line) else (line, "", "")
    return head.strip(), description.strip()
