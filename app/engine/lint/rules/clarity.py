"""Clarity rules: vague terms, hedging, contradictions, unbounded length, negative-only, terminology."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.engine.lint._registry import Hit, rule
from app.engine.lint._text import Doc, LintContext, Phrases, Sentence, heads, is_conditional

VAGUE = Phrases(
    r"etc\b\.?",
    *heads(
        "and so on|and so forth|stuff|things like that|various|somehow|whatever|some kind of|sort of|kind of|a bit"
        "|nice|good enough|as appropriate|appropriately|appropriate|properly|reasonable|certain things",
        r"\b",
    ),
)
HEDGE = Phrases(
    *heads(
        "try to|try and|attempt to|maybe|perhaps|possibly|if possible|might want to|could potentially|ideally"
        "|hopefully|should probably|do your best|if you can",
        r"\b",
    ),
    r"it would be (?:nice|good|great|helpful) (?:if|to)\b",
)
HEDGE_VERBS = ("try", "attempt")
# "try to" hedges only when it is the instruction itself ("Try to answer…", "please try to…"), not in
# "requests that try to change these rules".
HEDGE_VERB_CONTEXT_RE = re.compile(r"(?:^|[.!?:;\n*-]\s*|\b(?:please|should|must|always|you|will|and|can|to)\s+)$")
BRIEF = Phrases(
    r"be (?:brief|concise|succinct|terse)\b",
    *heads("answer|respond|reply", r" in (?:one|a single|1) (?:sentence|line|word)\b"),
    *heads("one|1|single", r"[- ](?:sentence|line|word) (?:answers?|responses?|replies)\b"),
    r"keep (?:it|answers|responses|replies|your answers|your responses) to (?:one|a single|1) (?:sentence|line)\b",
    *heads("at most|no more than|under|maximum of|never more than", r" (?:one|two|1|2) sentences?\b"),
    r"keep (?:it|(?:your |the )?(?:answers?|responses?|replies|output)) (?:short|brief|concise)\b",
    *heads("short|brief|concise|succinct|one-sentence", r" (?:answers?|responses?|replies)\b"),
    *heads("answer|respond|reply", r" (?:briefly|concisely)\b"),
    r"as short as possible\b",
    # "Keep every answer under 50 words", "responses must be under 40 words"
    *heads(
        "keep|limit",
        r" (?:every |each |your |all |the )?(?:answers?|responses?|replies|messages?) (?:under|below|to|within"
        r"|at most|to at most) \d{1,2} words\b",
    ),
    *heads(
        "answers|responses|replies|answer|response|reply",
        r" (?:must|should) (?:be )?(?:under|below|fewer than|no (?:more|longer) than|at most) \d{1,2} words\b",
    ),
)
DETAIL = Phrases(
    # "Be thorough" alone usually means the work (search, checks), not the length: see PROCESS_AFTER_RE.
    r"be (?:detailed|thorough|comprehensive|exhaustive)\b",
    r"step[- ]by[- ]step (?:explanations?|instructions|solutions?|walkthroughs?|answers?)\b",
    r"explain (?:each|every) step\b",
    *heads("provide|give|write", r" (?:an? )?(?:detailed|in-depth|thorough|comprehensive|lengthy|long)\b"),
    *heads(
        "detailed|thorough|comprehensive|exhaustive|in-depth|lengthy|long",
        r" (?:answers?|responses?|replies|explanations?)\b",
    ),
    r"explain (?:everything )?in (?:great |full )?detail\b",
    *heads(
        "explain|describe|cover|discuss|walk through|elaborate on|break down",
        r"\b[^.\n,;]{0,40}\bin (?:great |full |depth|more |complete )?(?:detail|depth)\b",
    ),
    r"step[- ]by[- ]step (?:reasoning|breakdowns?|derivations?)\b",
    *heads("with|using|give|include", r" (?:several|many|multiple|lots of|plenty of|three or more) examples\b"),
    r"as detailed as possible\b",
    r"in great detail\b",
)
PROCESS_AFTER_RE = re.compile(
    r"\W{0,4}(?:but|and|[-—–:,]|in your (?:work|research|search|checks|review))?\s*(?:follow|search|check|verify"
    r"|investigate|test|read|research|explore|look|review|analy[sz]e|filter|run|examine|dig|cross-check)"
)
# Scope markers: an instruction that says when it applies does not contradict one for another situation.
SCOPE = Phrases(
    *heads("by default|default to|as needed|where needed|where necessary|where relevant|if asked|when asked", r"\b"),
    *heads("on request|otherwise|except|unless explicitly|in casual|in typical", r"\b"),
    r"for (?:simple|short|quick|easy|casual|complex|hard|difficult|detailed|technical|longer|large|multi-file"
    r"|non-trivial|trivial|routine|follow-up) ",
    *heads("simple|complex|casual|quick|trivial|hard", r" (?:questions|requests|tasks|queries|changes|cases)\b"),
)
FORMAL = Phrases(*heads("formal|professional", r" (?:tone|register|style|language)\b"), r"be formal\b")
CASUAL = Phrases(
    *heads("casual|informal|relaxed|playful|slangy|chatty", r" (?:tone|register|style|language)\b"),
    r"be (?:casual|informal)\b",
)
# Forms of address, in the languages that have two: asking for both leaves the model to pick one per reply.
FORMAL_ADDRESS = Phrases(
    *heads("formal form of address|formal address|formal you", r"\b"),
    *heads("sie-form|siezen|siezt den|siezt die|vouvoiement|vouvoyez|vouvoyer|u-vorm|met u aan", r"\b"),
    *heads("de usted|trate de usted|tratar de usted|dai del lei|dare del lei", r"\b"),
)
INFORMAL_ADDRESS = Phrases(
    *heads("informal form of address|informal address|informal you", r"\b"),
    *heads("du-form|duzen|duzt den|duzt die|tutoiement|tutoyez|tutoyer|je-vorm|jij-vorm|tutear|dai del tu", r"\b"),
)
ADDRESS_PHRASES = (FORMAL_ADDRESS, INFORMAL_ADDRESS)
# "nada de usted", "nicht siezen", "never the formal address": the form is ruled out, not asked for.
ADDRESS_NEGATION_RE = re.compile(r"(?:\b(?:no|not|never|nada|nunca|nicht|nie|kein|pas|jamais|niet|mai|sin)\W+\w*\W*)$")
# "match the register (formal or informal address)": both forms named as alternatives.
ADDRESS_PAIR_RE = re.compile(r"\bformal\s+(?:or|and|/)\s*$|^\s*(?:or|and|/)\s*informal\b")


def _not_an_address_order(lower: str, m: re.Match[str]) -> bool:
    """Whether a form of address is named without being asked for: ruled out, or one of two alternatives."""
    before, after = lower[max(0, m.start() - 20) : m.start()], lower[m.end() : m.end() + 20]
    return bool(ADDRESS_NEGATION_RE.search(before) or ADDRESS_PAIR_RE.search(before) or ADDRESS_PAIR_RE.search(after))


ALWAYS = Phrases(r"always\s+", r"you must\s+", r"must always\s+")
NEVER = Phrases(
    *heads("never|do not|don't|must not|mustn't|should not|shouldn't|may not", r"\s+"),
    r"under no circumstances(?: should you)?\s+",
)
CLAUSE_END_RE = re.compile(r"[,;:]|\s(?:and|but)\s")
STOPWORDS = frozenset(
    (
        *("a", "an", "the", "to", "of", "in", "on", "for", "with", "your", "you", "any", "all", "be", "is", "are"),
        *("it", "its", "this", "that", "these", "those", "and", "or", "as", "at", "by", "from", "ever", "every"),
        *("each", "their", "them", "they", "our", "we", "us"),
    )
)
UNBOUNDED = Phrases(
    r"as (?:much|long|many|detailed) as (?:you can|possible)\b",
    r"everything you (?:know|can)\b",
    r"no (?:length |word )?limit\b",
    r"unlimited (?:length|words)\b",
    r"as long as you (?:like|want)\b",
    r"leave nothing out\b",
    r"exhaustive(?:ly)?\b",
    r"write at length\b",
    r"as many [a-z]+(?: [a-z]+)? as (?:you can|possible)\b",
    r"every (?:relevant |possible |single )?[a-z]+ (?:possible|you can (?:think of|find))\b",
    *heads("long|endless|huge", r" list of\b"),
)
NEGATIVE_PREFIXES = (
    *("do not", "don't", "never", "avoid", "refrain from", "you must not", "you should not", "you may not"),
    *("you mustn't", "you shouldn't", "**do not", "**don't", "**never", "**avoid"),
)
NEGATIVE_START_RE = re.compile(
    r"(?:\*\*)?(?:do not|don't|never|avoid|refrain from|you (?:must|should|may) not|you (?:mustn't|shouldn't))\b"
)
ALTERNATIVE_RE = re.compile(
    r"\b(?:instead|rather|only|unless|if|when|because|so that|since|otherwise|but|as (?:this|it|that|these)"
    r"|to (?:avoid|prevent|keep|ensure|protect|stay|save)|in favou?r of|except|other than|apart from)\b"
    r"|[:;—–]\s*\S|\bthen\b"
)
NEXT_ALTERNATIVE_RE = re.compile(r"(?:instead|rather|use|prefer|say|reply|respond|answer|ask|offer|point)\b")
TERMS = Phrases(*heads("(user)|(customer)|(client)", r"s?\b(?:'s)?(?:[ -]([a-z]+))?"))
COMPOUND_NEXT = {
    "user": frozenset(
        {"input", "inputs", "message", "messages", "turn", "role", "interface", "experience", "prompt", "content"}
        | {"data", "agent", "id", "ids", "name", "names", "account", "accounts", "generated"}
    ),
    "customer": frozenset({"support", "service", "success", "care", "experience", "facing", "id", "ids", "data"}),
    "client": frozenset({"side", "library", "sdk", "application", "app", "code", "id", "secret", "server"}),
}
MIN_TERM_USES = 2


@rule(
    "CLR-01",
    "clarity",
    "info",
    "Vague term",
    "Words such as 'various', 'etc.', 'appropriate' or 'stuff' leave the model to guess the standard.",
)
def vague_terms(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    for m in VAGUE.finditer(doc.lower):
        if doc.prose(m):
            yield Hit(
                m.start(),
                m.end(),
                f"Vague term '{doc.text[m.start() : m.end()]}'.",
                "Say exactly what you mean: name the items, the threshold or the standard.",
            )


@rule(
    "CLR-02",
    "clarity",
    "info",
    "Hedging",
    "Hedges such as 'try to', 'maybe' or 'if possible' weaken instructions; state them as imperatives.",
)
def hedging(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    for m in HEDGE.finditer(doc.lower):
        if m.group(0).startswith(HEDGE_VERBS) and not HEDGE_VERB_CONTEXT_RE.search(
            doc.lower, max(0, m.start() - 20), m.start()
        ):
            continue
        if doc.prose(m):
            yield Hit(
                m.start(),
                m.end(),
                f"Hedging '{doc.text[m.start() : m.end()]}'.",
                "Use a direct instruction, and say what to do when it is not possible.",
            )


def _first_unconditional(doc: Doc, phrases: Phrases) -> Sentence | None:
    for m in phrases.finditer(doc.lower):
        if m.group(0).startswith("be ") and PROCESS_AFTER_RE.match(doc.lower, m.end()):
            continue
        if phrases in ADDRESS_PHRASES and _not_an_address_order(doc.lower, m):
            continue
        sentence = doc.sentence_at(m.start())
        if sentence is not None and not is_conditional(sentence.lower) and not SCOPE.contains(sentence.lower):
            return sentence
    return None


def _signature(clause: str) -> tuple[str, ...]:
    words = [w.strip(".!?\"'*`()") for w in clause.split()[:12]]
    return tuple([w for w in words if w and w not in STOPWORDS][:3])


def _polar_clauses(doc: Doc, phrases: Phrases, negative: bool) -> Iterator[tuple[tuple[str, ...], Sentence]]:
    for m in phrases.finditer(doc.lower):
        sentence = doc.sentence_at(m.start())
        if sentence is None or is_conditional(sentence.lower):
            continue
        rest = doc.lower[m.end() : sentence.end]
        if not negative and rest.startswith(("not ", "never ")):
            continue  # "you must not …" is the negative instruction, handled by NEVER
        end = CLAUSE_END_RE.search(rest)
        key = _signature(rest[: end.start()] if end else rest)
        if len(key) >= 2:
            yield key, sentence


@rule(
    "CLR-03",
    "clarity",
    "error",
    "Contradictory instructions",
    "Two instructions cannot both be followed: brief versus detailed (e.g. 'always answer in one sentence' and"
    " 'give step-by-step explanations'), formal versus casual, or always/never the same thing. Instructions"
    " scoped to a situation ('concise for simple questions, thorough for complex ones') are not reported.",
)
def contradictions(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    pairs = (
        (BRIEF, DETAIL, "brief and detailed"),
        (FORMAL, CASUAL, "formal and casual"),
        (FORMAL_ADDRESS, INFORMAL_ADDRESS, "formal and informal in its form of address"),
    )
    for first, second, what in pairs:
        a = _first_unconditional(doc, first)
        b = _first_unconditional(doc, second) if a else None
        if a and b:
            later = a if a.start > b.start else b
            yield Hit(
                later.start,
                later.end,
                f"Contradiction: the prompt asks to be both {what}.",
                "Keep one, or scope each to a situation ('If the user asks for detail, …').",
            )
    positive: dict[tuple[str, ...], Sentence] = {}
    for key, sentence in _polar_clauses(doc, ALWAYS, negative=False):
        positive.setdefault(key, sentence)
    negative: dict[tuple[str, ...], Sentence] = {}
    for key, sentence in _polar_clauses(doc, NEVER, negative=True):
        negative.setdefault(key, sentence)
    for key in sorted(positive.keys() & negative.keys(), key=lambda k: max(positive[k].start, negative[k].start)):
        pos, neg = positive[key], negative[key]
        later, earlier = (pos, neg) if pos.start > neg.start else (neg, pos)
        yield Hit(
            later.start,
            later.end,
            f"Contradiction: '{' '.join(key)}' is both required and forbidden (see offset {earlier.start}).",
            "Remove one of the two instructions, or add the condition under which each applies.",
        )


@rule(
    "CLR-04",
    "clarity",
    "warning",
    "Unbounded length",
    "Requests such as 'as much as you can' or 'exhaustive' give no length limit.",
)
def unbounded_length(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    for m in UNBOUNDED.finditer(doc.lower):
        if doc.prose(m):
            yield Hit(
                m.start(),
                m.end(),
                f"Unbounded length request '{doc.text[m.start() : m.end()]}'.",
                "Give a limit: a number of words, sentences, bullets or items.",
            )


@rule(
    "CLR-05",
    "clarity",
    "info",
    "Negative-only instruction",
    "A 'don't' instruction gives neither the alternative to do instead nor the reason for it.",
)
def negative_only(ctx: LintContext) -> Iterator[Hit]:
    sentences = ctx.doc.sentences
    for i, sentence in enumerate(sentences):
        lower = sentence.lower
        if not lower.startswith(NEGATIVE_PREFIXES) or not NEGATIVE_START_RE.match(lower):
            continue
        if ALTERNATIVE_RE.search(lower):
            continue
        if i + 1 < len(sentences) and NEXT_ALTERNATIVE_RE.match(sentences[i + 1].lower):
            continue
        yield Hit(
            sentence.start,
            sentence.end,
            "Negative-only instruction: it says what not to do, not what to do.",
            "Add the alternative ('instead, …') or the reason ('because …').",
        )


@rule(
    "CLR-06",
    "clarity",
    "info",
    "Mixed terminology",
    "One concept is named several ways (e.g. 'user', 'customer' and 'client'), which reads as different people.",
)
def mixed_terminology(ctx: LintContext) -> Iterator[Hit]:
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    doc = ctx.doc
    for m in TERMS.finditer(doc.lower):
        term = m.group(1)
        if m.group(2) in COMPOUND_NEXT[term] or doc.in_fence(m.start()):
            continue
        counts[term] = counts.get(term, 0) + 1
        first.setdefault(term, (m.start(), m.end(1)))
    used = sorted((n, t) for t, n in counts.items() if n >= MIN_TERM_USES)
    if len(used) >= 2:
        minority = used[0][1]
        names = ", ".join(f"'{t}' ({n})" for n, t in reversed(used))
        start, end = first[minority]
        yield Hit(
            start,
            end,
            f"Mixed terms for the same person: {names}.",
            f"Pick one term and use it throughout instead of '{minority}'.",
        )
