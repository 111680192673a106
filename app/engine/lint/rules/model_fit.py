"""Model-fit rules: style that does not suit the target model family."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.engine.lint._registry import Hit, rule
from app.engine.lint._text import LintContext, Phrases

CLAUDE_XML_MIN_WORDS = 300
CLAUDE_MIN_HEADINGS = 2
"""Markdown headings also give Claude sections; the rule is about an unstructured wall of text."""
SMALL_MAX_WORDS = 350
SMALL_MAX_SECTIONS = 4
JSON_DOCUMENT_RE = re.compile(
    r"[\[{]\s*\"(?:documents?|docs|content|text|passages?|context|articles?|pages?|body|source)\"\s*:", re.I
)
STEP_BY_STEP = Phrases(
    r"think (?:step[ -]by[ -]step|carefully|through)\b",
    r"chain[ -]of[ -]thought\b",
    r"reason step[ -]by[ -]step\b",
    r"<thinking>",
    r"scratchpad\b",
)


@rule(
    "MOD-01",
    "model_fit",
    "warning",
    "Long Claude prompt without XML sections",
    "Claude follows long prompts best when sections and inputs are wrapped in XML tags (<instructions>, <document>…)."
    f" Not reported when the prompt has at least {CLAUDE_MIN_HEADINGS} Markdown headings.",
)
def claude_without_xml(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    if (
        ctx.target == "claude"
        and doc.word_count >= CLAUDE_XML_MIN_WORDS
        and not doc.xml_regions
        and len(doc.headings) < CLAUDE_MIN_HEADINGS
    ):
        yield Hit(
            None,
            None,
            f"A {ctx.doc.word_count}-word prompt for Claude uses no XML sections.",
            "Wrap sections and inputs in descriptive tags such as <instructions>, <context>, <examples>.",
        )


@rule(
    "MOD-02",
    "model_fit",
    "warning",
    "JSON-wrapped documents for GPT",
    "GPT models do poorly with large document collections wrapped in JSON; use XML tags or Markdown sections.",
)
def gpt_json_documents(ctx: LintContext) -> Iterator[Hit]:
    if ctx.target != "gpt":
        return
    m = JSON_DOCUMENT_RE.search(ctx.doc.text)
    if m:
        yield Hit(
            m.start(),
            m.end(),
            "Documents are wrapped in JSON.",
            "Use <doc id='1' title='…'>…</doc> tags or '# Context' Markdown sections instead.",
        )


@rule(
    "MOD-03",
    "model_fit",
    "warning",
    "Long multi-section prompt for a small model",
    f"Small models do best with short single-focus prompts (at most"
    f" {SMALL_MAX_WORDS} words, {SMALL_MAX_SECTIONS} sections).",
)
def small_too_long(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    if ctx.target == "small" and (doc.word_count > SMALL_MAX_WORDS or doc.section_count > SMALL_MAX_SECTIONS):
        yield Hit(
            None,
            None,
            f"{doc.word_count} words in {doc.section_count} sections is a lot for a small model.",
            "Keep one task, a short preamble and explicit delimiters; split the rest into separate prompts.",
        )


@rule(
    "MOD-04",
    "model_fit",
    "info",
    "Reasoning scaffold for a small model",
    "Step-by-step or scratchpad instructions rarely help small models and cost tokens.",
)
def small_reasoning(ctx: LintContext) -> Iterator[Hit]:
    if ctx.target != "small":
        return
    m = STEP_BY_STEP.search(ctx.doc.lower)
    if m:
        yield Hit(
            m.start(),
            m.end(),
            f"Reasoning scaffold '{ctx.doc.text[m.start() : m.end()]}' for a small model.",
            "Drop it, and give the steps as a short numbered list instead.",
        )
