"""A sentence that goes on with the case the sentence before it names: 'reply only: "…" Don't add anything or
ask anything after it.', "After two wrong PINs end the chat … No more attempts.", '… antworte nur: „…“ Sonst nichts.'.

Read on its own, such a tail is a ban for every reply ("Do not add anything.", "Avoid more attempts."), though it holds
only for that case. The tail joins the record read from the sentence right before it (the reply to give, the step to
take); when that sentence left no record, the tail's ban says both sentences whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import msgspec

from app.engine.constraints.clause_readers import Field
from app.engine.constraints.model import BriefSpan, Constraint
from app.engine.constraints.sentence_case import sentence_case

# What a tail opens with: a ban on saying more after it, "nothing else", "no more attempts"; as users write it
_TAIL = re.compile(
    r"(?:and\s+|y\s+|e\s+|et\s+|und\s+|en\s+)?(?:"
    r"(?:don'?t|do\s+not|never)\s+(?:add|say|write|ask|put|include|send)\b[^.!?\n]*?"
    r"\b(?:after\s+(?:it|that|this|them)|afterwards|anything\s+else|else|more)\b|"
    r"nothing\s+(?:else|more)\b|no\s+(?:more|further)\s+(?!than\b)[^\W\d_]+|"
    r"nada\s+m[áa]s|mais\s+nada|rien\s+d['’]autre|rien\s+de\s+plus|sonst\s+nichts|nichts\s+weiter|verder\s+niets|"
    r"niente\s+(?:altro|di\s+pi[ùu])|nient['’]altro|no\s+(?:añadas|agregues|a[ñn]adir)\s+nada|"
    r"n['’]ajoute[rz]?\s+rien|f[üu]ge?\s+nichts\s+hinzu|nichts\s+hinzuf[üu]gen|voeg\s+niets\s+toe|"
    r"n[ãa]o\s+acrescente\s+nada|non\s+aggiungere\s+(?:nulla|niente)|"
    r"keine\s+weiteren\s+\w+|no\s+m[áa]s\s+\w+|(?:plus|pas)\s+d['’]autres?\s+\w+|geen\s+(?:verdere|nieuwe)\s+\w+|"
    r"nessun\s+altr[oa]\s+\w+|mais\s+nenhuma?\s+\w+)",
    re.IGNORECASE,
)


# Only closing marks between the record before and the tail ('"…any time." Don't add …')
_JUST_CLOSING = re.compile(r"[\s.!?\"”»’')」』]*")


# The start of a sentence inside a line ("… at the counter. No more attempts.")
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])[\"”»’')]?\s+)(?=\S)|(?<=\n)[ \t]*(?:[-*•][ \t]*|\d{1,2}[.)][ \t]*)?")


def opens_case_tail(sentence: str) -> bool:
    """Whether a sentence goes on with the case of the sentence before it ("Add nothing after it.")."""
    return _TAIL.match(sentence.lstrip()) is not None


def _is_tail(text: str, start: int) -> bool:
    """Whether a tail sentence opens at `start` after a sentence of the same line."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].rstrip()
    return bool(before) and before[-1] in '.!?"”»’)' and _TAIL.match(text, start) is not None


def _sentence_end(text: str, start: int) -> int:
    found = re.compile(r"[.!?](?=\s|$)|\n").search(text, start)
    return found.end() if found is not None else len(text)


def _previous_sentence(text: str, start: int) -> int:
    """Where the sentence before the one at `start` starts, in its line."""
    line_start = text.rfind("\n", 0, start) + 1
    starts = [m.end() for m in _SENTENCE_START.finditer(text, line_start, start) if m.end() < start - 1]
    return max(starts, default=line_start)


def with_case_tails(fields: Sequence[Field], found: list[Constraint]) -> list[Constraint]:
    """The records with each case's tail joined to the record of its case, and no tail ban of its own."""
    out = list(found)
    for field in fields:
        text = field.text
        if not _TAIL.search(text):
            continue
        for opening in _SENTENCE_START.finditer(text):
            start = opening.end()
            if start < len(text) and _is_tail(text, start):
                out = _joined(out, field, start)
    return out


def _joined(out: list[Constraint], field: Field, start: int) -> list[Constraint]:
    """The records once the tail sentence at `start` of the field joins its case."""
    text = field.text
    end = _sentence_end(text, start)
    said = " ".join(text[start:end].split())
    bans = [c for c in out if c.kind == "prohibition" and _inside(c, field.name, field.index, start, end)]
    at = out.index(bans[0]) if bans else len(out)
    out = [c for c in out if c not in bans]
    case = _record_before(out, field.name, field.index, text, start)
    if case is not None:
        joined = case.text if said.lower() in case.text.lower() else f"{case.text.rstrip()} {said}"
        out[out.index(case)] = msgspec.structs.replace(case, text=joined)
        return out
    if not bans:
        return out
    begin = _previous_sentence(text, start)
    whole = sentence_case(" ".join(text[begin:end].split()))
    new_span = BriefSpan(field=field.name, index=field.index, start=begin, end=end, text=text[begin:end])
    out.insert(min(at, len(out)), msgspec.structs.replace(bans[0], text=whole, value=whole, span=new_span))
    return out


def _inside(c: Constraint, field: str, index: int | None, start: int, end: int) -> bool:
    span = c.span
    return span is not None and span.field == field and span.index == index and start <= span.start < end


def _record_before(found: list[Constraint], field: str, index: int | None, text: str, start: int) -> Constraint | None:
    """The record read from the words right before `start` (only closing marks between): the reply before others."""
    right_before = [
        c
        for c in found
        if c.span is not None
        and c.span.field == field
        and c.span.index == index
        and c.span.end <= start
        and c.kind in ("fallback", "requirement", "ordering", "prohibition")
        and _JUST_CLOSING.fullmatch(text, c.span.end, start) is not None
    ]
    if not right_before:
        return None
    return min(right_before, key=lambda c: (c.action != "say", c.span.start if c.span else 0))
