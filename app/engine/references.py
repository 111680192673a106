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


# "grade each submission against this rubric:" followed by one line per criterion: the rubric is given, in full.
_LIST_INTRO = re.compile(
    r"\b(?:this|the\s+following|these|our|the)\s+(?P<noun>rubric|marking\s+scheme|mark\s+scheme|scoring\s+guide|"
    r"scoring\s+rubric|grading\s+rubric|criteria|checklist)(?:\s+below)?\s*:[ \t]*\n",
    re.IGNORECASE,
)
_LIST_LINE = re.compile(r"[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+\S[^\n]*(?:\n|$)")
_MIN_LIST_LINES = 2


def find_references(task: str) -> list[Reference]:
    """The pasted reference blocks of a task, in order: blocks between marker lines, and a rubric given as a list."""
    found = [*_marked_blocks(task), *_introduced_lists(task)]
    return sorted(found, key=lambda ref: ref.start)


def _introduced_lists(task: str) -> list[Reference]:
    """ "against this rubric:\n- Temperature control (0-3): …\n- Allergens (0-2): …": the list lines after the intro."""
    found = []
    for intro in _LIST_INTRO.finditer(task):
        position, lines = intro.end(), 0
        while (line := _LIST_LINE.match(task, position)) is not None:
            position, lines = line.end(), lines + 1
        if lines >= _MIN_LIST_LINES:
            body = task[intro.end() : position].rstrip("\n")
            title = " ".join(intro.group("noun").split()).capitalize()
            found.append(Reference(title=title, body=body, start=intro.end(), end=intro.end() + len(body)))
    return found


def _marked_blocks(task: str) -> list[Reference]:
    """Blocks framed by marker lines ("--- PRICE LIST ---" … "--- END ---")."""
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


# "Output: a markdown table with columns …, then PASS if …": the output format, typed as a line of the task.
_OUTPUT_LINE = re.compile(
    r"^[ \t]*(?:output(?:\s+format)?|(?:reply|response|answer)\s+format|"
    r"formato(?:\s+de\s+(?:salida|saída|respuesta|resposta))?|"
    r"ausgabe(?:format)?|antwortformat|format\s+de\s+(?:sortie|réponse)|sortie|uitvoer|出力(?:形式)?|输出(?:格式)?)"
    r"[ \t]*[:：][ \t]*(?P<text>\S[^\n]{10,})$",
    re.IGNORECASE | re.MULTILINE,
)


def lift_output_line(brief: Brief) -> Brief:
    """A task line that states the output format ("Output: a table …") moved into `output_format` (the task keeps
    its length, that line blanked), unless the brief has an output format of its own."""
    line = _OUTPUT_LINE.search(brief.task) if brief.output_format is None else None
    if line is None:
        return brief
    text = line.group("text").strip()
    task = brief.task[: line.start()] + " " * (line.end() - line.start()) + brief.task[line.end() :]
    return msgspec.structs.replace(brief, task=task, output_format=text[0].upper() + text[1:])


def split_references(brief: Brief) -> tuple[Brief, list[Section]]:
    """The brief with its pasted blocks blanked (same length), and each block as a verbatim section; an output line
    of the task becomes its output format."""
    brief = lift_output_line(brief)
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
