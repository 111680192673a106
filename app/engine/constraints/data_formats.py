"""A reply that is a data file: "export as CSV", "give me YAML", "csv with columns a, b, c", "Ausgabe als YAML".

formats.find_format knows the prose shapes (JSON, plain text, a table …) but not CSV or YAML, so a brief that asks
for either got no format constraint, or the archetype's markdown / JSON. A CSV or YAML that arrives ("we paste a
CSV", "our shop exports orders as CSV") or one that is ruled out ("nicht als YAML") is no request for the reply.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_NAME = r"(?P<name>csv|ya?ml)"
# A request for the reply in that format: a verb or preposition that asks for it right before the name.
_ASKED = re.compile(
    r"(?:\b(?:as|in|into|to|als|en|em|como|au\s+format|im\s+format|in\s+formato|en\s+formato|no\s+formato)\s+"
    r"(?:(?:a|an|one|plain|valid|ein(?:e|em)?|un|une|uno|una|um|uma)\s+)?"
    r"|\b(?:output|return|reply\s+with|respond\s+with|give\s+(?:me|us)|send\s+(?:me|us|back)|produce|print|emit|"
    r"write|ausgabe|sortie|salida|saída)\b[^.\n]{0,12}?\b"
    r"|^\s*(?:[-*•]\s*)?)" + _NAME + r"\b",
    re.IGNORECASE | re.MULTILINE,
)
# The format named as what arrives, or ruled out, in the few words before it.
_NOT_ASKED = re.compile(
    r"\b(?:paste[sd]?|upload(?:s|ed)?|receiv\w*|attach\w*|import\w*|exports|exported|get|gets|sends|send\s+us|"
    r"not|nicht|no|never|pas|kein\w*|don'?t|do\s+not|instead\s+of|rather\s+than)\b[^.\n]{0,30}$",
    re.IGNORECASE,
)
# "csv with columns name, date, total": the columns of the CSV reply, listed after it
_COLUMNS = re.compile(
    r"\bcsv\b[^.\n]{0,30}?\bcolumns?\s*:?\s*(?P<list>[\w-]+(?:\s*,\s*[\w-]+){1,20}(?:\s*,?\s*(?:and|&)\s*[\w-]+)?)",
    re.IGNORECASE,
)


class DataFormat(NamedTuple):
    value: str  # "csv" or "yaml"
    columns: list[str]
    start: int
    end: int


def find_data_format(text: str) -> DataFormat | None:
    """The CSV or YAML reply a clause asks for, with the CSV's columns when it lists them."""
    for match in _ASKED.finditer(text):
        lead = text[max(0, match.start() - 40) : match.start("name")]
        if _NOT_ASKED.search(lead):
            continue
        value = "csv" if match.group("name").lower() == "csv" else "yaml"
        columns: list[str] = []
        end = match.end()
        if value == "csv":
            listed = _COLUMNS.match(text, match.start("name"))
            if listed is not None:
                columns = [c.strip() for c in re.split(r"\s*,\s*|\s*,?\s*\b(?:and|&)\s+", listed.group("list"))]
                columns = [c for c in columns if c]
                end = listed.end()
        return DataFormat(value, columns, match.start("name"), end)
    return None


def describe_data_format(value: str, columns: list[str]) -> str:
    """The imperative sentence for a CSV or YAML reply."""
    name = value.upper()
    if columns:
        return f"Return the result as {name} with these columns, in this order: {', '.join(columns)}."
    return f"Return the result as {name}."
