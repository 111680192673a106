"""Common misspellings in a brief, corrected before it is read, so that the prompt never repeats the user's typos.

Real briefs are typed fast ("chat asistant", "no suplement advise", "keep replys short", "dont"). Everything the
engine copies from the brief (requirements, conditions, context) would carry those typos into a prompt that a
model then reads as the company's voice. The corrections come from a curated list of unambiguous errors
(`data/misspellings.txt`), not from a dictionary, so product names, code identifiers and technical terms are never
touched. Quoted text, code, URLs, e-mail addresses and template slots are left exactly as written: a reply the brief
quotes is said word for word.

`correct_brief` returns the corrected brief and, per field, the edits it made, so that constraint spans can be
mapped back onto the user's own text (`map_span`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import msgspec

from app.engine.brief import Brief
from app.engine.constraints.found_rules import is_english
from app.engine.unwrap import unwrap

DATA_PATH = Path(__file__).with_name("data") / "misspellings.txt"
_WORD = re.compile(r"(?<![\w'’@./-])[A-Za-z]+(?:'[A-Za-z]+)?(?![\w'’@-]|\.\w|/\w)")
# Spans never corrected: quotes, code, template slots, URLs and e-mail addresses.
_PROTECTED = re.compile(
    r"\"[^\"\n]*\"|“[^”\n]*”|«[^»\n]*»|`[^`\n]*`|\{\{[^}]*\}\}|\{[^{}\n]*\}|"
    r"\bhttps?://\S+|\bwww\.\S+|[\w.+-]+@[\w.-]+\.\w+"
)
# "if its not in there": "its" before words that only follow the verb form is "it's".
_ITS_VERB = re.compile(r"\bits(?=\s+(?:not|been|going|ok|okay|fine)\b)", re.IGNORECASE)
# "medical advise" is the noun: "advise" is only wrong after a word that takes a noun.
_ADVISE_NOUN = re.compile(
    r"\b(?P<lead>medical|legal|financial|investment|tax|diet|dietary|nutrition|nutritional|health|professional|"
    r"personal|any|no|of|for|give|giving|gives|offer|offering|provide|providing|expert)\s+advise\b",
    re.IGNORECASE,
)

# The pronoun typed in lower case ("and i want", "i'm"): only between words, never a list marker such as "(i)".
_LOWER_I = re.compile(
    r"(?<=[a-z,] )i(?=(?:'(?:m|ve|d|ll)\s+[a-z]|\s+(?:am|want|need|have|had|think|run|own|work|would|will|can|"
    r"could|should|just|also|really|don't|dont|get|got|do|did|was|hope|like|love|wrote|use|made|built|sell)\b))"
)

Edit = tuple[int, int, int]
"""(start, end, new length): the characters [start, end) of the original became `new length` characters."""


@cache
def misspellings() -> dict[str, str]:
    """The curated table: lowercase misspelling -> correction."""
    table: dict[str, str] = {}
    for line in DATA_PATH.read_text(encoding="utf-8").splitlines():
        parts = line.split(None, 1)
        if len(parts) == 2 and not line.startswith("#"):
            table[parts[0].lower()] = parts[1].strip()
    return table


def _cased(correction: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return correction.upper()
    if original[0].isupper():
        return correction[0].upper() + correction[1:]
    return correction


def _protected(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]


def correct_text(text: str) -> tuple[str, list[Edit]]:
    """The text with its common misspellings corrected, and the edits in original positions."""
    table = misspellings()
    guarded = _protected(text)
    candidates: list[tuple[int, int, str]] = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        # An all-caps token is an acronym or a shout ("PLS", "DONT-CALL"): never touched.
        fix = None if word.isupper() and len(word) > 1 else table.get(word.lower())
        if fix is not None:
            candidates.append((match.start(), match.end(), _cased(fix, word)))
    candidates.extend((m.start(), m.end(), _cased("it's", m.group(0))) for m in _ITS_VERB.finditer(text))
    candidates.extend((m.start(), m.start() + 1, "I") for m in _LOWER_I.finditer(text))
    for match in _ADVISE_NOUN.finditer(text):
        start = match.end() - len("advise")
        candidates.append((start, match.end(), _cased("advice", text[start : match.end()])))
    replacements = [c for c in candidates if not any(s <= c[0] < e for s, e in guarded)]
    if not replacements:
        return text, []
    replacements.sort()
    out: list[str] = []
    edits: list[Edit] = []
    position = 0
    for start, end, fix in replacements:
        if start < position:
            continue
        out.append(text[position:start])
        out.append(fix)
        edits.append((start, end, len(fix)))
        position = end
    out.append(text[position:])
    return "".join(out), edits


def map_position(position: int, edits: list[Edit], *, end: bool = False) -> int:
    """A position in the corrected text, mapped back onto the original text."""
    shift = 0
    for start, stop, new_length in edits:
        corrected_start = start + shift
        if position < corrected_start or (end and position == corrected_start):
            break
        if position < corrected_start + new_length or (end and position == corrected_start + new_length):
            # Inside (or at the end of) a corrected word: the whole original word.
            return stop if end else start
        shift += new_length - (stop - start)
    return position - shift


class CorrectedBrief(msgspec.Struct, frozen=True):
    """A brief with its misspellings corrected, and the edits per field (`constraints` by list index)."""

    brief: Brief
    edits: dict[str, list[Edit]]

    def original_span(self, field: str, index: int | None, start: int, end: int) -> tuple[int, int]:
        """[start, end) in the corrected field, as positions in the user's own text."""
        edits = self.edits.get(f"{field}:{index}" if index is not None else field, [])
        if not edits:
            return start, end
        return map_position(start, edits), map_position(end, edits, end=True)


_TEXT_FIELDS = ("task", "role", "audience", "tone", "output_format")


def correct_brief(brief: Brief) -> CorrectedBrief:
    """The brief with common misspellings corrected in its free-text fields; a brief not written in English is left
    as written (the table is English: "dont" is French, "i" is Italian). Hard-wrapped lines are joined first, in every
    language."""
    unwrapped = unwrap(brief.task)
    if unwrapped != brief.task:
        brief = msgspec.structs.replace(brief, task=unwrapped)
    if not is_english(brief.task):
        return CorrectedBrief(brief=brief, edits={})
    changes: dict[str, object] = {}
    edits: dict[str, list[Edit]] = {}
    for name in _TEXT_FIELDS:
        value = getattr(brief, name, None)
        if isinstance(value, str) and value:
            fixed, field_edits = correct_text(value)
            if field_edits:
                changes[name], edits[name] = fixed, field_edits
    constraints = list(brief.constraints)
    for index, item in enumerate(constraints):
        fixed, field_edits = correct_text(item)
        if field_edits:
            constraints[index], edits[f"constraints:{index}"] = fixed, field_edits
    if "constraints:" in "".join(edits):
        changes["constraints"] = constraints
    if not changes:
        return CorrectedBrief(brief=brief, edits={})
    return CorrectedBrief(brief=msgspec.structs.replace(brief, **changes), edits=edits)
