"""Value lists that describe the data, not the reply: "TICKETING.JOURNEYS(journey_id, fare_type, …)" then "fare_type is
one of ADULT, CHILD, CONCESSION". The values a table's column holds are facts about the input the assistant queries
or reads; reading them as the reply's label set turns a SQL helper into a classifier. Such a list stays in the brief's
words (a rule that keeps the column and its values), never "Assign exactly one of these labels".
"""

from __future__ import annotations

import re

import msgspec

from app.engine.brief import Brief
from app.engine.constraints.model import Constraint

# A table or record written as a signature on a line of its own: "- TICKETING.JOURNEYS(journey_id, route_no, …)",
# "orders(id, status, total)": the names inside are its columns.
_SIGNATURE = re.compile(r"(?m)^[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*`?[A-Za-z_][\w.]*`?[ \t]*\((?P<columns>[^()\n]*)\)")
# "| column | type | values |" rows of a markdown table name a column in their first cell.
_TABLE_ROW = re.compile(r"(?m)^[ \t]*\|[ \t]*`?(?P<column>[A-Za-z_]\w*)`?[ \t]*\|")
# The clause before the values names one of them: "fare_type is one of", "payment_method is", "status can be".
_NAMED_BEFORE = re.compile(
    r"(?:^|[.;:\n]\s*|\s(?:and|while|whereas)\s+)(?:the\s+)?`?(?P<name>[A-Za-z_]\w*)`?(?:\s+(?:column|field))?\s+"
    r"(?:is|are|can\s+be|may\s+be|holds?|takes?|contains?|has\s+values?)\s*(?:(?:one\s+of|either|any\s+of)\s*)?:?\s*$|"
    # ("fare_type: ADULT, CHILD, CONCESSION" on a line of its own under the tables)
    r"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?`?(?P<keyed>[A-Za-z_]\w*)`?[ \t]*:[ \t]*$",
    re.IGNORECASE,
)


def _columns(text: str) -> set[str]:
    """The column names the brief's table signatures and table rows give."""
    names: set[str] = set()
    for signature in _SIGNATURE.finditer(text):
        for piece in signature.group("columns").split(","):
            word = re.match(r"\s*`?([A-Za-z_]\w*)", piece)
            if word is not None:
                names.add(word.group(1).lower())
    names.update(row.group("column").lower() for row in _TABLE_ROW.finditer(text))
    return names


def _reply_keys(found: list[Constraint]) -> set[str]:
    """The keys of the reply the brief names (schema keys and output fields)."""
    keys: set[str] = set()
    for c in found:
        if c.kind == "schema" or (c.kind == "fields" and c.value != "collect"):
            keys.update(v.lower() for v in c.values)
    return keys


def without_data_value_sets(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """An unscoped label set whose clause names a column of the brief's tables ("fare_type is one of ADULT, …")
    becomes a rule that states those values as data; a column the reply itself returns keeps its label set."""
    columns = _columns(brief.task)
    if not columns:
        return found
    keys = _reply_keys(found)
    out = []
    for c in found:
        span = c.span
        if c.kind != "labels" or c.scope not in (None, "label") or span is None or span.field != "task":
            out.append(c)
            continue
        named = _NAMED_BEFORE.search(brief.task[max(0, span.start - 80) : span.start])
        word = (named.group("name") or named.group("keyed")) if named is not None else ""
        name = word.lower()
        if name not in columns or name in keys:
            out.append(c)
            continue
        said = f"The {word} column holds one of: {', '.join(c.values)}."
        out.append(msgspec.structs.replace(c, kind="requirement", text=said, value=said, values=[], scope=None))
    return out


# The line that introduces a list of signatures calls them tables ("Data is in Snowflake, schema TICKETING:",
# "Tables:", "the warehouse has these tables") and not tools or functions.
_TABLE_INTRO = re.compile(
    r"\b(?:tables?|schema|database|warehouse|columns?|tabelle[n]?|tablas?|tabelas?|tableaux?|datenbank|"
    r"base\s+de\s+datos|banco\s+de\s+dados)\b",
    re.IGNORECASE,
)
_TOOL_INTRO = re.compile(r"\b(?:tools?|functions?|api|endpoints?|actions?|call|calls|werkzeuge?|herramientas?)\b", re.I)
_SIGNATURE_ROW = re.compile(r"[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*`?[A-Za-z_][\w.]*`?[ \t]*\([^()\n]*\)")


def _in_table_list(text: str, start: int) -> bool:
    """Whether the signature at `start` is a line of a list of signatures that the line above the list calls tables."""
    line_start = text.rfind("\n", 0, start) + 1
    while line_start > 0:
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1]
        if not _SIGNATURE_ROW.match(line):
            return _TABLE_INTRO.search(line) is not None and _TOOL_INTRO.search(line) is None
        line_start = above
    return False


def without_table_tools(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """A "tool" read from a line of a table list ("schema TICKETING:\n- TICKETING.MACHINES(machine_id, depot)") is a
    table the assistant queries, not a function it calls: it is dropped, and the line stays the brief's context."""
    return [
        c
        for c in found
        if not (
            c.kind == "tool"
            and c.span is not None
            and c.span.field == "task"
            and _SIGNATURE_ROW.match(brief.task, brief.task.rfind("\n", 0, c.span.start) + 1)
            and _in_table_list(brief.task, c.span.start)
        )
    ]
