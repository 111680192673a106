"""Detectors for fill-in placeholders ("[your destination]") and source text pasted after its cue on one line."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.engine.lint._templates import inferred_trust
from app.engine.templatize._blocks import (
    CONSTANT_CUE,
    MIN_QUOTE_CHARS,
    NOUN_ALTERNATION,
    input_description,
    noun_name,
    own_material,
    text_before,
)
from app.engine.templatize._model import Candidate

_PLACEHOLDER = re.compile(
    r"\[(?P<sq>[A-Za-z][A-Za-z '’_/-]{2,40})\]|<(?P<aq>(?:insert|paste|your|enter|add)\b[A-Za-z '’_/-]{2,40})>"
    r"|\{(?P<bq>[A-Za-z][A-Za-z ’'_-]{2,40})\}(?!\})"
)
_PLACEHOLDER_FILLER = re.compile(r"\b(?:insert|paste|enter|add|put|type|your|the|a|an|here|goes|text of|of)\b", re.I)


def placeholders(text: str) -> Iterator[Candidate]:
    """Leftover fill-in slots such as "[customer name]", "<paste the email here>" or "{topic}"."""
    for m in _PLACEHOLDER.finditer(text):
        group = next(g for g in ("sq", "aq", "bq") if m.group(g) is not None)
        inner = m.group(group)
        if (m.start() > 0 and text[m.start() - 1] in "{[") or inner.strip().lower() in ("x", "n/a"):
            continue
        if group == "sq" and not re.search(
            r"(?i)\b(?:your|customer|user|enter|name|text|message|email|topic|question|date|product|company"
            r"|insert|paste|here|input|document|article|number|id|subject|language"
            r"|title|content|description|details|request|query|url|link)\b",
            inner,
        ):
            continue  # "[source: title]" and other bracketed notes are not slots
        name = re.sub(r"[^a-z0-9]+", "_", _PLACEHOLDER_FILLER.sub(" ", inner.lower())).strip("_")
        if not name or not name[0].isalpha():
            continue
        trusted = placeholder_is_constant(name)
        yield Candidate(
            kind="placeholder",
            name=name,
            start=m.start(),
            end=m.end(),
            replace_start=m.start(),
            replace_end=m.end(),
            # A constant the application sets ({{company_name}}, {{return_policy}}) needs no delimiters: wrapping it
            # in tags as if it were untrusted text would be noise.
            placement="bare" if trusted else "inline",
            description=f"The {name.replace('_', ' ')} "
            + ("set by the application (trusted)." if trusted else "supplied with each call (end-user content)."),
            trusted=trusted,
            priority=1,
        )


CONSTANT_TOKENS = frozenset(
    (
        *("policy", "policies", "hours", "address", "phone", "url", "link", "website", "site", "terms", "faq"),
        *("schedule", "price", "prices", "pricing", "plan", "plans", "menu", "location", "slogan", "tagline"),
        *("signature", "brand", "company", "business", "product", "products", "service", "services", "bot", "agent"),
    )
)


def placeholder_is_constant(name: str) -> bool:
    """Whether a leftover slot names something the application fills once per deployment (company, policy, hours),
    not text a user supplies per call (a message, a question)."""
    trust = inferred_trust(name)
    if trust is not None:
        return trust
    return any(token in CONSTANT_TOKENS for token in name.split("_"))


_SAME_LINE_SOURCE = re.compile(
    r"\b(?P<cue>(?:my|this|the following|the|our customer's|the customer's|the user's)\s+(?:"
    + NOUN_ALTERNATION
    + r"))s?\s*:[ \t]*(?P<value>[^\s\"“{<`][^\n]{"
    + str(MIN_QUOTE_CHARS)
    + r",})$",
    re.I | re.M,
)


def same_line_sources(text: str) -> Iterator[Candidate]:
    """Source text pasted after its cue on the same line: "Correct the grammar in my text: I has went…"."""
    for m in _SAME_LINE_SOURCE.finditer(text):
        cue = m.group("cue")
        if own_material(cue) or CONSTANT_CUE.search(text_before(text, m.start("value"))):
            continue
        name = noun_name(cue) or "text"
        value_end = m.end("value") - (len(m.group("value")) - len(m.group("value").rstrip()))
        yield Candidate(
            kind="pasted_text",
            name=name,
            start=m.start("value"),
            end=value_end,
            replace_start=m.start("value"),
            replace_end=value_end,
            placement="inline",
            description=input_description(name),
            priority=1,
        )
