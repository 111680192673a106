"""Safe automatic fixes: filler phrases (EFF-03), duplicated paragraphs (EFF-02), bare untrusted variables (VAR-02).

A fix is an edit of the file's text at the finding's span. Only edits that cannot change what the prompt
asks are made: a filler is deleted (or "in order to" becomes "to"), a repeated copy of a paragraph is
deleted, and a bare `{{name}}` is wrapped in `<name>...</name>`. Everything else is left to the author.
"""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple

FIXABLE = frozenset({"EFF-02", "EFF-03", "VAR-02"})
# Fillers whose deletion keeps the sentence grammatical; "could you", "thank you", "feel free to" are not here
# because removing them leaves a question mark, a dangling sentence or a changed permission.
FILLER_REPLACEMENTS = {
    "please": "",
    "kindly": "",
    "in order to": "to",
    "it is important to note that": "",
    "it's important to note that": "",
    "please note that": "",
    "needless to say": "",
    "it goes without saying": "",
    "basically": "",
    "i would like you to": "",
    "i'd like you to": "",
    "i want you to": "",
}
VARIABLE_RE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


class Edit(NamedTuple):
    """Replace `text[start:end]` with `replacement`."""

    start: int
    end: int
    replacement: str


def _filler_edit(text: str, start: int, end: int) -> Edit | None:
    phrase = " ".join(text[start:end].lower().split())
    replacement = FILLER_REPLACEMENTS.get(phrase)
    if replacement is None:
        return None
    if replacement:
        return Edit(start, end, replacement if text[start].islower() else replacement.capitalize())
    # Delete the phrase with the comma and spaces after it; ", please." at a sentence end loses its comma.
    stop = end
    while stop < len(text) and text[stop] in ", \t":
        stop += 1
    begin = start
    if stop == len(text) or text[stop] in ".!?;:\n":
        while begin > 0 and text[begin - 1] in ", \t":
            begin -= 1
        return Edit(begin, stop, "")
    before = text[:start].rstrip(" \t")
    at_sentence_start = not before or before[-1] in ".!?:\n" or before.endswith(("-", "*", ">"))
    follower = text[stop] if stop < len(text) else ""
    capitalised = follower.upper() if at_sentence_start and text[start].isupper() else follower
    return Edit(start, stop + 1, capitalised)


def _duplicate_edit(text: str, start: int, end: int) -> Edit:
    """Delete the repeated paragraph with the blank line before it."""
    begin = start
    while begin > 0 and text[begin - 1] in " \t\n":
        begin -= 1
    return Edit(begin, end, "")


def _variable_edit(text: str, start: int, end: int) -> Edit | None:
    match = VARIABLE_RE.fullmatch(text[start:end])
    if match is None:
        return None
    name = match.group(1)
    return Edit(start, end, f"<{name}>{text[start:end]}</{name}>")


def edit_for(rule_id: str, text: str, start: int, end: int) -> Edit | None:
    """The safe edit for one finding at `text[start:end]`, or None when there is none."""
    if not 0 <= start <= end <= len(text):
        return None
    if rule_id == "EFF-03":
        return _filler_edit(text, start, end)
    if rule_id == "EFF-02":
        return _duplicate_edit(text, start, end)
    if rule_id == "VAR-02":
        return _variable_edit(text, start, end)
    return None


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, int]:
    """Apply non-overlapping edits (an edit overlapping an earlier one is skipped); returns the text and the count."""
    applied: list[Edit] = []
    for edit in sorted(edits):
        if applied and edit.start < applied[-1].end:
            continue
        applied.append(edit)
    for edit in reversed(applied):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text, len(applied)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of a file's fix, `a/path` to `b/path`."""
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
        )
    )
