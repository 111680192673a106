"""Structure rules: role, output format, examples, fallback, input placement."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.engine.lint._registry import Hit, rule
from app.engine.lint._text import LintContext

OPENING_CHARS = 1200
"""The role or objective must appear this early (Anthropic course element 2; OpenAI first-line rule)."""

ROLE_RE = re.compile(
    r"\b(?:you are|you're|you will (?:act|serve|be|help|assist|answer|review|write|extract|classify)|act as|acting as"
    r"|your (?:role|job|task|goal|objective|purpose|mission|responsibility) (?:is|will be|here is)|you work (?:as|for)"
    r"|you (?:help|assist|answer|support|review|write)\b|(?:role|objective|task|goal|purpose)\s*:)",
    re.I,
)
ROLE_SECTION_RE = re.compile(
    r"^[ \t]{0,3}#{1,6}[ \t]+(?:role|objective|task|goal|purpose|identity)\b|<(?:role|task|objective|goal|purpose|identity)>",
    re.I | re.M,
)
IMPERATIVE_OPENING_RE = re.compile(
    r"^\W*(?:classify|extract|summari[sz]e|translate|write|generate|answer|analy[sz]e|review|rewrite|convert|identify"
    r"|help|draft|evaluate|assess|create|produce|categori[sz]e|label|tag|detect|determine|explain|compare|find|grade"
    r"|score|respond|triage|route|moderate|proofread|edit|check|plan|tutor|teach)\b",
    re.I,
)

FORMAT_RE = re.compile(
    r"\b(?:output format|response format|answer format|format(?:ted)? (?:as|in|your|the (?:answer|response|output))"
    r"|respond (?:in|with|using|only)|reply (?:in|with|using|only)|answer (?:in|with) (?:a|an|one|two|three|\d|plain|json|the)"
    r"|(?:return|output|produce|emit) (?:a|an|the|only|json|valid|one|exactly)|your (?:response|answer|reply|output)s? (?:should|must|will|is)"
    r"|(?:write|put|wrap|place|enclose|give) (?:your|the) (?:final )?(?:answer|response|reply|output)"
    r"|json|yaml|csv|markdown|bullet(?:ed)? (?:points?|list)|numbered list|table"
    r"|(?:one|two|three|four|five|\d+) (?:sentences?|paragraphs?|words|bullets?|lines)"
    r"|(?:under|at most|no more than|fewer than|maximum of|up to) \d+ (?:words|sentences|paragraphs|characters|tokens|lines|bullets?)"
    r"|plain text|plain prose)\b|<(?:output_format|format|response_format)>|^#{1,6}[^\n]*\b(?:format|output)\b",
    re.I | re.M,
)
STRUCTURED_REQUEST_RE = re.compile(
    r"\b(?:return|respond|output|format|reply|produce|emit|answer|generate|give|provide|write|extract)\b[^.\n]{0,60}?"
    r"\b(?:json|yaml|csv|structured output|structured data)\b"
    r"|\b(?:json|yaml|csv)\b[^.\n]{0,20}\b(?:object|output|response|format|array|document)\b",
    re.I,
)
FIELDS_RE = re.compile(
    r"\"[A-Za-z_][\w ]{0,40}\"\s*:"
    r"|^[ \t]*(?:[-*+]|\d{1,2}[.)])[ \t]+`?[A-Za-z_][\w.]*`?[ \t]*(?:\(|:|—|–|-[ \t])"
    r"|\b(?:fields?|keys?|properties|columns?|attributes)\b[^.\n]{0,60}?(?:`|\"|:[ \t]*$)"
    r"|`[A-Za-z_]\w*`[^.\n]{0,40}`[A-Za-z_]\w*`"
    r"|\b[A-Za-z_]\w*[ \t]*:[ \t]*(?:string|number|integer|boolean|bool|int|float|array|object|list|null)\b"
    r"|<(?:schema|fields|json_schema)>",
    re.I | re.M,
)
EXAMPLES_RE = re.compile(
    r"\bexamples?\b|<example|\be\.g\.|\bfor (?:example|instance)\b|\bsuch as\b|^[ \t]*(?:input|output|user|assistant|q|a)[ \t]*:",
    re.I | re.M,
)
FALLBACK_RE = re.compile(
    r"\b(?:if|when|whenever|unless)\b[^.\n]{0,80}?\b(?:not|no|none|nothing|unsure|uncertain|unclear|ambiguous|missing"
    r"|lacks?|unavailable|outside|unrelated|off-topic|insufficient|absent|empty|doubt|unable|cannot|can't|doesn't|don't"
    r"|too (?:large|long|short|vague))\b"
    r"|\bout[ -]of[ -]scope\b|\boutside (?:the|your|of)\b[^.\n]{0,30}\bscope\b|\bunrelated (?:to|questions|requests)\b"
    r"|\boff-topic\b|\bi (?:don't|do not) know\b|\bpolitely (?:decline|refuse|redirect)|\bdecline\b|\brefuse\b|\bnull\b"
    r"|\bnot (?:enough|sufficient) (?:information|context)\b|\bescalate\b|\bhand (?:off|over)\b"
    r"|\bask (?:a |one )?(?:short )?clarifying question|\bask (?:the user )?for clarification",
    re.I,
)
LONG_INPUT_NAME_RE = re.compile(
    r"(?:^|_)(?:documents?|docs?|context|articles?|transcripts?|text|content|pages?|reports?|sources?|code|files?|history"
    r"|knowledge|corpus|passages?|manual|faq|contract|body|emails?|thread|conversation|data|notes|logs?|catalog(?:ue)?"
    r"|listings?|inventory|diff|invoice)(?:$|_)",
    re.I,
)
LONG_INPUT_MIN_LENGTH = 2000
TRAILING_INSTRUCTION_CHARS = 30
LEADING_INSTRUCTION_CHARS = 200
COMPLEX_WORDS = 200
COMPLEX_SECTIONS = 4
FALLBACK_MIN_WORDS = 30


def _first_sentence_span(ctx: LintContext) -> tuple[int, int]:
    sentences = ctx.doc.sentences
    if sentences:
        return sentences[0].start, sentences[0].end
    return 0, min(len(ctx.doc.text), 80)


@rule("STR-01", "structure", "warning", "Missing role or objective",
      "The opening does not say who the assistant is or what it must achieve.")
def missing_role(ctx: LintContext) -> Iterator[Hit]:
    text = ctx.doc.text
    if not text.strip():
        return
    opening = text[:OPENING_CHARS]
    if ROLE_RE.search(opening) or ROLE_SECTION_RE.search(text):
        return
    if ctx.doc.sentences and IMPERATIVE_OPENING_RE.match(ctx.doc.sentences[0].body):
        return
    start, end = _first_sentence_span(ctx)
    yield Hit(start, end, "The opening states no role or objective.",
              "Start with one line such as 'You are <role> helping <audience> to <goal>.'")


@rule("STR-02", "structure", "warning", "No output format",
      "The prompt never says what the answer should look like (length, structure, tags or schema).")
def missing_output_format(ctx: LintContext) -> Iterator[Hit]:
    if ctx.doc.text.strip() and not FORMAT_RE.search(ctx.doc.text):
        yield Hit(None, None, "No output format is specified.",
                  "Add an 'Output format' section: length, structure, and tag names or JSON fields.")


@rule("STR-07", "structure", "error", "Structured output without fields",
      "JSON/YAML/CSV output is requested but no field names, keys or schema are given.")
def structured_without_fields(ctx: LintContext) -> Iterator[Hit]:
    m = STRUCTURED_REQUEST_RE.search(ctx.doc.text)
    if m and not FIELDS_RE.search(ctx.doc.text):
        yield Hit(m.start(), m.end(), "Structured output is requested without naming its fields.",
                  "List every field with its type, or give a JSON schema or a complete example object.")


@rule("STR-03", "structure", "info", "No examples for a complex task",
      "A long or multi-section prompt gives no example of the expected behaviour.")
def missing_examples(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    complex_task = doc.word_count >= COMPLEX_WORDS or doc.section_count >= COMPLEX_SECTIONS
    if complex_task and not EXAMPLES_RE.search(doc.text):
        yield Hit(None, None, "This prompt is complex but shows no examples.",
                  "Add 1-3 diverse examples (in <example> tags or an '# Examples' section), including an edge case.")


@rule("STR-05", "structure", "warning", "Long input after its instructions",
      "A long input (document, context, transcript…) is placed at the end, after the instructions about it.")
def long_input_last(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    declared = ctx.declared or {}
    seen: set[str] = set()
    for occ in doc.variables:
        if not occ.valid or occ.name in seen:
            continue
        var = declared.get(occ.name)
        is_long = LONG_INPUT_NAME_RE.search(occ.name) is not None or (
            var is not None and var.max_length is not None and var.max_length >= LONG_INPUT_MIN_LENGTH
        )
        if not is_long:
            continue
        seen.add(occ.name)
        block_end = occ.end
        for region in doc.xml_regions:
            if region.content_start <= occ.start and occ.end <= region.content_end:
                block_end = max(block_end, region.end)
        for start, end in doc.fences:
            if start <= occ.start < end:
                block_end = max(block_end, end)
        tail = len("".join(doc.text[block_end:].split()))
        head = len("".join(doc.text[: occ.start].split()))
        if tail < TRAILING_INSTRUCTION_CHARS and head >= LEADING_INSTRUCTION_CHARS:
            yield Hit(occ.start, occ.end, f"Long input '{{{{{occ.name}}}}}' comes after the instructions about it.",
                      "Put long inputs near the top and the task or question at the end, or restate the task after it.")


@rule("STR-06", "structure", "warning", "No fallback",
      "Nothing says what to do when unsure, when information is missing, or when a request is out of scope.")
def missing_fallback(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    if doc.word_count >= FALLBACK_MIN_WORDS and not FALLBACK_RE.search(doc.text):
        yield Hit(None, None, "No fallback for uncertain or out-of-scope requests.",
                  "Add e.g. 'If the answer is not in the provided material, say you don't know.'")
