"""The expectation checks: constraint matching, required and forbidden phrases, placeholder examples.

Matching rules for a constraint expectation (a partial `Constraint` dict), against each extracted constraint:

- `kind`, `unit`, `action`, `code`, `name`: equal, case-insensitively.
- `minimum`, `maximum`, `exact`, `multi`: equal. An expected `exact: n` also accepts `minimum == maximum == n`.
- `values` of `labels`, `fields` and `schema`: the same set, compared case-insensitively and ignoring `_`, `-`
  and spaces (`feature_request` == `Feature request`). Other lists (`forbidden`, `parameters`, tone `values`):
  every expected element is present.
- `value` of a fallback phone: the same digits. Other strings (`value`, `condition`, `first`, `then`, `scope`):
  the expected text occurs in the extracted one, case-insensitively (so `first: verify` matches
  "verify the customer's identity").
- `schema`: equal.
- A `schema` expectation is also met by a `fields` constraint and vice versa: a loosely written inline JSON
  ("{"name": string, ...}") may be read either way, and what matters is that its keys are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

_SET_VALUED_KINDS = frozenset({"labels", "fields", "schema"})
_STRUCTURE_KINDS = frozenset({"fields", "schema"})
_EXACT_STRINGS = frozenset({"kind", "unit", "action", "code", "name"})
_EXACT_SCALARS = frozenset({"minimum", "maximum", "multi"})
_CONTAINED_STRINGS = frozenset({"value", "condition", "first", "then", "scope"})


def _label_key(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text).casefold()


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _field_matches(kind: str, field: str, expected: Any, found: Mapping[str, Any]) -> bool:
    actual = found.get(field)
    if field == "kind" and kind in _STRUCTURE_KINDS:
        return actual in _STRUCTURE_KINDS
    if field in _EXACT_STRINGS:
        return isinstance(actual, str) and actual.casefold() == str(expected).casefold()
    if field in _EXACT_SCALARS:
        return bool(actual == expected)
    if field == "exact":
        return bool(actual == expected or (found.get("minimum") == expected and found.get("maximum") == expected))
    if field == "schema":
        return bool(actual == expected)
    if isinstance(expected, list):
        found_keys = {_label_key(str(v)) for v in (actual or [])}
        expected_keys = {_label_key(str(v)) for v in expected}
        if field == "values" and kind in _SET_VALUED_KINDS:
            return found_keys == expected_keys
        return expected_keys <= found_keys
    if field in _CONTAINED_STRINGS:
        if not isinstance(actual, str):
            return False
        if kind == "fallback" and field == "value" and found.get("action") == "phone":
            return _digits(str(expected)) != "" and _digits(str(expected)) == _digits(actual)
        return str(expected).casefold() in actual.casefold()
    return bool(actual == expected)


def constraint_matches(expected: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    """Whether one extracted constraint (as a dict of its fields) satisfies a partial expectation."""
    kind = str(expected["kind"])
    return all(_field_matches(kind, field, value, found) for field, value in expected.items())


def missing_constraints(
    expected: Iterable[Mapping[str, Any]], found: Sequence[Mapping[str, Any]]
) -> list[Mapping[str, Any]]:
    """The expectations that no extracted constraint satisfies."""
    return [exp for exp in expected if not any(constraint_matches(exp, f) for f in found)]


def missing_phrases(prompt: str, phrases: Iterable[str | list[str]]) -> list[str | list[str]]:
    """Required phrases (or any-of groups) the prompt does not carry, case-insensitively."""
    text = prompt.casefold()
    missing: list[str | list[str]] = []
    for phrase in phrases:
        options = phrase if isinstance(phrase, list) else [phrase]
        if not any(option.casefold() in text for option in options):
            missing.append(phrase)
    return missing


def present_phrases(prompt: str, phrases: Iterable[str]) -> list[str]:
    """Forbidden phrases the prompt contains, case-insensitively."""
    text = prompt.casefold()
    return [phrase for phrase in phrases if phrase.casefold() in text]


# Placeholder examples. Code (fenced blocks and inline spans) is left out: regex classes, f-strings and
# templates there are content, not slots.
_FENCED = re.compile(r"```.*?```", re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_BRACKETED = re.compile(r"\[([^\[\]\n]{1,160})\](?!\()")
_ANGLE_SLOT = re.compile(r"<\s*(?:your|insert|enter|add|put)[\s_-][^<>\n]{1,80}>", re.IGNORECASE)
_SINGLE_BRACE = re.compile(r"(?<![{$\\])\{\s*([A-Za-z_][\w .\-]{0,60}?)\s*\}(?!\})")
# Lines of code shown in an example (added diff lines, f-strings, str.format) use braces as code, not as slots.
_CODE_LINE = re.compile(r"^\s*\+\s|\bf[\"']|\.format\(")


# A bracket is a placeholder when its content describes a value instead of being one: it opens with a
# determiner or an instruction verb ("[A text that fits none of the labels]", "[that label]", "[Insert date]"),
# offers alternatives ("[doc: title or number, section]"), is a lowercase description ("[customer name]"),
# names a generic slot ("[Customer Name]", "[Date]") or is an ellipsis. Concrete markers such as "[YES]",
# "[1]", "[Handbook §4.2]" or JSON arrays are content.
_DESCRIPTIVE_OPENERS = frozenset(
    {"a", "an", "the", "your", "my", "our", "their", "his", "her", "its", "that", "this", "these", "those", "some",
     "any", "another", "one", "insert", "enter", "add", "put", "e.g.", "eg", "example"}
)  # fmt: skip
_SLOT_WORDS = re.compile(
    r"\b(?:name|names|placeholder|example|something|here|text|value|date|number|details|xxx+|tbd|todo)\b", re.IGNORECASE
)
_ELLIPSIS = re.compile(r"^(?:\.\.\.|…)|(?:\.\.\.|…)$")


def _is_placeholder_bracket(content: str) -> bool:
    stripped = content.strip()
    if not stripped or stripped[0] in "\"'{[+-0123456789^":
        return bool(_ELLIPSIS.search(stripped))  # JSON arrays, citations like [1], footnotes
    words = stripped.split()
    return bool(
        _ELLIPSIS.search(stripped)
        or words[0].casefold().rstrip(":,") in _DESCRIPTIVE_OPENERS
        or " or " in f" {stripped.casefold()} "
        or (len(words) > 1 and stripped == stripped.casefold() and re.search(r"[^\W\d_]", stripped))
        or _SLOT_WORDS.search(stripped)
    )


def placeholder_examples(prompt: str, allowed: str = "") -> list[str]:
    """Bracketed placeholder examples (`[A text that fits none of the labels]`, `[...]`), `<your X>` slots and
    single-brace `{X}` slots outside code and JSON. Anything written literally in `allowed` (the brief) is the
    user's own content and is not counted."""
    text = _INLINE_CODE.sub(" ", _FENCED.sub(" ", prompt))
    hits = [m.group(0) for m in _BRACKETED.finditer(text) if _is_placeholder_bracket(m.group(1))]
    hits += [m.group(0) for m in _ANGLE_SLOT.finditer(text)]
    hits += [
        m.group(0) for line in text.splitlines() if not _CODE_LINE.search(line) for m in _SINGLE_BRACE.finditer(line)
    ]
    return [hit for hit in hits if hit not in allowed]


# Limit contradictions: a number stated with a limit's unit that the brief never states ("at most 200 words" for a
# brief that asks for 80 words). Independent of the engine's own fidelity check; English units only.
_UNIT_PATTERNS: dict[str, str] = {
    "words": r"words?",
    "sentences": r"sentences?",
    "bullets": r"bullet(?:s|\s+points?)?",
    "characters": r"char(?:acter)?s?",
    "paragraphs": r"paragraphs?",
    "lines": r"lines?",
}
_NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
)  # fmt: skip


def _numbers_in(text: str) -> set[str]:
    numbers = {n.replace(",", "") for n in re.findall(r"\d[\d,]*", text)}
    words = set(re.findall(r"[a-z]+", text.casefold()))
    numbers |= {str(value) for value, word in enumerate(_NUMBER_WORDS) if word in words}
    return numbers


def contradicting_limits(prompt: str, brief: str, units: Iterable[str]) -> list[str]:
    """Phrases like "200 words" in the prompt whose number the brief never states, for the given limit units."""
    allowed = _numbers_in(brief)
    hits: list[str] = []
    for unit in sorted(set(units) & set(_UNIT_PATTERNS)):
        pattern = re.compile(rf"\b(\d[\d,]*)(?:\s+|-)(?:[a-z]+\s+)?{_UNIT_PATTERNS[unit]}\b", re.IGNORECASE)
        hits += [m.group(0) for m in pattern.finditer(prompt) if m.group(1).replace(",", "") not in allowed]
    return hits
