"""Whether an example agrees with the prompt it goes into: no placeholders, the format's forbidden features, the
stated limits, the label set and the schema's exact keys. An example that disagrees teaches the model the wrong
thing, so it is left out."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from app.engine.constraints import Constraint
from app.engine.constraints.layout import FILE_LINE_SLOT, SUBJECT_LINE_BAN
from app.engine.example_guards import meets_trigger, no_banned_part, uses_own_labels
from app.engine.spec import Example

if TYPE_CHECKING:
    from app.engine.examples import ExampleInputs

PLACEHOLDER = re.compile(r"(?<![\w\]\[])\[(?![^\]\n]*[:\d])[A-Za-z][^\]\n]*\s[^\]\n]*\]")
"""A bracketed stand-in for content ("[A request that can be read in two ways]"); citations like [doc: 2] are not."""

_WORD = re.compile(r"\b[\w'’-]+\b")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_LIST_LINE = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s", re.M)


def _count(text: str, unit: str) -> int | None:
    counters: dict[str, Callable[[str], int]] = {
        "words": lambda t: len(_WORD.findall(t)),
        "sentences": lambda t: max(1, len(_SENTENCE_END.findall(t.strip() + " "))),
        "lines": lambda t: len([line for line in t.splitlines() if line.strip()]),
        "bullets": lambda t: len(_LIST_LINE.findall(t)),
        "items": lambda t: len(_LIST_LINE.findall(t)),
        "characters": len,
        "paragraphs": lambda t: len([p for p in re.split(r"\n\s*\n", t) if p.strip()]),
    }
    counter = counters.get(unit)
    return counter(text) if counter else None


def _within_limits(text: str, limits: Sequence[Constraint]) -> bool:
    for c in limits:
        if c.scope is not None or c.unit is None:
            continue
        n = _count(text, c.unit)
        if n is None:
            continue
        if (c.maximum is not None and n > c.maximum) or (c.exact is not None and n != c.exact):
            return False
        if c.minimum is not None and n < c.minimum:
            return False
    return True


_FORMAT_MARKS: dict[str, re.Pattern[str]] = {
    "markdown": re.compile(r"^\s*#|\*\*|^\s*\|.*\|", re.M),
    "lists": _LIST_LINE,
    "bullets": re.compile(r"^\s*[-*•]\s", re.M),
    "numbered": re.compile(r"^\s*\d+[.)]\s", re.M),
    "headings": re.compile(r"^\s*#", re.M),
    "tables": re.compile(r"^\s*\|.*\|", re.M),
    "code_blocks": re.compile(r"```"),
    "emoji": re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]"),
}


_SQL_TABLE = re.compile(r"\b(?:FROM|JOIN)\s+([A-Za-z_][\w.]*)", re.IGNORECASE)
_DESCRIBES_DATA = re.compile(r"\b(?:schema|tables?|columns?)\b|\bCREATE\s+TABLE\b", re.IGNORECASE)


def _known_tables(out: str, inputs: ExampleInputs) -> bool:
    """A query in an example reads only tables the brief names, when the brief describes its data: "FROM orders"
    beside a schema of drivers and deliveries teaches a table that does not exist."""
    tables = {m.group(1).split(".")[-1].lower() for m in _SQL_TABLE.finditer(out)}
    known = f"{inputs.task}\n{inputs.material}"
    if not tables or not _DESCRIBES_DATA.search(known):
        return True
    words = {w.lower() for w in re.findall(r"[A-Za-z_]\w*", known)}
    return tables <= words


# SQL the brief requires of every query ("Every query ends with LIMIT 1000", "convert with AT TIME ZONE …")
_REQUIRED_SQL = re.compile(
    r"\b(?:every|each|all|always|must|ends?\s+with|convert\s+with|use)\b[^.\n]{0,60}?"
    r"\b(?P<clause>LIMIT\s+\d+|AT\s+TIME\s+ZONE|COALESCE|NULLIF|WITH\s*\(NOLOCK\)|ORDER\s+BY)\b"
)


def _required_sql(out: str, inputs: ExampleInputs) -> bool:
    """A query in an example carries every clause the brief requires of each query: an example without the "LIMIT
    1000" every query must end with teaches the model to leave it out."""
    if "SELECT" not in out.upper():
        return True
    required = {" ".join(m.group("clause").split()).upper() for m in _REQUIRED_SQL.finditer(inputs.task)}
    text = " ".join(out.split()).upper()
    return all(clause in text for clause in required)


_FINDING_AT = re.compile(FILE_LINE_SLOT, re.IGNORECASE)
# the location is the reply's: "one line per finding as path:LINE …", "Format each finding as {file}:{line}"
_FINDING_LAYOUT = re.compile(
    r"\b(?:finding|issue|comment|problem|bug|item)s?\b[^.]{0,60}[<{]?\b(?:file(?:name)?|path)\b|"
    r"\b(?:start|begin|prefix)\w*\s+(?:each|every)\s+\w+\s+with\b",
    re.IGNORECASE,
)
_LOCATION = re.compile(r"[\w./-]+\.\w+:\d+")


# "Sign off exactly: Cheers, the Oakbeam team", "sign off with 'Warm regards, Ana'": the closing every text carries
_SIGN_OFF = re.compile(
    r"(?<!\bno\s)(?<!\bwithout\s)(?<!\bnever\s)(?<!\bnot\s)(?<!n't\s)(?<!n’t\s)\bsign(?:-|\s)?off\s+(?:(?:exactly|always|only)\s+)?"
    r"(?:(?:with|as)(?:\s+|\s*:\s*)(?:exactly\s*:?\s*)?|exactly\s*:?\s*|:\s*)"
    r"[\"“'‘]?(?P<line>(?-i:[A-Z])[^\"”’\n.!]{2,60})",
    re.IGNORECASE,
)
_NO_SUBJECT = re.compile(SUBJECT_LINE_BAN, re.IGNORECASE)
_SUBJECT_LINE = re.compile(r"^\s*Subject\s*:", re.IGNORECASE | re.MULTILINE)


def _sign_off_kept(out: str, task: str) -> bool:
    """An example of a text the brief signs off in fixed words carries those words."""
    match = _SIGN_OFF.search(task)
    if match is None:
        return True
    line = " ".join(match.group("line").split()).rstrip(" ,;:").lower()
    return line in " ".join(out.split()).lower()


LABEL_THEN_MORE = "Start the reply with exactly one of these labels:"
"""How an output format opens when the label is followed by more (a reason): a bare label is then no example."""


def fits(example: Example, inputs: ExampleInputs) -> bool:
    """Whether an example's output agrees with the format, limits, labels and schema the prompt states."""
    out = example.output.strip()
    if PLACEHOLDER.search(example.input) or PLACEHOLDER.search(out):
        return False
    if any(p.search(out) for name, p in _FORMAT_MARKS.items() if name in inputs.forbidden):
        return False
    if not _within_limits(out, inputs.limits) or not _known_tables(out, inputs) or not _required_sql(out, inputs):
        return False
    if _FINDING_AT.search(inputs.task) and _FINDING_LAYOUT.search(inputs.task) and not _LOCATION.search(out):
        return False  # "one line per finding as path/to/file.py:LINE - …": "users.py line 12" shows another form
    if not _sign_off_kept(out, inputs.task):
        return False  # "Sign off exactly: Cheers, the Oakbeam team": an example signed otherwise teaches another
    if _NO_SUBJECT.search(inputs.task) and _SUBJECT_LINE.search(out):
        return False  # "No subject line": an example that opens with "Subject:" contradicts it
    if not all(heading.lower() in out.lower() for heading in inputs.headings):
        return False  # "BLOCKERS / RISKS / NITS, each on its own line": an example without them teaches another shape
    if not meets_trigger(example) or not no_banned_part(out, inputs.task):
        return False  # "call 999" for a weather question; "Summary: …" beside "no summary of the PR"
    kind = inputs.output.kind
    if kind not in ("label", "json") and not uses_own_labels(out, inputs.labels, inputs.labels_from_brief):
        return False  # "1. Blocking, …" where the brief's severities are BLOCKER / MAJOR / MINOR
    if kind == "label" and inputs.labels:
        return out in inputs.labels and LABEL_THEN_MORE not in inputs.output.description
    schema = inputs.output.json_schema
    if kind == "json" and schema and isinstance(schema.get("properties"), dict):
        try:
            value = json.loads(out)
        except ValueError:
            return False
        if not isinstance(value, dict) or set(value) != set(schema["properties"]):
            return False
        return all(_allowed(value[key], prop) for key, prop in schema["properties"].items() if isinstance(prop, dict))
    if kind == "json":
        try:
            value = json.loads(out)
        except ValueError:
            return False  # a bare label ("billing") for a JSON reply teaches another format
        return not (schema and schema.get("type") == "array" and not isinstance(value, list))
    return True


_JSON_TYPES: dict[str, Callable[[object], bool]] = {
    "string": lambda v: isinstance(v, str),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


def _allowed(value: object, prop: dict[str, object]) -> bool:
    """Whether a value fits a property's type and enum: null in a field the schema does not make nullable
    (`"urgente": true/false`) teaches the model a value the parser rejects."""
    enum = prop.get("enum")
    if isinstance(enum, list) and value not in enum and not (value is None and _types(prop) & {"null"}):
        return False
    types = _types(prop)
    return not types or any(_JSON_TYPES[t](value) for t in types if t in _JSON_TYPES)


def _types(prop: dict[str, object]) -> set[str]:
    kind = prop.get("type")
    if isinstance(kind, str):
        return {kind}
    return {t for t in kind if isinstance(t, str)} if isinstance(kind, list) else set()
