"""A label set written as the first column of a pasted Markdown table whose header names labels
("| code | use when |", "| Category | What counts |", "| Etiqueta | Cuándo |"), whatever the line before it says."""

from __future__ import annotations

import re

from app.engine.constraints.label_cues import LABEL_CONTEXT, LABEL_NOUNS
from app.engine.constraints.tool_table import TABLE_RULE_LINE
from app.engine.references import LabelTable

# the first column's header: a label noun, or a code ("code", "código", "codice", "Code")
_LABEL_HEADER = re.compile(
    rf"(?:{LABEL_NOUNS}|codes?|c[óo]digos?|codici|codice|tags?)(?:\s+(?:codes?|names?))?", re.IGNORECASE
)
_MAX_WORDS = 3


def table_label_column(text: str) -> LabelTable | None:
    """The first-column values of the first Markdown table whose first header cell names labels, in a brief that
    speaks of labelling before it."""
    for rule in TABLE_RULE_LINE.finditer(text):
        header_start = text.rfind("\n", 0, max(0, rule.start() - 1)) + 1
        header = text[header_start : rule.start()]
        if "|" not in header:
            continue
        first = header.strip().strip("|").split("|")[0].strip().strip("*`")
        if not _LABEL_HEADER.fullmatch(first) or not LABEL_CONTEXT.search(text, 0, header_start):
            continue  # ("| Category | Price |" in a price list: a table of prices, no labels to assign)
        rows_start = rule.end() + 1
        values: list[str] = []
        position = rows_start
        for line in text[rows_start:].split("\n"):
            if "|" not in line:
                break
            values.append(line.strip().strip("|").split("|")[0].strip().strip("*`\"'"))
            position += len(line) + 1
        if _reads_as_set(values):
            return LabelTable(values, rows_start, min(position, len(text)), None)
    return None


def _reads_as_set(values: list[str]) -> bool:
    """Two or more distinct, short names (not sentences, not numbers)."""
    return (
        len(values) >= 2
        and all(value and len(value.split()) <= _MAX_WORDS and not value[0].isdigit() for value in values)
        and len({value.lower() for value in values}) == len(values)
    )
