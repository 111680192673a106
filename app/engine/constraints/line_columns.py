"""A reply that is one delimited line whose columns the brief names inline ("reply with ONE csv line:
trade,priority,gas_safe", "Antworte mit genau einer CSV-Zeile: gewerk,prioritaet,gas", "one line: category | urgency |
team"), and each column's own closed set ("trade = plumbing|electrical|other", "priority: P1 (24h), P2 (7 days)",
"gas_safe = yes/no")."""

from __future__ import annotations

import re
from typing import NamedTuple

# The words that name one line or row of the reply, in the languages briefs come in
_LINE_NOUN = (
    r"(?:\b(?:one|a\s+single|exactly\s+one|single|1)\s+(?:csv\s+|comma[- ]separated\s+|pipe[- ]separated\s+)?"
    r"(?:line|row)\b|\bcsv[\s-](?:line|row)\b|"
    r"\b(?:une\s+(?:seule\s+)?)?ligne\s+csv\b|\bune\s+(?:seule\s+)?ligne\b|"
    r"\bcsv-zeile\b|\b(?:genau\s+)?eine[rn]?\s+(?:einzigen\s+)?(?:csv-)?zeile\b|"
    r"\b(?:una\s+(?:sola\s+|única\s+)?)?(?:l[ií]nea|fila)\s+csv\b|\buna\s+(?:sola\s+|única\s+)?l[ií]nea\b|"
    r"\b(?:uma\s+(?:só\s+|única\s+)?)?linha\s+csv\b|\buma\s+(?:só\s+|única\s+)?linha\b|"
    r"\b(?:una\s+(?:sola\s+)?)?riga\s+csv\b|\buna\s+(?:sola\s+)?riga\b|"
    r"\bcsv-regel\b|\b(?:precies\s+)?één\s+regel\b)"
)
_COLUMN = r"[^\W\d][\w-]{0,30}"
LINE_COLUMNS = re.compile(
    _LINE_NOUN + r"(?P<gap>[^\n:：`.]{0,60}?)(?:[ \t]*[:：][ \t]*|[ \t]+(?=`))`?"
    rf"(?P<columns>{_COLUMN}[ \t]*(?P<sep>[,;|])[ \t]*{_COLUMN}(?:[ \t]*(?P=sep)[ \t]*{_COLUMN}){{0,14}})"
    # (the list ends there: "STUFE | Rechnungsnr. | Problem" goes on past the abbreviation's dot)
    r"`?(?![\w-])(?![\w.-]*[ \t]*(?P=sep))",
    re.IGNORECASE,
)
# "one line each", "je eine Zeile", "each finding on one line": a line per item, not a one-line reply
_PER_ITEM = re.compile(r"\b(?:each|every|per|je|pro|jede[rsn]?|chaque|cada|ogni|elke?)\b", re.IGNORECASE)
# What arrives, not what the reply is ("each booking arrives as one CSV line: id,date,seats")
_ABOUT_INPUT = re.compile(
    r"\b(?:arriv\w*|paste[sd]?|upload\w*|input|receiv\w*|export\w*|imports?|comes?\s+in|reçoi\w*|re[çc]u\w*|"
    r"erh[äa]lt\w*|eingang|recib\w*|llega\w*|recebe\w*|chega\w*|ricev\w*|arriva\w*|ontvang\w*|binnenkomt)\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:not|never|don'?t|no|pas|nicht|kein\w*|no|nunca|non|niet|geen)\s+(?:\w+\s+){0,3}$", re.I)


class LineColumns(NamedTuple):
    """The reply line's columns in order, the character between them, and where the brief names them."""

    columns: tuple[str, ...]
    separator: str
    start: int
    end: int


class ColumnSet(NamedTuple):
    """One column's closed set of values and where the brief defines it ("priority = P1 (24h) P2 (7 days)"), with
    each value's note in brackets as written ("P1 (24h)")."""

    column: str
    values: list[str]
    start: int
    end: int
    noted: list[str]


def line_columns(text: str) -> LineColumns | None:
    """The columns of a one-line reply the brief names inline, or None."""
    for match in LINE_COLUMNS.finditer(text):
        sentence = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        before = text[sentence : match.start()]
        if _ABOUT_INPUT.search(before) or _ABOUT_INPUT.search(match["gap"]) or _NEGATED.search(before):
            continue
        if _PER_ITEM.search(match["gap"]) or _PER_ITEM.search(text, max(sentence, match.start() - 25), match.start()):
            continue
        columns = tuple(part.strip() for part in match["columns"].split(match["sep"]))
        if len({c.lower() for c in columns}) < len(columns):
            continue
        return LineColumns(columns, match["sep"], sentence + len(before) - len(before.lstrip()), match.end())
    return None


# "trade = a|b|c", "- priority: P1 (24h), P2 (7 days)", ". gas_safe = yes/no": a column's definition opens a line or
# follows a sentence's end
_DEFINITION = r"(?:^|(?<=[.;])[ \t]+|(?<=\n))[ \t]*(?:[-*•][ \t]*)?`?{name}`?[ \t]*(?:=|:|：|->|→)[ \t]*"
_GLOSS = re.compile(r"\([^()\n]*\)")
_SPLIT = re.compile(
    r"[ \t]*(?:\||/|,|;|\bor\b|\bou\b|\boder\b|\bo\b|\bof\b|\bet\b|\by\b|\be\b|\bund\b|\bodr\b)[ \t]*", re.IGNORECASE
)
_VALUE = re.compile(r"[\w][\w+-]{0,30}")


def _definition_end(text: str, start: int) -> int:
    """Where a column's definition ends: its line's end, or a full stop or semicolon outside brackets."""
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "\n":
            return index
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char in ".;" and depth == 0 and (index + 1 == len(text) or text[index + 1].isspace()):
            return index
    return len(text)


def _values(definition: str) -> list[str] | None:
    """The values a definition lists ("P1 (24h) P2 (7 days) P3 (28 days)" → P1, P2, P3), or None when it is no
    closed list of short values ("high if someone is in danger, otherwise normal")."""
    bare = _GLOSS.sub(" ", definition).strip()
    parts = [part.strip() for part in _SPLIT.split(bare) if part.strip()]
    if len(parts) == 1 and all(_VALUE.fullmatch(word) for word in parts[0].split()):
        parts = parts[0].split()  # "P1 P2 P3"
    if len(parts) < 2 or not all(_VALUE.fullmatch(part) for part in parts):
        return None
    if len({part.lower() for part in parts}) < len(parts):
        return None
    return parts


# "gas_safe = yes/no (yes if it needs a gas safe engineer) smell of gas, …": a slashed or piped list, then prose
_LEADING = re.compile(r"[ \t]*[\w][\w+-]{0,30}(?:[ \t]*[|/][ \t]*[\w][\w+-]{0,30})+(?:[ \t]*\([^()\n]*\))?(?=\s|$)")


def _defined(text: str, start: int) -> tuple[list[str], int] | None:
    """The values a column's definition from `start` lists and where it ends, or None."""
    end = _definition_end(text, start)
    values = _values(text[start:end])
    if values is not None:
        return values, end
    leading = _LEADING.match(text, start)
    if leading is None:
        return None
    values = _values(leading.group(0))
    return None if values is None else (values, leading.end())


def _noted(definition: str, values: list[str]) -> list[str]:
    """Each value with the note the brief writes in brackets after it ("P1 (24h)"), or alone."""
    noted = []
    for value in values:
        note = re.search(rf"(?<![\w-]){re.escape(value)}[ \t]*(\([^()\n]*\))", definition)
        noted.append(f"{value} {note.group(1)}" if note else value)
    return noted


def column_sets(text: str, columns: tuple[str, ...]) -> list[ColumnSet]:
    """Each column's closed set, as the brief defines it, in the columns' order."""
    found: list[ColumnSet] = []
    for column in columns:
        pattern = re.compile(_DEFINITION.format(name=re.escape(column)), re.IGNORECASE | re.MULTILINE)
        for match in pattern.finditer(text):
            defined = _defined(text, match.end())
            if defined is not None:
                values, end = defined
                start = match.start() + len(match.group(0)) - len(match.group(0).lstrip(" \t-*•"))
                found.append(ColumnSet(column, values, start, end, _noted(text[match.end() : end], values)))
                break
    return found


_NO_QUOTES = re.compile(
    r"\b(?:no|without|never)\s+(?:double\s+)?quot\w*|\bunquoted\b|\bsans\s+guillemets\b|\bpas\s+de\s+guillemets\b|"
    r"\bkeine\s+Anf[üu]hrungszeichen\b|\bohne\s+Anf[üu]hrungszeichen\b|\bsin\s+comillas\b|\bsem\s+aspas\b|"
    r"\bsenza\s+virgolette\b|\bgeen\s+aanhalingstekens\b",
    re.IGNORECASE,
)
_NO_SPACES = re.compile(
    r"\b(?:no|without|never)\s+spaces?\b|\bsans\s+espaces?\b|\bpas\s+d['’]espaces?\b|\bkeine\s+Leerzeichen\b|"
    r"\bohne\s+Leerzeichen\b|\bsin\s+espacios\b|\bsem\s+espaços\b|\bsenza\s+spazi\b|\bgeen\s+spaties\b",
    re.IGNORECASE,
)


def line_rules(text: str, separator: str) -> list[str]:
    """The brief's bans on the line's quoting and spacing, as the output section says them."""
    said = []
    if _NO_QUOTES.search(text):
        said.append("No quotes around values.")
    if _NO_SPACES.search(text):
        said.append(f'No spaces around the "{separator}".' if separator != "," else "No spaces after commas.")
    return said


def describe_set(column_set: ColumnSet) -> str:
    """The output sentence for one column's closed set."""
    column = column_set.column
    # ("Trade is …", but a key keeps its spelling: "gas_safe is …")
    named = column.capitalize() if column.isalpha() and column.islower() else column
    return f"{named} is exactly one of: {', '.join(column_set.noted)}."


def line_shape(text: str, columns: tuple[str, ...], separator: str) -> list[str]:
    """The output sentences after a line's columns: each column's closed set, then the brief's quoting and spacing
    bans for the line."""
    return [describe_set(found) for found in column_sets(text, columns)] + line_rules(text, separator)
