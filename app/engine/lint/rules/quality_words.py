"""CLR-07: words that promise an effect or excellence ("engaging", "world-class", "make it amazing") but give
the model no criteria to meet. A prompt built on several of them is a warning; a single one is an info."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.engine.lint._registry import Hit, rule
from app.engine.lint._text import LintContext, Phrases, heads
from app.engine.types import Severity

HYPE = Phrases(
    *heads(
        "amazing|awesome|world-class|world class|best-in-class|state-of-the-art|cutting-edge|captivating|compelling"
        "|powerful|impactful|inspiring|inspirational|exciting|stunning|outstanding|exceptional|incredible"
        "|mind-blowing|top-notch|high-quality|high quality|perfect|flawless|brilliant|fantastic|phenomenal"
        "|remarkable|unforgettable|catchy|fancy|delicious|beautiful|magical|epic|legendary|groundbreaking"
        "|revolutionary|next-level|irresistible|engaging|premier|premium|leading|wow|evoke emotions?"
        "|resonates? with|leave an imprint|attention-grabbing|eye-catching|jaw-dropping|click-worthy|viral",
        r"\b",
    ),
    r"stir (?:people'?s? |the reader'?s? )?souls?\b",
    r"blow (?:their|your) minds?\b",
    r"make (?:it|them|people|readers?|the reader|the audience) feel\b",
)
# Uses that are not a promise of quality: "engaging with users", "premium plan", "the leading zero".
NOT_HYPE_AFTER_RE = re.compile(
    r"\s+(?:with|in|for)\b|\s+(?:plans?|tiers?|subscriptions?|accounts?|members?|users?|zeros?|spaces?|edge)\b"
)
LEADING_NEEDS_RE = re.compile(r"(?:the|a|an)\s+$")
# A sentence that defines the word ("compelling, i.e. …", "engaging: ask one question per reply") is fine.
CRITERIA_RE = re.compile(r"\b(?:i\.e\.|meaning|defined as|measured by|which means|that is,)(?!\w)|:\s*\S")
WARN_AT_DISTINCT = 2
"""A prompt with this many different quality words leans on them instead of criteria."""


@rule(
    "CLR-07",
    "clarity",
    "warning",
    "Vague quality words",
    "Promises of emotion, impact or excellence ('make it amazing', 'world-class', 'engaging', 'powerful') with no"
    " criteria: the model cannot tell what would satisfy them. An info for one such word, a warning for several.",
)
def vague_quality_words(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    matches: list[re.Match[str]] = []
    for m in HYPE.finditer(doc.lower):
        word = m.group(0)
        if not doc.prose(m) or NOT_HYPE_AFTER_RE.match(doc.lower, m.end()):
            continue
        if word == "leading" and not LEADING_NEEDS_RE.search(doc.lower, max(0, m.start() - 6), m.start()):
            continue
        sentence = doc.sentence_at(m.start())
        if sentence is not None and CRITERIA_RE.search(sentence.lower):
            continue
        matches.append(m)
    distinct = {m.group(0).split()[0] for m in matches}
    severity: Severity = "warning" if len(distinct) >= WARN_AT_DISTINCT else "info"
    for m in matches:
        yield Hit(
            m.start(),
            m.end(),
            f"Vague quality word '{doc.text[m.start() : m.end()]}': it promises an effect but sets no criteria.",
            "Say what would make it so: length, structure, tone, audience, or a concrete example of the result.",
            severity,
        )
