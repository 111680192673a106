"""Efficiency rules: token budget, duplicated paragraphs, filler, very long sentences."""

from __future__ import annotations

from collections.abc import Iterator

from app.engine.lint._registry import Hit, rule
from app.engine.lint._text import LintContext, Phrases, heads
from app.engine.tokens import count_tokens

FILLER = Phrases(
    *heads(
        "please|kindly|thank you|thanks|i would like you to|i'd like you to|i want you to|could you|would you mind"
        "|in order to|it is important to note that|it's important to note that|please note that|needless to say"
        "|basically|feel free to|at the end of the day|as an ai language model|it goes without saying",
        r"\b",
    )
)
# Duplicate detection ignores case, spacing and the closing punctuation. Full punctuation folding was
# dropped: str.translate is slow on non-ASCII text, and copy-pasted paragraphs rarely differ that way.
TRAILING_PUNCTUATION = ".!?;:"
LONG_SENTENCE_WORDS = 40
MIN_DUPLICATE_CHARS = 40


def _upper_bound(ctx: LintContext) -> float:
    """Cheap ceiling on any target's count, so short prompts skip the encoder.

    Every o200k token covers at least one UTF-8 byte; 1.1 is the claude factor; the chat term covers
    message overhead, role and name tokens.
    """
    bound = len(ctx.doc.text.encode("utf-8")) * 1.1 + 2
    if not isinstance(ctx.prompt, str):
        bound += sum(8 + len(m.role) + len(m.name or "") for m in ctx.prompt) + 4
    return bound


@rule(
    "EFF-01",
    "efficiency",
    "warning",
    "Over the token budget",
    "The prompt is longer than the token budget for its target (LintConfig.token_budget or the per-target default).",
)
def token_budget(ctx: LintContext) -> Iterator[Hit]:
    if _upper_bound(ctx) <= ctx.token_budget:
        return
    counted = count_tokens(ctx.prompt, ctx.target)
    if counted.count > ctx.token_budget:
        yield Hit(
            None,
            None,
            f"{counted.count} tokens ({counted.method}, {counted.tokenizer}) exceed the {ctx.token_budget}-token "
            f"budget for {ctx.target}.",
            "Cut duplicated or low-value sections, or move reference material into retrieved context.",
        )


@rule(
    "EFF-02",
    "efficiency",
    "warning",
    "Duplicated paragraph",
    "The same paragraph appears more than once (ignoring case, spacing and closing punctuation).",
)
def duplicate_paragraphs(ctx: LintContext) -> Iterator[Hit]:
    lower = ctx.doc.lower
    seen: dict[str, int] = {}
    for start, end in ctx.doc.paragraphs:
        if end - start < MIN_DUPLICATE_CHARS:
            continue
        key = " ".join(lower[start:end].split()).rstrip(TRAILING_PUNCTUATION)
        if len(key) < MIN_DUPLICATE_CHARS:
            continue
        if key in seen:
            yield Hit(start, end, f"Paragraph duplicates the one at offset {seen[key]}.", "Keep one copy.")
        else:
            seen[key] = start


@rule(
    "EFF-03",
    "efficiency",
    "info",
    "Filler or politeness",
    "Politeness and filler ('please', 'kindly', 'in order to',"
    " 'it is important to note that') cost tokens and add nothing.",
)
def filler(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    for m in FILLER.finditer(doc.lower):
        if doc.prose(m):
            yield Hit(
                m.start(),
                m.end(),
                f"Filler '{doc.text[m.start() : m.end()]}'.",
                "Delete it or use the plain imperative.",
            )


@rule(
    "EFF-04",
    "efficiency",
    "info",
    "Very long sentence",
    f"A sentence has more than {LONG_SENTENCE_WORDS} words; split it so each instruction stands alone.",
)
def long_sentences(ctx: LintContext) -> Iterator[Hit]:
    for sentence in ctx.doc.sentences:
        # A sentence of more than N words has at least 2N characters: skip the split for shorter ones.
        if sentence.end - sentence.start <= 2 * LONG_SENTENCE_WORDS:
            continue
        words = len(sentence.body.split())
        if words > LONG_SENTENCE_WORDS:
            yield Hit(
                sentence.start, sentence.end, f"Sentence of {words} words.", "Split it into shorter instructions."
            )
