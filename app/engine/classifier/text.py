"""Brief normalisation before classification: hide code-like spans and reading-level phrases.

Tool signatures, JSON literals and identifiers name parameters (`summary`, `grade`), not the job the user wants,
so each is replaced by a neutral marker word. The markers are plain lowercase words so that both the n-gram model
and the keyword features see the same text; the model learns that a signature often means a tool-using agent.
"""

from __future__ import annotations

import re
import unicodedata

CODE_MARK = " zzcode "
CALL_MARK = " zzcall "
JSON_MARK = " zzjson "
IDENT_MARK = " zzident "
LINK_MARK = " zzlink "

_FENCE = re.compile(r"```.*?(?:```|$)", re.DOTALL)
_BACKTICK = re.compile(r"`[^`\n]{1,200}`")
# name(args): a function signature or call, possibly dotted and with a return annotation.
_CALL = re.compile(r"(?<!\w)[A-Za-z_][A-Za-z0-9_.]*\([^()\n]{0,200}\)(?:\s*->\s*[A-Za-z0-9_\[\], |]+)?")
# A JSON object or array literal, one nesting level deep, that contains a key or a quoted string.
_JSON = re.compile(r"[\[{](?:[^{}\[\]\n]|[\[{][^{}\[\]\n]*[\]}]){0,400}[\]}]")
_TEMPLATE_SLOT = re.compile(r"\{\{[^{}]{0,80}\}\}")
_LINK = re.compile(r"\bhttps?://\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b")
# snake_case, dotted.paths and camelCase: identifiers, whatever words they contain.
# (brands and units written the same way are words: "eBay listings", "iPhone repairs", "pH", "kWh")
_CAMEL_WORDS = (
    r"(?:eBay|iPhones?|iPads?|iPods?|iMacs?|iCloud|iOS|iPadOS|macOS|watchOS|tvOS|iTunes|iMessage|eCommerce|eBooks?|"
    r"eLearning|eSports|eSIMs?|mRNA|pH|kWh|MWh|mAh|mL|dB)(?!\w)"
)
_IDENT = re.compile(
    r"(?<!\w)[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)+(?!\w)|"
    rf"(?<!\w)(?!{_CAMEL_WORDS})[a-z]+[A-Z][A-Za-z0-9]*(?!\w)"
)

_ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
)
# "at a 5th-grade reading level", "grade 5 reading level", "reading level of grade 8", "grade-level".
_READING_LEVEL = re.compile(
    rf"\b{_ORDINAL}[- ]?grade(?:[- ]level|\s+reading(?:\s+level)?|\s+level)\b"
    rf"|\bgrade[- ]?{_ORDINAL}(?:\s+reading)?\s+level\b"
    rf"|\breading[- ]level\s+(?:of\s+)?(?:a\s+)?(?:grade\s+)?{_ORDINAL}(?:[- ]grade(?:rs?)?)?\b"
    r"|\bgrade[- ]level\b",
    re.IGNORECASE,
)
# "7th graders", "kids in 4th grade": school years describe an audience, not grading.
_SCHOOL_YEAR = re.compile(rf"\b{_ORDINAL}[- ]?grade(?:rs?)?\b|\bgrade[- ]?\d{{1,2}}\s+(?:students|pupils|kids)\b", re.I)
_SPACES = re.compile(r"\s+")
MAX_INPUT_CHARS = 3000
"""Only the opening of a brief is read. The job is stated early, and a 20 KB prompt must not cost what 20 KB of
regex searches cost. Masking can shrink code-heavy text, so this is larger than the n-gram window."""


def mask_code(text: str) -> str:
    """Replace fenced code, inline code, signatures, JSON literals, slots, links and identifiers by markers."""
    text = _FENCE.sub(CODE_MARK, text)
    text = _BACKTICK.sub(_call_or_code, text)
    text = _TEMPLATE_SLOT.sub(IDENT_MARK, text)
    text = _LINK.sub(LINK_MARK, text)
    text = _CALL.sub(CALL_MARK, text)
    text = _JSON.sub(_json_or_keep, text)
    return _IDENT.sub(IDENT_MARK, text)


def _call_or_code(match: re.Match[str]) -> str:
    """Inline code that is a signature is a tool or function the brief names; anything else is plain code."""
    return CALL_MARK if _CALL.fullmatch(match.group(0)[1:-1].strip()) else CODE_MARK


def _json_or_keep(match: re.Match[str]) -> str:
    """Mask a bracketed span only when it looks like data (a key, a quote); keep "(bug/feature)" style lists."""
    span = match.group(0)
    return JSON_MARK if ('"' in span or ":" in span) else span


def mask_reading_level(text: str) -> str:
    """Turn reading-level and school-year phrases into words that carry no grading meaning."""
    text = _READING_LEVEL.sub(" reading level ", text)
    return _SCHOOL_YEAR.sub(" school pupils ", text)


def prepare(text: str) -> str:
    """Masked opening of a brief: NFKC, code and reading levels masked, single spaces (case kept)."""
    text = unicodedata.normalize("NFKC", text[:MAX_INPUT_CHARS])
    text = mask_reading_level(mask_code(text))
    return _SPACES.sub(" ", text).strip()
