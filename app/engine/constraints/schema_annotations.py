"""Annotations a user writes beside a pasted JSON shape's values, rewritten to JSON-ish values the lenient parser
reads, so the shape stays the reply's schema with every key: a closed list inside brackets ('"issues": [only from:
"a", "b"]'), an aside after a value ('(empty array if none)'), a type with its note ('"notes": string, max 20 words',
which keeps the note, so the limit stays that field's), and numbers listed in words ('"marks": 0, 1 or 2')."""

from __future__ import annotations

import re

# '[only from: "a", "b"]', '[one of: a, b]', '[solo de: …]', '[nur aus: …]', '[uniquement parmi : …]': the lead
# before a closed list of an array's values.
_LIST_LEAD = (
    r"(?:only\s+from|only|one\s+of|any\s+of|some\s+of|from|choose\s+from|values?|solo\s+de|s[oó]lo\s+de|uno\s+de|"
    r"apenas\s+de|s[oó]\s+de|um\s+de|nur\s+aus|nur|eins\s+von|(?:uniquement\s+)?parmi|une?\s+(?:seule\s+)?parmi|"
    r"solo\s+tra|uno\s+tra|alleen\s+uit|een\s+van)"
)
_LEAD_LIST = re.compile(rf"\[\s*{_LIST_LEAD}\s*:?\s*([^\[\]{{}}\n]*?)\s*\]", re.IGNORECASE)
# A key on its own line, then its value to the line's end.
_KEY_LINE = re.compile(r"^(?P<key>\s*[\"']?[\w\-.]+[\"']?\s*:\s*)(?P<value>\S.*?)(?P<comma>\s*,)?\s*$")
# A bare type (also "string or null", "texto o null"), then a note after a comma, a dash or an opening parenthesis.
_TYPE_NOTE = re.compile(
    r"^(?P<type>[A-Za-zÀ-ÿ_]+(?:\[\])?(?:\s+(?:or|o|ou|oder|of|oppure)\s+null)?)\s*(?:[,;(]|\s[-–—]\s)\s*(?P<note>.+)$",
    re.IGNORECASE,
)
# '(empty array if none)', '(lista vacía si no hay)': an aside after a closed value, no part of it.
_TRAILING_ASIDE = re.compile(r"(?<=[\]\"'])\s*\([^()\n]*\)$")
# '"marks": 0, 1 or 2' (and "0, 1 ou 2", "0, 1 oder 2"): the numbers a key may take.
_NUMBERS_IN_WORDS = re.compile(
    r":\s*(-?\d+(?:\s*,\s*-?\d+)*)\s*,?\s+(?:or|o|ou|oder|of|oppure)\s+(-?\d+)(?=\s*[,}\n])", re.IGNORECASE
)


def _quoted_options(listed: str) -> str:
    options = [part.strip().strip("\"'“”‘’`") for part in listed.split(",")]
    return '["' + "|".join(option for option in options if option) + '"]'


def _annotated_line(line: str) -> str:
    """One key line with its annotations rewritten (the line as it was when it has none)."""
    match = _KEY_LINE.match(line)
    if match is None:
        return line
    value, comma = match.group("value"), match.group("comma") or ""
    value = _LEAD_LIST.sub(lambda m: _quoted_options(m.group(1)), value)
    value = _TRAILING_ASIDE.sub("", value)
    note = _TYPE_NOTE.match(value)
    if note is not None and not note.group("note").startswith(('"', "[", "{")):
        # '"notes": string, max 20 words': the note describes the value, kept as its text
        cleaned = value.replace('"', "'").rstrip(")").strip()
        value = f'"{cleaned}"'
    return match.group("key") + value + comma


def with_annotations_read(text: str) -> str:
    """`text` (a JSON-ish literal) with the user's annotations on its values rewritten as values."""
    text = _NUMBERS_IN_WORDS.sub(
        lambda m: ': "' + "|".join([*re.split(r"\s*,\s*", m.group(1)), m.group(2)]) + '"', text
    )
    if "\n" not in text:
        return _LEAD_LIST.sub(lambda m: _quoted_options(m.group(1)), text)
    return "\n".join(_annotated_line(line) for line in text.split("\n"))
