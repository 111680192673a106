"""A brief's words written as a sentence of the prompt: capitalised, ended with a full stop, the builder-directed
lead dropped."""

from __future__ import annotations

import re

from app.engine.phrasing import strip_meta_directive

_MARKER_END = re.compile(
    r"\b(?:with|starting\s+with|beginning\s+with|prefixed\s+(?:with|by)|labelled|marked)\s+"
    r"(?P<marker>[A-Z][A-Z0-9_]*(?:\s+[A-Z][A-Z0-9_]*){0,4}:)\s*$"
)


def sentence_case(text: str) -> str:
    """Capitalise the first letter and end with a full stop."""
    text = text.strip()
    marker = _MARKER_END.search(text)
    if marker is not None:
        # "… in a line starting with CHECK WITH NURSE:": the colon is part of the marker the brief wants written
        text = text[: marker.start("marker")] + f'"{marker.group("marker")}"'
    text = text.rstrip(",;:")
    if not text:
        return text
    # an identifier ("sample_size", "orderId") keeps its spelling, and so does a field a test opens with
    # ("controlled = true: never submit")
    if not re.match(r"[a-z]+(?:_[a-z0-9]+)+\b|[a-z]+[A-Z]\w*\b|[a-z]\w*\s*(?:==?|!=|>=?|<=?|≥|≤)\s*\S", text):
        text = text[0].upper() + text[1:]
    if text[-1] in ".!?。" or (len(text) > 1 and text[-1] in "\"”»'’」" and text[-2] in ".!?。"):
        return text  # 'say exactly: "… at any time."' already ends inside its quote
    return text + "."


def instruction_case(text: str) -> str:
    """A requirement in the user's words as an instruction: the builder-directed lead ("pls make the bot", "it
    should") goes, then `sentence_case`."""
    text = strip_meta_directive(text)
    joined = _JOINING_WORD.match(text)
    if joined and len(text[joined.end() :].split()) >= 3:
        text = text[joined.end() :]  # "… exactly: "…" and the label line has to come first": a clause of its own
    return sentence_case(text)


_JOINING_WORD = re.compile(r"^\s*(?:and|but|plus|also)\s+(?!so\b|then\b)", re.IGNORECASE)
