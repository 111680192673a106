"""Reference material pasted into a brief: a tenancy agreement, a price list or an FAQ between marker lines.

    --- TENANCY AGREEMENT (extract) ---
    4.1 Rent is payable monthly in advance …
    --- END ---

Such a block is what the assistant works from, not what the requester asks of it: its clauses are no rules ("4.3
If rent is more than 14 days late …"), its words name no job ("(extract)" makes no extractor), and it must reach the
prompt whole, in the requester's words. So the block is blanked out of the task before anything reads it (offsets
unchanged), and handed to the composer as a verbatim section.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import msgspec

from app.engine.brief import Brief
from app.engine.spec import Section

# A marker line: "--- TITLE ---", "=== Price list ===", "*** FAQ", "--- END ---", "-----".
_MARKER = re.compile(
    r"^[ \t]*(?P<fence>-{3,}|={3,}|\*{3,}|#{3,}|_{3,})[ \t]*(?P<title>[^\n]*?)[ \t]*(?:-{3,}|={3,}|\*{3,}|#{3,}|_{3,})?"
    r"[ \t]*$",
    re.MULTILINE,
)
_END = re.compile(r"^(?:end|ende|fin|fim|fine|einde|終わり|结束|以上)\b", re.IGNORECASE)
# Headings that frame the requester's own instructions, which must still be read as such.
_INSTRUCTION_TITLE = re.compile(
    r"\b(?:rules?|constraints?|instructions?|requirements?|guidelines?|output|format|tone|style|notes?|tasks?|"
    r"do(?:'s|s)?\b|don'?ts?|examples?|regeln|anweisungen|reglas|instrucciones|règles|consignes|regras|instruções|"
    r"regole|istruzioni|regels|instructies)\b|ルール|指示|规则|要求",
    re.IGNORECASE,
)
_MIN_BODY_CHARS = 80
"""A shorter block is a heading's few words, not material to work from."""


class Reference(NamedTuple):
    """One pasted block: its title (may be empty), its text, and the extent of the whole block in the task."""

    title: str
    body: str
    start: int
    end: int


def find_references(task: str) -> list[Reference]:
    """The pasted reference blocks of a task, in order."""
    markers = list(_MARKER.finditer(task))
    found: list[Reference] = []
    index = 0
    while index < len(markers):
        opening = markers[index]
        title = opening.group("title").strip(" :-=*#_")
        if _END.match(title) or _INSTRUCTION_TITLE.search(title):
            index += 1
            continue
        closing = markers[index + 1] if index + 1 < len(markers) else None
        body_end = closing.start() if closing else len(task)
        body = task[opening.end() : body_end].strip("\n")
        # An untitled opening fence needs an END marker to say it frames pasted material, not a divider.
        closes_as_end = closing is not None and bool(_END.match(closing.group("title").strip(" :-=*#_")))
        if len(body.strip()) < _MIN_BODY_CHARS or not (title or closes_as_end):
            index += 1
            continue
        end = closing.end() if closing is not None and closes_as_end else body_end
        found.append(Reference(title=title, body=body.strip(), start=opening.start(), end=end))
        index += 2 if closes_as_end else 1
    return found


def split_references(brief: Brief) -> tuple[Brief, list[Section]]:
    """The brief with its pasted blocks blanked (same length), and each block as a verbatim section."""
    references = find_references(brief.task)
    if not references:
        return brief, []
    chars = list(brief.task)
    for ref in references:
        chars[ref.start : ref.end] = [c if c == "\n" else " " for c in brief.task[ref.start : ref.end]]
    sections = [Section(title=_section_title(ref.title), body=ref.body) for ref in references]
    return msgspec.structs.replace(brief, task="".join(chars)), sections


def _section_title(title: str) -> str:
    """ "TENANCY AGREEMENT (extract)" → "Tenancy agreement (extract)"; an untitled block is reference material."""
    if not title:
        return "Reference material"
    core = re.sub(r"\([^)]*\)", " ", title).split()
    if len(core) >= 2 and all(word.isupper() for word in core):
        # "TENANCY AGREEMENT (extract)" is shouted; "FAQ for NHS staff" keeps its acronyms
        title = re.sub(r"\b[A-Z][A-Z'’-]+\b", lambda m: m.group(0).lower(), title)
    return title[0].upper() + title[1:]
