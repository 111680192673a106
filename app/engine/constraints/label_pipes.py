"""Pipe-separated label sets ("BUG | FEATURE | QUESTION") and the pipe-separated line layouts and tables that only
look like them."""

from __future__ import annotations

import re

from app.engine.constraints.label_items import FoundLabels, split_items
from app.engine.constraints.tool_table import TABLE_RULE_LINE

# "BUG | FEATURE | QUESTION": a pipe-separated run of short names is an enumeration wherever it stands.
_PIPED = re.compile(r"(?P<list>[\w-]+(?:\s*\|\s*[\w-]+)+)")
# the same run with labels of two words after the first ("urgent | not urgent | spam")
_PIPED_WIDE = re.compile(
    r"(?P<list>(?:(?-i:[A-Z][\w-]*)[ \t]+)?[\w-]+(?:\s*\|\s*[\w-]+"
    r"(?:[ \t]+(?!(?:then|and|or|but|for|to|with|in|on|if|so|as)\b)[\w-]+)?)+)",
    re.IGNORECASE,
)


def under_a_line_intro(text: str, start: int) -> bool:
    """Whether a pipe line stands alone under a line that introduces a line's layout ("Max one line:\nCUSTOMER | …")."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or text[line_start:start].strip():
        return False
    intro = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start].strip()
    return (
        intro.endswith((":", "："))
        and re.search(r"\b(?:lines?|format|layout|rows?|template)\b", intro, re.I) is not None
    )


def _pipe_layout(cells: list[str], rest: str) -> bool:
    """Whether pipe-separated cells lay out a line rather than list labels: the line goes on with more cells, two
    cells are phrases, or capitals mark some cells as fixed words beside lowercase slots ("LOG | job ref")."""
    if re.match(r"[^|\n]*\|", rest):
        return True
    caps = [cell.isupper() for cell in cells if any(ch.isalpha() for ch in cell)]
    return sum(len(cell.split()) > 1 for cell in cells) >= 2 or (any(caps) and not all(caps))


# A pipe-separated header ("Name | Email | Phone") lists columns or fields, not labels.
# "path/to/file.py:LINE", "src/app.ts": a file path in a cell of a line template
PATH_CELL = re.compile(r"[\w.-]+/[\w./-]*\.\w{1,5}\b|\w\.\w{1,5}:\w")
_FIELD_NAMES = frozenset(
    """
    label labels category summary reason reasoning explanation text date name id score comment note title
    étiquette catégorie résumé raison motif texte nom commentaire titre
    etiqueta categoría categoria resumen resumo razón razão motivo nombre nome comentario comentário título
    kategorie zusammenfassung begründung grund datum kommentar titel
    riassunto motivazione commento titolo categorie samenvatting reden opmerking
    """.split()  # noqa: SIM905
)
# JSON literals and type names: a union of these is a field's type ("true | false | null", "string | null").
_JSON_TYPE_WORDS = frozenset(
    {"true", "false", "null", "none", "string", "number", "integer", "int", "float", "boolean", "bool", "object",
     "array", "date", "undefined"}
)  # fmt: skip
_NOT_PIPED_LABELS = re.compile(r"\b(?:columns?|fields?|headers?|table|csv|format|keys?)\b", re.IGNORECASE)


def in_table(text: str, position: int) -> bool:
    """Whether `position` sits in a markdown table: a run of lines with pipes, one of them a rule ("---|---")."""
    lines = text.split("\n")
    index = text.count("\n", 0, position)
    if "|" not in lines[index]:
        return False
    start = index
    while start > 0 and "|" in lines[start - 1]:
        start -= 1
    end = index
    while end + 1 < len(lines) and "|" in lines[end + 1]:
        end += 1
    return any(TABLE_RULE_LINE.fullmatch(line) for line in lines[start : end + 1])


# "… -> ", "… → ", "… => ": what a case gives comes after the arrow
_CASE_ARROW = re.compile(r"(?:->|→|=>|⇒)[ \t]*$")


def piped_labels(text: str, multi: bool) -> FoundLabels | None:
    """A pipe-separated label set ("BUG | FEATURE | QUESTION", "urgent | not urgent | spam"), unless its cells lay
    out a line (an example, a template with paths, or a line's named fields)."""
    piped = _piped_run(text)
    if piped and re.match(r"[ \t]+[^\W\d_]+[ \t]+[^\W\d_]|[/:.]\w", text[piped.end() :]):
        # "hygiène | Le client a vu une mouche …", "SEVERITY | path/to/file.py:LINE | problem": an example or
        # template line, its cells a sentence or a path
        piped = None
    if piped and _CASE_ARROW.search(text, 0, piped.start()):
        piped = None  # "spam or not a ticket at all -> OTHER|P3|NONE": one case's whole line, its fields' values
    if piped:
        line_start = text.rfind("\n", 0, piped.start()) + 1
        line_end = text.find("\n", piped.end())
        cells = text[line_start : line_end if line_end >= 0 else len(text)].split("|")
        if any(PATH_CELL.search(cell) for cell in cells):
            piped = None  # another cell of the line holds a path or a field: a template of the line
    if piped:
        items = split_items(piped.group("list"), last_trim=False)
        if items and any(item.lower() in _FIELD_NAMES for item in items):
            items = []  # "étiquette | résumé", "label | reason": the layout of a line, naming its fields
        if items and all(item.strip("\"'`").lower() in _JSON_TYPE_WORDS for item in items):
            items = []  # '"pitch_raised": true | false | null', 'string | null': a field's type, no reply label
        if items:
            return FoundLabels(items, multi, piped.start("list"), piped.end("list"))
    return None


def _piped_run(text: str) -> re.Match[str] | None:
    """The run of pipe-separated names that may be a label set, widened to labels of two words; None when the run
    lays out a line."""
    piped = None if text.lstrip().startswith("|") or _NOT_PIPED_LABELS.search(text) else _PIPED.search(text)
    if piped:
        # "as Refund Request | Complaint | Other": a capitalised first label of two words
        before = re.search(r"(?-i:[A-Z][\w-]*)[ \t]+$", text[max(0, piped.start() - 30) : piped.start()])
    wide = _PIPED_WIDE.match(text, piped.start()) if piped else None
    # (only after a label intro: "as Refund Request | …", not "Spalten Segment-ID | …", a heading over columns)
    if (
        piped
        and wide
        and before is not None
        and piped.group(0)[:1].isupper()
        and re.search(r"\b(?:as|of|into|either)\s*:?\s*$", text[: piped.start() - len(before.group(0))])
    ):
        extended = _PIPED_WIDE.match(text, piped.start() - len(before.group(0)))
        if extended is not None and extended.end() >= wide.end():
            piped = wide = extended
    wide_cells = [cell.strip() for cell in wide.group("list").split("|")] if wide else []
    if piped and wide and (_pipe_layout(wide_cells, text[wide.end() :]) or under_a_line_intro(text, piped.start())):
        piped = None  # "LOG | job ref | done today | blockers", "CATEGORY | priority | summary": a line's layout
    elif piped and wide and len(wide_cells) > len(split_items(piped.group("list"), last_trim=False) or []):
        piped = wide  # "urgent | not urgent | spam": a label of two words
    return piped
