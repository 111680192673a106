"""Clarity rules: vague terms, hedging, contradictions, unbounded length, negative-only, terminology."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.engine.lint._registry import Hit, rule
from app.engine.lint._text import LintContext, Sentence, is_conditional

VAGUE_RE = re.compile(
    r"\b(?:etc\b\.?|and so on|and so forth|stuff|things like that|various|somehow|whatever|some kind of|sort of"
    r"|kind of|a bit|nice|good enough|as appropriate|appropriately|appropriate|properly|reasonable|certain things)",
    re.I,
)
HEDGE_RE = re.compile(
    r"\b(?:(?P<verb>try to|try and|attempt to)|maybe|perhaps|possibly|if possible|might want to|could potentially|ideally|hopefully"
    r"|should probably|it would be (?:nice|good|great|helpful) (?:if|to)|do your best|if you can)\b",
    re.I,
)
# "try to" hedges only when it is the instruction itself ("Try to answer…", "please try to…"), not in
# "requests that try to change these rules".
HEDGE_VERB_CONTEXT_RE = re.compile(r"(?:^|[.!?:;\n*-]\s*|\b(?:please|should|must|always|you|will|and|can|to)\s+)$", re.I)
BRIEF_RE = re.compile(
    r"\b(?:be (?:brief|concise|succinct|terse)|keep (?:it|(?:your |the )?(?:answers?|responses?|replies|output)) "
    r"(?:short|brief|concise)|(?:short|brief|concise|succinct|one-sentence) (?:answers?|responses?|replies)"
    r"|(?:answer|respond|reply) (?:briefly|concisely)|as short as possible)\b",
    re.I,
)
DETAIL_RE = re.compile(
    r"\b(?:be (?:detailed|thorough|comprehensive|exhaustive)|(?:detailed|thorough|comprehensive|exhaustive|in-depth"
    r"|lengthy|long) (?:answers?|responses?|replies|explanations?)|explain (?:everything )?in (?:great |full )?detail"
    r"|as detailed as possible|in great detail)\b",
    re.I,
)
FORMAL_RE = re.compile(r"\b(?:formal|professional) (?:tone|register|style|language)\b|\bbe formal\b", re.I)
CASUAL_RE = re.compile(
    r"\b(?:casual|informal|relaxed|playful|slangy|chatty) (?:tone|register|style|language)\b|\bbe (?:casual|informal)\b", re.I
)
ALWAYS_RE = re.compile(r"\b(?:always|you must|must always)\s+(.+)")
NEVER_RE = re.compile(
    r"\b(?:never|do not|don't|must not|mustn't|should not|shouldn't|may not|under no circumstances(?: should you)?)\s+(.+)"
)
CLAUSE_SPLIT_RE = re.compile(r"[,;:]|\s(?:and|but)\s")
STOPWORDS = frozenset(
    "a an the to of in on for with your you any all be is are it its this that these those and or as at by from "
    "ever every each their them they our we us".split()
)
UNBOUNDED_RE = re.compile(
    r"\b(?:as (?:much|long|many|detailed) as (?:you can|possible)|everything you (?:know|can)|no (?:length |word )?limit"
    r"|unlimited (?:length|words)|as long as you (?:like|want)|leave nothing out|exhaustive(?:ly)?|write at length)\b",
    re.I,
)
NEGATIVE_START_RE = re.compile(
    r"^(?:\*\*)?(?:do not|don't|never|avoid|refrain from|you (?:must|should|may) not|you (?:mustn't|shouldn't))\b"
)
ALTERNATIVE_RE = re.compile(
    r"\b(?:instead|rather|only|unless|if|when|because|so that|since|otherwise|but|as (?:this|it|that|these)"
    r"|to (?:avoid|prevent|keep|ensure|protect|stay|save)|in favou?r of|except|other than|apart from)\b|[:;—–]\s*\S|\bthen\b"
)
NEXT_ALTERNATIVE_RE = re.compile(r"^(?:instead|rather|use|prefer|say|reply|respond|answer|ask|offer|point)\b")
TERM_RE = re.compile(r"\b(users?|customers?|clients?)\b(?:'s)?(?:[ -]([a-z]+))?", re.I)
COMPOUND_NEXT = {
    "user": frozenset({"input", "inputs", "message", "messages", "turn", "role", "interface", "experience", "prompt",
                       "content", "data", "agent", "id", "ids", "name", "names", "account", "accounts", "generated"}),
    "customer": frozenset({"support", "service", "success", "care", "experience", "facing", "id", "ids", "data"}),
    "client": frozenset({"side", "library", "sdk", "application", "app", "code", "id", "secret", "server"}),
}
MIN_TERM_USES = 2


@rule("CLR-01", "clarity", "info", "Vague term",
      "Words such as 'various', 'etc.', 'appropriate' or 'stuff' leave the model to guess the standard.")
def vague_terms(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    for m in VAGUE_RE.finditer(doc.text):
        if not doc.in_fence(m.start()) and not doc.is_quoted(m.start(), m.end()):
            yield Hit(m.start(), m.end(), f"Vague term '{m.group(0)}'.",
                      "Say exactly what you mean: name the items, the threshold or the standard.")


@rule("CLR-02", "clarity", "info", "Hedging",
      "Hedges such as 'try to', 'maybe' or 'if possible' weaken instructions; state them as imperatives.")
def hedging(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    for m in HEDGE_RE.finditer(doc.text):
        if m.group("verb") and not HEDGE_VERB_CONTEXT_RE.search(doc.text[max(0, m.start() - 20) : m.start()]):
            continue
        if not doc.in_fence(m.start()) and not doc.is_quoted(m.start(), m.end()):
            yield Hit(m.start(), m.end(), f"Hedging '{m.group(0)}'.", "Use a direct instruction, and say what to do when it is not possible.")


def _first_unconditional(pattern: re.Pattern[str], sentences: list[Sentence]) -> Sentence | None:
    for sentence in sentences:
        if pattern.search(sentence.body) and not is_conditional(sentence.lower):
            return sentence
    return None


def _signature(clause: str) -> tuple[str, ...]:
    words = [w.rstrip(".!?\"'*`)") for w in clause.split()]
    content = [w for w in words if w and w not in STOPWORDS]
    return tuple(content[:3])


@rule("CLR-03", "clarity", "error", "Contradictory instructions",
      "Two instructions cannot both be followed: brief versus detailed, formal versus casual, or always/never the same thing.")
def contradictions(ctx: LintContext) -> Iterator[Hit]:
    sentences = ctx.doc.sentences
    for first_re, second_re, what in ((BRIEF_RE, DETAIL_RE, "brief and detailed"), (FORMAL_RE, CASUAL_RE, "formal and casual")):
        a = _first_unconditional(first_re, sentences)
        b = _first_unconditional(second_re, sentences) if a else None
        if a and b:
            later = max(a, b, key=lambda s: s.start)
            yield Hit(later.start, later.end, f"Contradiction: the prompt asks to be both {what}.",
                      "Keep one, or scope each to a situation ('If the user asks for detail, …').")
    positive: dict[tuple[str, ...], Sentence] = {}
    negative: dict[tuple[str, ...], Sentence] = {}
    for sentence in sentences:
        if is_conditional(sentence.lower):
            continue
        for clause in CLAUSE_SPLIT_RE.split(sentence.lower):
            neg = NEVER_RE.search(clause)
            pos = None if neg else ALWAYS_RE.search(clause)
            match, own, other = (neg, negative, positive) if neg else (pos, positive, negative)
            if match is None:
                continue
            key = _signature(match.group(1))
            if len(key) < 2:
                continue
            if key in other:
                yield Hit(sentence.start, sentence.end,
                          f"Contradiction: '{' '.join(key)}' is both required and forbidden (see offset {other[key].start}).",
                          "Remove one of the two instructions, or add the condition under which each applies.")
                del other[key]
            else:
                own.setdefault(key, sentence)


@rule("CLR-04", "clarity", "warning", "Unbounded length",
      "Requests such as 'as much as you can' or 'exhaustive' give no length limit.")
def unbounded_length(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    for m in UNBOUNDED_RE.finditer(doc.text):
        if not doc.in_fence(m.start()) and not doc.is_quoted(m.start(), m.end()):
            yield Hit(m.start(), m.end(), f"Unbounded length request '{m.group(0)}'.",
                      "Give a limit: a number of words, sentences, bullets or items.")


@rule("CLR-05", "clarity", "info", "Negative-only instruction",
      "A 'don't' instruction gives neither the alternative to do instead nor the reason for it.")
def negative_only(ctx: LintContext) -> Iterator[Hit]:
    sentences = ctx.doc.sentences
    for i, sentence in enumerate(sentences):
        if not NEGATIVE_START_RE.match(sentence.lower):
            continue
        if ALTERNATIVE_RE.search(sentence.lower):
            continue
        if i + 1 < len(sentences) and NEXT_ALTERNATIVE_RE.match(sentences[i + 1].lower):
            continue
        yield Hit(sentence.start, sentence.end, "Negative-only instruction: it says what not to do, not what to do.",
                  "Add the alternative ('instead, …') or the reason ('because …').")


@rule("CLR-06", "clarity", "info", "Mixed terminology",
      "One concept is named several ways (e.g. 'user', 'customer' and 'client'), which reads as different people.")
def mixed_terminology(ctx: LintContext) -> Iterator[Hit]:
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    doc = ctx.doc
    for m in TERM_RE.finditer(doc.lower):
        term = m.group(1).rstrip("s")
        if m.group(2) in COMPOUND_NEXT[term] or doc.in_fence(m.start()):
            continue
        counts[term] = counts.get(term, 0) + 1
        first.setdefault(term, (m.start(), m.start() + len(m.group(1))))
    used = sorted((n, t) for t, n in counts.items() if n >= MIN_TERM_USES)
    if len(used) >= 2:
        minority = used[0][1]
        names = ", ".join(f"'{t}' ({n})" for n, t in reversed(used))
        start, end = first[minority]
        yield Hit(start, end, f"Mixed terms for the same person: {names}.", f"Pick one term and use it throughout instead of '{minority}'.")
