"""A reply-language case in a language the engine does not know: the brief's own sentence is the rule.

"Si el socio escribe en aranés, contesta en aranés; si no, en castellano", "If a guest writes in Tagalog, reply in
Tagalog": the case's language has no entry in the name tables, so the case reader cannot state it. Writing the
brief's own language as the one reply language would drop the case; the sentence is quoted as the rule instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.engine.constraints.clause_readers import Field
from app.engine.constraints.language import lookup
from app.engine.constraints.language_cases import OTHERWISE, find_language_cases, sentence_at
from app.engine.constraints.model import BriefSpan, Constraint

_IF = r"if|when|whenever|should|si|cuando|wenn|falls|lorsque|quand|se|quando|als|wanneer|indien"
_WRITES = (
    r"writes?|wrote|speaks?|messages?|escribe|escriben|escriba|escriu|escriuen|habla|hablan|schreibt|schreiben|spricht|écrit|"
    r"écrivent|parle|parlent|escreve|escrevem|escrever|fala|falam|scrive|scrivono|parla|parlano|schrijft|schrijven|"
    r"spreekt"
)
_PREP = r"(?:in|en|em|auf|op|in\s+het|na|no)"
# "if the member writes in Aranese": the case and the word for its language
_UNKNOWN_CASE = re.compile(
    rf"\b(?:{_IF})\b[^.;:\n]{{0,50}}?\b(?:{_WRITES})\b\s+(?:(?:to\s+)?us\s+)?{_PREP}\s+(?P<word>[^\W\d_]{{3,}})\b|"
    # verb last: "als een gast in het Fries schrijft", "wenn jemand auf Rätoromanisch schreibt"
    r"\b(?:als|wanneer|indien|wenn|falls)\s+(?:[\w'’]+\s+){0,4}?(?:in\s+het|auf|in)\s+(?P<word2>[^\W\d_]{3,})\s+"
    r"(?:schrijft|schrijven|spreekt|schreibt|schreiben|spricht)\b",
    re.IGNORECASE,
)
_REPLY = (
    r"reply|respond|answer|write|contesta|responde|respóndele|contéstale|antworte|antwortet|réponds|répondez|"
    r"responda|responde|rispondi|antwoord|escreve|escribe"
)


def _quoted_rule(sentence: str) -> str:
    return f"Choose each reply's language as the brief states it: «{sentence.rstrip('.')}»."


def _unknown_case(text: str) -> tuple[int, int, str, tuple[str, str] | None] | None:
    """(start, end, the case's word, the default) of a sentence whose reply-language case names an unknown language."""
    for match in _UNKNOWN_CASE.finditer(text):
        word = match.group("word") or match.group("word2")
        if lookup(word) is not None or word.isupper():
            continue
        start, end = sentence_at(text, match.start())
        rest = text[match.end() : end]
        mirrored = re.search(rf"\b(?:{_REPLY})\w*\b[^.;\n]{{0,20}}?\b{_PREP}\s+{re.escape(word)}\b", rest, re.I)
        otherwise = OTHERWISE.search(text, match.end(), end)
        default = lookup(otherwise.group("lang")) if otherwise is not None else None
        # ("si escribe en mayúsculas, contesta en mayúsculas": a language is written with a capital in the languages
        # that say "reply in X" without an "otherwise" beside it)
        if mirrored is not None and (default is not None or word[0].isupper()):
            return start, end, word, default
    return None


def _within(constraint: Constraint, span: BriefSpan) -> bool:
    inner = constraint.span
    return (
        inner is not None and (inner.field, inner.index) == (span.field, span.index)
        and span.start <= inner.start and inner.end <= span.end + 1
    )  # fmt: skip


def with_unknown_language_cases(fields: Iterable[Field], found: list[Constraint]) -> list[Constraint]:
    """The constraints with a case in an unknown language stated as the brief's sentence, in place of any plain
    reply language (the brief's own or a default): one language rule, in the brief's words."""
    if any(c.kind == "language" and c.values for c in found):
        return found  # a rule with cases is already read
    for field in fields:
        case = _unknown_case(field.text)
        if case is None or find_language_cases(field.text[case[0] : case[1]]):
            continue
        start, end, word, default = case
        span = field.span(start, end)
        rule = Constraint(
            kind="language", text=_quoted_rule(field.text[start:end].strip()), span=span,
            value=default[0] if default else None, code=default[1] if default else None, values=[word],
        )  # fmt: skip
        # (the sentence, kept as a rule of its own too, would say it twice)
        said = [c for c in found if c.kind in ("requirement", "prohibition") and _within(c, span)]
        return [c for c in found if c.kind != "language" and c not in said] + [rule]
    return found
