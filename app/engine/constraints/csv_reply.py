"""A reply that is CSV under columns the brief writes out as its header row, told apart from a CSV that arrives."""

from __future__ import annotations

import re
from typing import NamedTuple

# "CSV I can paste into my markbook, with exactly this header row:\nstudent_id,criterion,score,justification\none row
# per student per criterion", "Turn it into exactly one CSV row matching this header:\n\nsku,brand,…", "reply with
# ONE csv line and nothing else, in this order: trade,priority,gas_safe"
_CSV_HEADER = re.compile(
    r"\bCSV\b[^\n]{0,120}?\b(?:header(?:\s+row)?|columns?|in\s+(?:this|the\s+following)\s+order)\b"
    r"(?:[^\n:]{0,40}:[ \t]*(?:\n[ \t]*){0,2}|[ \t]+)`?"
    r"(?P<header>[A-Za-z_][\w ]{0,30}(?:,[ \t]*[A-Za-z_][\w ]{0,30}){1,15})`?[ \t]*"
    r"(?:\n[ \t]*(?P<rows>one\s+row\s+(?:per|for\s+each|for\s+every)\s+[^.\n]{3,80}))?",
    re.IGNORECASE,
)
# "… turn tanker drivers' notes into CSV.\nSpec:\n1. Header row exactly: farm_id,collected_at,…": a header line of
# its own, in a brief that asks for CSV
_HEADER_LINE = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)][ \t]*|[-*•][ \t]*)?(?:csv\s+)?header(?:\s+(?:row|line))?(?:\s+exactly)?[ \t]*:[ \t]*`?"
    r"(?P<header>[A-Za-z_]\w{0,30}(?:,[ \t]*[A-Za-z_]\w{0,30}){1,15})`?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ASKS_CSV = re.compile(
    r"\b(?:into|as|in)\s+(?:a\s+|one\s+)?csv\b|\b(?:output|return|reply\s+with|send\s+back)\s+(?:the\s+|a\s+|only\s+)?csv\b",
    re.IGNORECASE,
)
_OUTPUT_LEAD = re.compile(
    r"\b(?:output|return|reply|respond|produce|print|emit|give\s+(?:me|us)|send\s+(?:me|us|back)|write|format)\b|"
    r"\b(?:turn|convert|transform|map|reformat)\w*\b[^.]{0,40}\binto\b",
    re.IGNORECASE,
)
# ("Our shop exports orders as CSV with the header row: …": the CSV is what arrives)
_INPUT_LEAD = re.compile(r"\b(?:export\w*|import\w*|upload\w*|paste\w*|receiv\w*|get|gets|attach\w*)\b", re.I)
_NO_HEADER_ROW = re.compile(
    r"\b(?:no|without(?:\s+a|\s+the)?|skip(?:\s+the)?|omit(?:\s+the)?|never\s+(?:add|repeat|write)\s+the)\s+header"
    r"(?:\s+(?:row|line))?\b|\bsin\s+(?:la\s+)?cabecera\b|\bohne\s+(?:Kopfzeile|Header)\b|\bsans\s+(?:l['’])?en-tête\b",
    re.IGNORECASE,
)
_NEGATED_CSV = re.compile(r"\b(?:don'?t|do\s+not|never|not)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# A sentence about what arrives ("skip the header row of the dump", "the user pastes …, one line per shift")
_ABOUT_INPUT = re.compile(
    r"\b(?:arriv\w*|paste[sd]?|upload\w*|dumps?|input|scanned|receiv\w*|export\w*|sends?|comes?\s+in)\b", re.I
)
# Words that end a column list run on into prose ("sku,price,stock_level, then one row per item")
_NOT_COLUMNS = frozenset({"then", "in", "and", "with", "for", "one", "each", "per", "as", "no", "plus", "or", "but"})
# "Reply with ONE csv line: trade,priority,gas_safe", "Répondez avec UNE ligne csv : metier,priorite,gaz", "EINE
# CSV-Zeile: …", "UNA línea csv: …", "UMA linha csv: …", "UNA riga csv: …", "EEN csv-regel: …": the line's own columns
_ONE_LINE = re.compile(
    r"(?:\b(?:one|a\s+single|single|exactly\s+one|1)\s+csv\s+(?:line|row)|"
    r"\b(?:une|uma|una|un|1)\s+(?:seule\s+)?(?:ligne|linha|l[ií]nea|riga|fila)\s+(?:en\s+|em\s+|en\s+formato\s+)?csv|"
    r"\b(?:eine|één|een|1)\s+(?:einzige\s+)?csv[- ]?(?:zeile|regel)|\bcsv[- ](?:line|row)\s+only)\b"
    r"[ \t]*(?:\([^)\n]{0,40}\))?[ \t]*:[ \t]*`?"
    r"(?P<header>[^\W\d][\w-]{0,30}(?:,[ \t]*[^\W\d][\w-]{0,30}){1,15})`?",
    re.IGNORECASE,
)
_ONE_ROW = re.compile(r"\b(?:exactly\s+)?(?:one|a\s+single|1)\s+(?:csv\s+)?(?:row|line)\b", re.IGNORECASE)


class CsvReply(NamedTuple):
    """The columns of a CSV reply, the brief's sentence asking for it, and its rows phrase ("one row per call per
    check")."""

    columns: tuple[str, ...]
    start: int
    end: int
    rows: str
    single: bool = False  # "ONE csv line: a,b,c": a single row under the named columns, never a header row


def _prose(column: str) -> bool:
    """A "column" that opens with a word of the sentence after the list ("then one row per item")."""
    words = column.lower().split()
    return bool(words) and words[0] in _NOT_COLUMNS


def csv_reply(text: str) -> CsvReply | None:
    """The CSV the reply is, when the brief writes its header row and asks for it (never beside JSON)."""
    if re.search(r"\bjson\b", text, re.IGNORECASE):
        return None
    match = _CSV_HEADER.search(text)
    if match is not None:
        lead = text[max(0, text.rfind(".", 0, match.start()) + 1, match.start() - 60) : match.start()]
        if not _OUTPUT_LEAD.search(lead) or _INPUT_LEAD.search(lead) or _NEGATED_CSV.search(lead):
            return None  # ("Don't output CSV: … a Markdown table with columns …")
    elif (asked := _ASKS_CSV.search(text)) is not None and not _INPUT_LEAD.search(
        text, max(0, asked.start() - 60), asked.end()
    ):
        match = _HEADER_LINE.search(text)
    single = False
    if match is None and (line := _ONE_LINE.search(text)) is not None:
        lead = text[max(0, text.rfind(".", 0, line.start()) + 1, line.start() - 60) : line.start()]
        if not _INPUT_LEAD.search(lead) and not _NEGATED_CSV.search(lead):
            match, single = line, True
    if match is None:
        return None
    columns = tuple(part.strip() for part in match["header"].split(","))
    end = match.end("header")
    if any("_" in column for column in columns) and " " in columns[-1]:
        # "with the header row site_id,visit_date,fault_code and one row per visit": snake_case names have no
        # spaces, so the prose after the last one is no part of it
        last = columns[-1].split()[0]
        end -= len(match["header"]) - (match["header"].rfind(columns[-1]) + len(last))
        columns = (*columns[:-1], last)
    if len(columns) > 2 and _prose(columns[-1]):
        while len(columns) > 2 and _prose(columns[-1]):
            columns = columns[:-1]
        header, position = match["header"], 0
        for column in columns:  # the list now ends after its last kept column
            position = header.find(column, position) + len(column)
        end = match.start("header") + position
    number = re.search(r"\s+\d{1,2}$", columns[-1])
    if number is not None and text[end : end + 1] in (".", ")"):
        # "Header row exactly: farm_id,collected_at,litres 2. collected_at as …": the next item's number
        columns = (*columns[:-1], columns[-1][: number.start()])
        end -= len(number.group(0))
    rows = (match.groupdict().get("rows") or "").strip().rstrip(".")
    # the span is the whole request ("Output has to be CSV …, with exactly this header row:\n…"): its words are all
    # in the output format
    start = max(text.rfind(".", 0, match.start()) + 1, text.rfind("\n", 0, match.start()) + 1)
    return CsvReply(columns, start + len(text[start:]) - len(text[start:].lstrip()), end, rows, single)


def _about_the_reply(text: str, match: re.Match[str]) -> bool:
    """Whether a match speaks of the reply, not of what arrives: no input word before it in its sentence, nor in the
    few words after it ("skip the header row of the dump", "scanned invoices have no header")."""
    start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    after = re.match(r"(?:\s+\w+){0,4}", text[match.end() :])
    end = match.end() + (after.end() if after else 0)
    return (
        _ABOUT_INPUT.search(text, start, match.start()) is None and _ABOUT_INPUT.search(text, match.end(), end) is None
    )


def no_header_row(text: str) -> bool:
    """Whether the brief rules out a header row for its reply ("no header line")."""
    return any(_about_the_reply(text, m) for m in _NO_HEADER_ROW.finditer(text))


def one_row(text: str) -> bool:
    """Whether the reply is a single row ("exactly one CSV row")."""
    return any(_about_the_reply(text, m) for m in _ONE_ROW.finditer(text))


def describe_columns(columns: tuple[str, ...] | list[str], *, header: bool) -> str:
    """The imperative sentence for a CSV reply's columns, with or without its header row."""
    listed = ",".join(columns)
    if header:
        return f"Start the CSV with exactly this header row: `{listed}`."
    return f"Write exactly these columns, in this order, with no header row: `{listed}`."
