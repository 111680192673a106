"""Words of a brief that name a step of another job rather than a job of its own, blanked before classifying.

Each function keeps the text's length (offsets stay valid for constraint spans). A secondary job's core rules
("Include only information stated in the input", "Capture every decision, owner and due date") belong in a prompt
only when its output is asked for; these words ask for none:
- a summary read back before a booking ("Zeitraum, Fahrzeug und Gesamtpreis zusammenfassen und auf ein "Ja"
  warten", "summarise the order and wait for a yes") is a confirmation step, not a summary to write;
- a tool's parameter named in a rule ("put URGENT at the start of the summary" for create_ticket(…, summary)) is a
  value passed to the tool, not a summary for the reader;
- a summary key of a JSON record described on its own line ("summaryは30字まで", "- resumen: máx. 30 palabras")
  is one field of the record, not a summary job;
- a row of a pasted tool table ("| kunde_finden | email, buchungsnummer | …") says how a tool is called; an "email"
  parameter is no inbox to work through.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.constraints import Constraint

_SUMMARISE = (
    r"(?:summar\w*|recap\w*|zusammenfass\w*|fass\w*\s+(?:\w+\s+){0,6}zusammen|r[ée]sum\w*|resum\w*|riassum\w*|"
    r"riepilog\w*|samenvat\w*|vat\s+(?:\w+\s+){0,6}samen)"
)
_CONFIRMATION = (
    # (not "confirm" alone: "summarise the meeting and confirm the owners" writes a summary)
    r"\bwait\w*\s+for\s+(?:a|an|the|their|explicit)?\s*[\"'“]?\s*(?:yes|ok|go-ahead|confirmation)\b|"
    r"\b(?:until|before)\s+(?:they|the\s+\w+)\s+(?:confirm|say\s+yes)|\bask\w*\s+(?:them|the\s+\w+)\s+to\s+confirm\b|"
    r"\bwarte[nt]?\b|\bbestätig\w*|\battend(?:re|ez)\b|\bconfirm(?:er|ez|ation\s+(?:du|de\s+la))\b|"
    r"\besper\w*\s+(?:a\s+|el\s+|un\s+|que\s+)*[\"'“«]?\s*(?:s[ií]|confirme\w*)\b|\baguard\w*|"
    r"\baspett\w*\s+(?:un\s+|il\s+|che\s+)*[\"'“«]?\s*(?:s[iì]|conferm\w*)\b|\bwacht\w*\s+op\b|\bbevestig\w*"
)
_READ_BACK = re.compile(
    # ("… zusammenfassen und auf ein "Ja" warten", "summarise the booking and wait for a yes")
    rf"\b{_SUMMARISE}\b(?=[^.!?\n]{{0,80}}(?:{_CONFIRMATION}))",
    re.IGNORECASE,
)


def without_read_backs(text: str) -> str:
    """The text with a summary read back for confirmation blanked (a confirmation step, no summary job)."""
    return _READ_BACK.sub(lambda m: " " * len(m.group(0)), text)


def without_parameter_mentions(text: str, constraints: Sequence[Constraint]) -> str:
    """The text with "the <parameter>" blanked for every parameter of a listed tool ("the summary", "the email")."""
    names = sorted({p for c in constraints if c.kind == "tool" for p in c.parameters if len(p) > 2}, key=len)
    if not names:
        return text
    mention = re.compile(
        rf"\b(?:the|its|that)\s+(?:{'|'.join(re.escape(n) for n in reversed(names))})\b(?!\s*\()", re.IGNORECASE
    )
    return mention.sub(lambda m: " " * len(m.group(0)), text)


def table_row_start(span_text: str, name: str | None) -> int | None:
    """Where a tool's row of a pasted markdown table stops naming it ("| kunde_finden |" kept, its parameters and
    purpose after), or None when the span is no table row."""
    if not span_text.lstrip().startswith("|") or not name:
        return None
    at = span_text.find(name)
    return None if at < 0 else at + len(name)


_SUMMARY_KEY = re.compile(rf"{_SUMMARISE}|tl_?dr|synopsis|abstract|要約|摘要|概要", re.IGNORECASE)


def without_summary_keys(text: str, constraints: Sequence[Constraint]) -> str:
    """The text with each summary key of a record of several keys blanked where a line describes it ("summary:
    max 40 words", "summaryは30字まで", "resumo = uma frase"): the record's field, not the job."""
    keys = {v for c in constraints if c.kind in ("schema", "fields") and c.value != "collect" for v in c.values}
    named = sorted((k for k in keys if " " not in k and _SUMMARY_KEY.fullmatch(k)), key=len, reverse=True)
    if not named or len(keys) < 2:
        return text
    mention = re.compile(
        rf"(?:^|(?<=\n))[ \t]*(?:[-*•][ \t]*)?[\"'`]?(?P<key>{'|'.join(map(re.escape, named))})[\"'`]?"
        r"(?=[ \t]*(?:[:：=(（]|[\u3040-\u30ff\u4e00-\u9fff]|[ \t]+(?:is|must|should|max|at\s+most|=|:)))",
        re.IGNORECASE,
    )
    return mention.sub(lambda m: " " * len(m.group(0)), text)
